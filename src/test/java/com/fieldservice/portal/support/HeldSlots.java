package com.fieldservice.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.web.Slots;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Every slot of a {@link Slots} taken by the test's own threads until closed, so that what comes
 * next must wait for one: the test reads who waits instead of timing anyone.
 */
public final class HeldSlots implements AutoCloseable {

    private final Slots slots;
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService holders;

    private HeldSlots(Slots slots) {
        this.slots = slots;
        this.holders = Executors.newFixedThreadPool(slots.size());
    }

    public static HeldSlots take(Slots slots) {
        HeldSlots held = new HeldSlots(slots);
        CountDownLatch taken = new CountDownLatch(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            held.holders.submit(() -> slots.during(() -> {
                taken.countDown();
                try {
                    held.release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        try {
            assertThat(taken.await(10, TimeUnit.SECONDS)).as("every slot taken").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return held;
    }

    /** Returns once {@code count} callers wait for a slot; fails after 10 s. */
    public void untilWaiting(int count) {
        until(() -> slots.waiting() == count);
    }

    /** Waits until the condition holds (another thread's progress); fails after 10 s. */
    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for another thread").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        release.countDown();
        holders.shutdown();
        try {
            assertThat(holders.awaitTermination(10, TimeUnit.SECONDS)).as("the slots given back").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
