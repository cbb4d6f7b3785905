package com.fieldservice.portal.web;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code size} of a kind of work at once, the others waiting their turn in arrival
 * order: for work that holds much memory while it runs, so that a burst of requests, each
 * allowed on its own, can't together ask for more than the heap holds. Password hashes
 * (auth/Passwords: 19 MiB each) and uploaded files (customer/UploadLimits: up to 64 MB a
 * request) go through their own.
 */
public final class Slots {

    private final int size;
    private final Semaphore slots;

    public Slots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one slot, not " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size, true);
    }

    /** The work's answer, once a slot is free; the slot is free again when it ends, however it ends. */
    public <T> T run(Supplier<T> work) {
        slots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /** The work, once a slot is free ({@link #run}). */
    public void during(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }

    public int size() {
        return size;
    }

    /** How many wait for a slot now. */
    public int waiting() {
        return slots.getQueueLength();
    }
}
