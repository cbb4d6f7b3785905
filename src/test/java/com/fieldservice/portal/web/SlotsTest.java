package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.support.HeldSlots;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A burst never runs more than its slots at once: the others wait, and each runs in its turn.
 * The work here blocks until the test lets it go, so what runs and what waits is read, not timed.
 */
class SlotsTest {

    @Test
    void twoSlotsRunTwoAtOnceAndTheOthersInTheirTurn() throws Exception {
        Slots slots = new Slots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(CompletableFuture.supplyAsync(() -> slots.run(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return n;
                }), callers));
            }
            HeldSlots.until(() -> slots.waiting() == 6);
            assertThat(running.get()).as("two run, six wait").isEqualTo(2);
            release.countDown();
            for (int i = 0; i < 8; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(mostAtOnce.get()).as("never more than two at once").isEqualTo(2);
            assertThat(slots.waiting()).isZero();
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void workThatThrowsGivesItsSlotBack() {
        Slots slots = new Slots(1);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> slots.during(() -> {
                throw new IllegalStateException("malformed");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(slots.run(() -> "still served")).isEqualTo("still served");
    }

    @Test
    void thereIsAtLeastOneSlot() {
        assertThatThrownBy(() -> new Slots(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
