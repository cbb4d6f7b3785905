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

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact. Its data
 * directory survives restarts; it listens on 127.0.0.1 only and keeps the portal's tables in
 * the database {@value #DATABASE}, user {@value #USER}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "portal";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            refuseTakenPort(port);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // the portal stops the server itself, after the web server has drained
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.createPortalDatabase();
            return server;
        } catch (IOException | SQLException | IllegalStateException e) {
            throw new DatabaseException("the embedded PostgreSQL did not start on 127.0.0.1:" + port
                    + " with data in " + dataDir + ": " + rootMessage(e), e);
        }
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

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
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
        try {
            postgres.close();
        } catch (IOException e) {
            throw new DatabaseException("the embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
