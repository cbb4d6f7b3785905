package com.fieldservice.portal.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import java.util.Base64;

/**
 * The embedded PostgreSQL's superuser password: generated at the first start, kept next to the
 * data in a file only the portal's user may read, so that an operator can still open psql.
 */
final class DatabasePassword {

    static final String FILE_NAME = "db-password";

    private DatabasePassword() {
    }

    static String readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!password.isEmpty()) {
                return password;
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // written whole under another name first: a crash never leaves a half-written password
        Path draft = Files.createTempFile(dataDir, FILE_NAME, ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(draft, password + "\n", StandardCharsets.UTF_8);
        Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /**
     * Every connection, over TCP or the Unix socket, must give the password. The file is
     * rewritten only when it differs, which converts a data directory from before passwords.
     */
    static final String PG_HBA = """
            # Written by the portal: every connection gives the password kept in db-password.
            local   all           all                  scram-sha-256
            host    all           all   127.0.0.1/32   scram-sha-256
            host    all           all   ::1/128        scram-sha-256
            local   replication   all                  scram-sha-256
            host    replication   all   127.0.0.1/32   scram-sha-256
            host    replication   all   ::1/128        scram-sha-256
            """;

    static boolean isRequired(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA);
    }

    /**
     * Sets the superuser's password (hashed on this side, so the server never sees it in clear),
     * then makes every connection ask for it.
     */
    static void require(DataSource superuser, Path pgData, String password) throws IOException, SQLException {
        try (Connection connection = superuser.getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(EmbeddedPostgresServer.USER, password.toCharArray(),
                    "scram-sha-256");
            Files.writeString(pgData.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
            connection.createStatement().execute("SELECT pg_reload_conf()");
        }
    }
}
