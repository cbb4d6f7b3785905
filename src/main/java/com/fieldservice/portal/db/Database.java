package com.fieldservice.portal.db;

import com.fieldservice.portal.Settings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The portal's PostgreSQL: the external server named by PORTAL_DB_URL, or the embedded one.
 * Opening it checks that it answers, migrates it with Flyway and sets up the pool and Jdbi.
 */
public final class Database implements AutoCloseable {

    private final Optional<EmbeddedPostgresServer> embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(Optional<EmbeddedPostgresServer> embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
    }

    public static Database open(Settings settings) {
        Optional<EmbeddedPostgresServer> embedded = settings.embeddedDatabase()
                ? Optional.of(EmbeddedPostgresServer.start(settings.dataDir(), settings.embeddedDbPort()))
                : Optional.empty();
        String url = embedded.map(EmbeddedPostgresServer::jdbcUrl).orElseGet(() -> settings.dbUrl().orElseThrow());
        String user = embedded.isPresent() ? EmbeddedPostgresServer.USER : settings.dbUser();
        String password = embedded.map(EmbeddedPostgresServer::password).orElseGet(settings::dbPassword);
        try {
            checkReachable(url, user, password);
            migrate(url, user, password);
            return new Database(embedded, pool(url, user, password));
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }
    /**
     * Whether the database answers right now. A stopped embedded server is known down at once,
     * without waiting for the pool's connection timeout.
     */
    public boolean isUp() {
        if (!embedded.map(EmbeddedPostgresServer::isRunning).orElse(true)) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }

    private static void checkReachable(String url, String user, String password) {
        DriverManager.setLoginTimeout(10);
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            // reachable
        } catch (SQLException e) {
            throw new DatabaseException("cannot reach the database at " + withoutCredentials(url) + ": "
                    + DatabaseException.rootMessage(e), e);
        }
    }

    private static void migrate(String url, String user, String password) {
        try {
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            // Flyway explains over several lines; keep them all, on one line
            throw new DatabaseException("the database migration failed: " + String.join(" ",
                    DatabaseException.rootMessage(e).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()), e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("portal");
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    private static String withoutCredentials(String url) {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
