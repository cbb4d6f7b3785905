package com.fieldservice.portal.support;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A transaction of the test's own that holds a lock, so that concurrent requests all get
 * inside their transactions and queue up at the statement that needs it; released, they race
 * for real. Without it, "simultaneous" requests mostly run one after the other, and the branch
 * that handles the loser of the race may never run.
 */
public final class HeldLock implements AutoCloseable {

    private final Handle handle;
    private final int backend;
    /** Outside the held transaction: inside one, PostgreSQL shows the same snapshot of its activity. */
    private final Handle watcher;

    private HeldLock(Handle handle, Handle watcher) {
        this.handle = handle;
        this.watcher = watcher;
        this.backend = handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
    }

    /** Runs {@code lockingStatement} (LOCK TABLE ..., SELECT ... FOR UPDATE) in a transaction left open. */
    public static HeldLock take(Jdbi jdbi, String lockingStatement) {
        Handle handle = jdbi.open();
        try {
            handle.begin();
            try (Statement statement = handle.getConnection().createStatement()) {
                statement.execute(lockingStatement);
            }
            return new HeldLock(handle, jdbi.open());
        } catch (SQLException e) {
            handle.close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /**
     * Waits until {@code sessions} other sessions wait for this lock, and answers the statements
     * they wait in (each inside its own transaction, or it would not be waiting for a lock).
     */
    public List<String> awaitWaiting(int sessions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // the first in the queue waits for the holder, the next ones for the first
            List<String> waiting = watcher.createQuery("""
                    SELECT query FROM pg_stat_activity
                     WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> :holder
                       AND cardinality(pg_blocking_pids(pid)) > 0 ORDER BY pid""")
                    .bind("holder", backend).mapTo(String.class).list();
            if (waiting.size() >= sessions) {
                return waiting;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + ", " + waiting.size() + " of " + sessions
                        + " sessions wait for the lock: " + waiting);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /** Ends the transaction keeping what it wrote: the waiting sessions go on, and see it. */
    public void commit() {
        if (!handle.isClosed()) {
            handle.commit();
            close();
        }
    }

    /** Ends the transaction: the waiting sessions go on, all at once. */
    @Override
    public void close() {
        if (!handle.isClosed()) {
            handle.rollback();
            handle.close();
            watcher.close();
        }
    }
}
