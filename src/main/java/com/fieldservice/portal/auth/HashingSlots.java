package com.fieldservice.portal.auth;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code size} password hashes computed at once, the others waiting their turn in
 * arrival order. Each Argon2 computation holds its 19 MiB of memory while it runs: a burst of
 * sign-ins (a credential-stuffing run from many addresses, which the per-account and
 * per-address throttle lets through) would otherwise ask for 19 MiB per request in flight, two
 * hundred threads for 3.8 GB, and end the instance with an OutOfMemoryError. Beyond one per
 * processor the computations only share the same processors, so waiting costs them nothing.
 */
final class HashingSlots {

    private final Semaphore slots;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    HashingSlots(int size) {
        this.slots = new Semaphore(size, true);
    }

    <T> T run(Supplier<T> hashing) {
        slots.acquireUninterruptibly();
        try {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return hashing.get();
            } finally {
                running.decrementAndGet();
            }
        } finally {
            slots.release();
        }
    }

    /** How many computations ran at the same time, at most, since the start. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** How many callers wait for a slot now. */
    int waiting() {
        return slots.getQueueLength();
    }
}
