package com.fieldservice.portal.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every instance's in-memory caches true to the database. A statement trigger (V19)
 * sends {@code NOTIFY portal_changes, '<table>'} whenever a cached table changes, from whichever
 * instance (or psql session) changed it; this listener, on its own connection, runs the
 * forgetters registered for that table. A notification may name one row, {@code '<table>:<key>'}
 * (V26: the account whose sessions ended or whose person changed), for the caches that can
 * forget just that ({@link #onKeyedChange}). After a lost connection it forgets everything once, since
 * notifications sent meanwhile are gone, and listens again; meanwhile {@link #listening()} is
 * false, for caches that must not answer from what may be stale.
 */
public final class CacheEvents implements AutoCloseable {

    public static final String CHANNEL = "portal_changes";

    /** A connection to LISTEN on, opened anew after a failure. */
    public interface Connector {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CacheEvents.class);
    private static final int POLL_MILLIS = 500;
    /** The payload prefix of {@link #awaitProcessed()}'s own notifications. */
    private static final String MARKER = "cache-events-marker:";
    private static final long AWAIT_SECONDS = 5;

    private final Connector connector;
    private final Jdbi jdbi;
    private final Map<String, List<Runnable>> forgetters = new ConcurrentHashMap<>();
    private final Map<String, List<Keyed>> keyedForgetters = new ConcurrentHashMap<>();
    private final Set<Runnable> all = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> markers = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean listening;

    /** Listens on connections of {@code connector}; sends its own markers through {@code jdbi}'s pool. */
    public CacheEvents(Connector connector, Jdbi jdbi) {
        this.connector = connector;
        this.jdbi = jdbi;
        this.thread = new Thread(this::run, "portal-cache-events");
        thread.setDaemon(true);
    }

    /** Runs {@code forget} whenever one of these tables changes, on any instance. */
    public CacheEvents onChange(Runnable forget, String... tables) {
        for (String table : tables) {
            forgetters.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(forget);
        }
        all.add(forget);
        return this;
    }

    /**
     * For a cache that can forget one row: runs {@code forgetKey} with the key of every
     * {@code '<table>:<key>'} notification of these tables, and {@code forgetAll} on their plain
     * notifications (a TRUNCATE, say) and after a lost connection. The plain forgetters of a table
     * run on both kinds.
     */
    public CacheEvents onKeyedChange(Consumer<String> forgetKey, Runnable forgetAll, String... tables) {
        for (String table : tables) {
            keyedForgetters.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(new Keyed(forgetKey, forgetAll));
        }
        all.add(forgetAll);
        return this;
    }

    private record Keyed(Consumer<String> forgetKey, Runnable forgetAll) {
    }

    /**
     * True while the LISTEN is in place, so that every change reaches the forgetters; false
     * before it starts and from a lost connection until listening again (when every cache has
     * been forgotten once).
     */
    public boolean listening() {
        return listening;
    }

    /**
     * Waits until the listener has run the forgetters of every change committed before this call,
     * on any instance: sends a notification of its own and waits for it, since PostgreSQL
     * delivers notifications in commit order. False when not listening, or not seen within a few
     * seconds.
     */
    public boolean awaitProcessed() {
        if (!listening) {
            return false;
        }
        String marker = MARKER + UUID.randomUUID();
        CountDownLatch seen = new CountDownLatch(1);
        markers.put(marker, seen);
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT pg_notify(:channel, :marker)")
                    .bind("channel", CHANNEL).bind("marker", marker).mapTo(String.class).list());
            return seen.await(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            markers.remove(marker);
        }
    }

    /** Starts listening; returns once the LISTEN is in place (or after a few seconds without it). */
    public CacheEvents start() {
        thread.start();
        try {
            started.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    private void run() {
        boolean first = true;
        while (!stopped) {
            try (Connection listener = connector.open()) {
                try (Statement statement = listener.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    LOG.info("listening for cache changes again; forgetting every cache once");
                    all.forEach(Runnable::run);
                }
                first = false;
                listening = true;
                started.countDown();
                PGConnection pg = listener.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!stopped) {
                    LOG.warn("cache change listener lost its connection ({}); retrying", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void dispatch(String payload) {
        if (payload.startsWith(MARKER)) {
            CountDownLatch seen = markers.get(payload);
            if (seen != null) {
                seen.countDown();
            }
            return;
        }
        int colon = payload.indexOf(':');
        String table = colon < 0 ? payload : payload.substring(0, colon);
        forgetters.getOrDefault(table, List.of()).forEach(Runnable::run);
        for (Keyed keyed : keyedForgetters.getOrDefault(table, List.of())) {
            if (colon < 0) {
                keyed.forgetAll().run();
            } else {
                keyed.forgetKey().accept(payload.substring(colon + 1));
            }
        }
    }

    /**
     * A notification of its own, so that the listener stops now rather than at the end of its
     * poll; every other instance ignores it, as any marker it is not waiting for.
     */
    private void wake() {
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT pg_notify(:channel, :marker)")
                    .bind("channel", CHANNEL).bind("marker", MARKER + "stop").mapTo(String.class).list());
        } catch (RuntimeException databaseGone) {
            // the poll ends on its own
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    public void close() {
        stopped = true;
        boolean wasListening = listening;
        listening = false;
        thread.interrupt();
        if (wasListening) {
            // aside, so that a database gone meanwhile makes the stop wait no longer than the poll
            CompletableFuture.runAsync(this::wake);
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
