package com.fieldservice.portal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact. Its data
 * directory survives restarts; it listens on 127.0.0.1 only, asks every connection for the
 * password in {@code db-password}, and keeps the portal's tables in the database
 * {@value #DATABASE}, user {@value #USER}.
 *
 * <p>After a crash it comes back by itself: a server left running by a killed portal is stopped
 * cleanly before ours starts, and a server that dies while the portal runs is started again;
 * PostgreSQL replays its write-ahead log, so every committed write is kept.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "portal";
    public static final String USER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);
    /** Crash recovery replays the write-ahead log since the last checkpoint: give it time. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(10);

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final Path pgData;
    private final String password;
    private final PgCtl pgCtl;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long postmasterPid;

    private EmbeddedPostgresServer(DataDirectoryLock lock, EmbeddedPostgres postgres, Path pgData, String password,
                                   PgCtl pgCtl) {
        this.lock = lock;
        this.postgres = postgres;
        this.pgData = pgData;
        this.password = password;
        this.pgCtl = pgCtl;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        DataDirectoryLock lock = null;
        try {
            Files.createDirectories(dataDir);
            lock = DataDirectoryLock.acquire(dataDir);
            Path pgData = dataDir.resolve("postgres");
            PgCtl pgCtl = new PgCtl(pgData, dataDir.resolve("postgres.log"));
            String password = DatabasePassword.readOrCreate(dataDir);
            clearLeftovers(pgData, pgCtl);
            refuseTakenPort(port);
            Map<String, String> config = serverConfig();
            boolean passwordRequired = DatabasePassword.isRequired(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setConnectConfig("password", password)
                    .setPGStartupWait(STARTUP_WAIT)
                    // the portal stops the server itself, after the web server has drained
                    .setRegisterShutdownHook(false);
            config.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(lock, postgres, pgData, password, pgCtl);
            try {
                if (!passwordRequired) {
                    DatabasePassword.require(postgres.getPostgresDatabase(), pgData, password);
                    LOG.info("the embedded PostgreSQL now asks every connection for the password in {}",
                            dataDir.resolve(DatabasePassword.FILE_NAME));
                }
                server.createPortalDatabase();
                server.watch();
                return server;
            } catch (IOException | SQLException | RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException | SQLException | IllegalStateException e) {
            if (lock != null) {
                lock.close();
            }
            throw new DatabaseException("the embedded PostgreSQL did not start on 127.0.0.1:" + port
                    + " with data in " + dataDir + ": " + DatabaseException.rootMessage(e), e);
        } catch (DatabaseException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static Map<String, String> serverConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listen_addresses", "127.0.0.1");
        // the library's defaults trade durability for speed (fsync off, commits acknowledged
        // before they reach the write-ahead log): a portal keeps every write it acknowledged
        config.put("fsync", "on");
        config.put("synchronous_commit", "on");
        config.put("password_encryption", "scram-sha-256");
        return config;
    }

    /**
     * This portal holds the data directory's lock, so a server still running on it was left by
     * a portal that was killed: stop it cleanly, then start our own. A postmaster.pid whose
     * process is gone (a reboot, a killed server) is removed once nothing uses its memory.
     */
    private static void clearLeftovers(Path pgData, PgCtl pgCtl) throws IOException {
        Optional<PostmasterPid> leftover = PostmasterPid.read(pgData);
        if (leftover.isEmpty()) {
            return;
        }
        PostmasterPid pid = leftover.get();
        if (pid.isRunning() && pid.serves(pgData)) {
            long began = System.nanoTime();
            try {
                pgCtl.stopFast();
            } catch (IOException stopFailed) {
                if (pid.isRunning()) {
                    throw stopFailed;
                } // else it died meanwhile: what it left is stale
            }
            LOG.info("stopped the embedded PostgreSQL (PID {}) left running by a portal that did not stop cleanly, in {} ms;"
                    + " starting our own", pid.pid(), millisSince(began));
        }
        Optional<PostmasterPid> stale = PostmasterPid.read(pgData);
        if (stale.isPresent()) {
            removeStale(stale.get(), pgData);
            LOG.info("removed the stale postmaster.pid of a PostgreSQL (PID {}) that no longer runs", stale.get().pid());
        }
    }

    private static void removeStale(PostmasterPid pid, Path pgData) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pid.sharedMemoryInUse()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("processes of the PostgreSQL that ran as PID " + pid.pid()
                        + " still use its shared memory after 60 s; stop them first");
            }
            pause(WATCH_INTERVAL);
        }
        Files.deleteIfExists(pgData.resolve(PostmasterPid.FILE_NAME));
    }

    /**
     * Another server on the port would answer in place of ours: PostgreSQL can't bind it, but the
     * start-up check connects to whatever listens there, and the portal would run on someone
     * else's database. Check the port first.
     */
    private static void refuseTakenPort(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException taken) {
            throw new DatabaseException("the embedded PostgreSQL can't listen on 127.0.0.1:" + port + ": port " + port
                    + " on 127.0.0.1 is taken by another program; set PORTAL_EMBEDDED_DB_PORT to a free port", taken);
        }
    }

    private void watch() throws IOException {
        postmasterPid = PostmasterPid.read(pgData).orElseThrow().pid();
        watchdog.scheduleWithFixedDelay(this::restartIfDied, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the server process is alive (a killed server lingers as a zombie: not alive). */
    public boolean isRunning() {
        return ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive).isPresent();
    }

    private void restartIfDied() {
        if (isRunning()) {
            return;
        }
        long began = System.nanoTime();
        LOG.warn("the embedded PostgreSQL (PID {}) stopped unexpectedly; starting it again", postmasterPid);
        try {
            Optional<PostmasterPid> stale = PostmasterPid.read(pgData);
            if (stale.isPresent()) {
                removeStale(stale.get(), pgData);
            }
            pgCtl.startAsBefore();
            postmasterPid = PostmasterPid.read(pgData).orElseThrow().pid();
            LOG.info("the embedded PostgreSQL is back (PID {}), recovered from its write-ahead log in {} ms",
                    postmasterPid, millisSince(began));
        } catch (IOException | RuntimeException e) {
            LOG.error("the embedded PostgreSQL could not be started again ({}); trying again", DatabaseException.rootMessage(e));
            pause(Duration.ofSeconds(5));
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    private void createPortalDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!existing.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    @Override
    public void close() {
        // a restart under way finishes first, so that the server it starts is the one stopped
        watchdog.shutdown();
        try {
            watchdog.awaitTermination(1, TimeUnit.MINUTES);
            postgres.close();
        } catch (IOException e) {
            throw new DatabaseException("the embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.close();
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
