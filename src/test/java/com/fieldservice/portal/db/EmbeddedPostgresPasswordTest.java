package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made before the embedded server had a password (trusting every local
 * connection), started by today's portal: from then on every connection must give the password
 * the portal generated and keeps in db-password, readable by its own user only.
 */
class EmbeddedPostgresPasswordTest {

    @TempDir
    static Path dataDir;
    static int port;
    static EmbeddedPostgresServer server;

    @BeforeAll
    static void startOnATrustingDataDirectory() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // what earlier portals left: the library's own initdb, trusting everyone
        EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false)
                .setPort(port).start().close();
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("trust");

        server = EmbeddedPostgresServer.start(dataDir, port);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyConnectionMustGiveTheGeneratedPassword() throws Exception {
        String password = Files.readString(dataDir.resolve("db-password")).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(40).isEqualTo(server.password());

        assertThatThrownBy(() -> connect("")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect("not-" + password)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection connection = connect(password)) {
            assertThat(connection.createStatement().executeQuery("SHOW password_encryption"))
                    .satisfies(rs -> {
                        rs.next();
                        assertThat(rs.getString(1)).isEqualTo("scram-sha-256");
                    });
        }
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
    }

    @Test
    void thePasswordFileIsReadableByThePortalsUserOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("db-password")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aSecondPortalOnTheSameDataDirectoryIsRefused() {
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, port))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("another portal is already running on the data directory " + dataDir
                        + "; stop it first, or give this portal its own PORTAL_DATA_DIR");
        assertThat(server.isRunning()).isTrue();
    }

    private static Connection connect(String password) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.USER, password);
    }
}
