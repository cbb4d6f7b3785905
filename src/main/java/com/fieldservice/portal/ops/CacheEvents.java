package com.fieldservice.portal.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every instance's in-memory caches true to the database. A statement trigger (V19)
 * sends {@code NOTIFY portal_changes, '<table>'} whenever a cached table changes, from whichever
 * instance (or psql session) changed it; this listener, on its own connection, runs the
 * forgetters registered for that table. After a lost connection it forgets everything once,
 * since notifications sent meanwhile are gone, and listens again.
 */
public final class CacheEvents implements AutoCloseable {

    public static final String CHANNEL = "portal_changes";

    /** A connection to LISTEN on, opened anew after a failure. */
    public interface Connector {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CacheEvents.class);
    private static final int POLL_MILLIS = 500;

    private final Connector connector;
    private final Map<String, List<Runnable>> forgetters = new ConcurrentHashMap<>();
    private final Set<Runnable> all = ConcurrentHashMap.newKeySet();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stopped;

    public CacheEvents(Connector connector) {
        this.connector = connector;
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

    /** Starts listening; returns once the LISTEN is in place (or after a few seconds without it). */
    public CacheEvents start() {
        thread.start();
        try {
            listening.await(10, TimeUnit.SECONDS);
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
                listening.countDown();
                PGConnection pg = listener.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            forgetters.getOrDefault(n.getParameter(), List.of()).forEach(Runnable::run);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.warn("cache change listener lost its connection ({}); retrying", e.getMessage());
                    pause();
                }
            }
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
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
