package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A burst of password hashes never computes more than its slots at once: the others wait, and
 * each is computed in its turn. The hashes here block until the test lets them go, so what runs
 * and what waits is read, not timed.
 */
class HashingSlotsTest {

    /** Waits until the condition holds (another thread's progress); fails after 10 s. */
    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for another thread").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void twoSlotsRunTwoAtOnceAndTheOthersInTheirTurn() throws Exception {
        HashingSlots slots = new HashingSlots(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(CompletableFuture.supplyAsync(() -> slots.run(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return n;
                }), callers));
            }
            until(() -> slots.waiting() == 6);
            assertThat(slots.mostAtOnce()).as("two run, six wait").isEqualTo(2);
            release.countDown();
            for (int i = 0; i < 8; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(slots.mostAtOnce()).isEqualTo(2);
            assertThat(slots.waiting()).isZero();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aHashThatThrowsGivesItsSlotBack() {
        HashingSlots slots = new HashingSlots(1);
        for (int i = 0; i < 3; i++) {
            try {
                slots.run(() -> {
                    throw new IllegalStateException("malformed");
                });
            } catch (IllegalStateException expected) {
                // the next call must still find its slot
            }
        }
        assertThat(slots.run(() -> "still served")).isEqualTo("still served");
    }

    @Test
    void signInsAndNewPasswordsWaitForASlotWhenAllAreTaken() throws Exception {
        String hash = Passwords.hash("correct horse");
        int slots = Runtime.getRuntime().availableProcessors();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch taken = new CountDownLatch(slots);
        ExecutorService threads = Executors.newFixedThreadPool(slots + 2);
        try {
            for (int i = 0; i < slots; i++) {
                threads.submit(() -> Passwords.SLOTS.run(() -> {
                    taken.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
            }
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> signIn = CompletableFuture.supplyAsync(() -> Passwords.verify("correct horse", hash), threads);
            CompletableFuture<String> newPassword = CompletableFuture.supplyAsync(() -> Passwords.hash("battery staple"), threads);
            until(() -> Passwords.SLOTS.waiting() == 2);
            assertThat(signIn).isNotDone();
            assertThat(newPassword).isNotDone();
            release.countDown();
            assertThat(signIn.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Passwords.verify("battery staple", newPassword.get(10, TimeUnit.SECONDS))).isTrue();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }
}
