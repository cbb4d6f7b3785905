package com.fieldservice.portal.db;

import com.fieldservice.portal.Settings;
import com.fieldservice.portal.ops.ReadRouting;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
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
    private final Optional<HikariDataSource> replica;
    private final Jdbi readJdbi;
    private final String schemaVersion;
    private final String url;
    private final String user;
    private final String password;

    private Database(Optional<EmbeddedPostgresServer> embedded, HikariDataSource dataSource,
                     Optional<HikariDataSource> replica, String schemaVersion, String url, String user, String password) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = jdbi(dataSource);
        this.replica = replica;
        this.readJdbi = replica.map(r -> jdbi(ReadRouting.routing(dataSource, r))).orElse(jdbi);
        this.schemaVersion = schemaVersion;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    private static Jdbi jdbi(DataSource dataSource) {
        return configured(Jdbi.create(dataSource));
    }

    /** How the portal uses jdbi, for every Jdbi it makes (and the tests' own). */
    public static Jdbi configured(Jdbi jdbi) {
        return jdbi.installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin())
                .registerRowMapper(new RecordMappers())
                .registerColumnMapper(new JsonColumns())
                .registerColumnMapper(UUID.class, new UuidColumns())
                .setTemplateEngine(new SqlTemplates());
    }

    public static Database open(Settings settings) {
        return open(settings, pool -> { });
    }

    /** @param poolSetup what else each connection pool needs before it opens (its metrics) */
    public static Database open(Settings settings, Consumer<HikariConfig> poolSetup) {
        Optional<EmbeddedPostgresServer> embedded = settings.embeddedDatabase()
                ? Optional.of(EmbeddedPostgresServer.start(settings.dataDir(), settings.embeddedDbPort()))
                : Optional.empty();
        String url = embedded.map(EmbeddedPostgresServer::jdbcUrl).orElseGet(() -> settings.dbUrl().orElseThrow());
        String user = embedded.isPresent() ? EmbeddedPostgresServer.USER : settings.dbUser();
        String password = embedded.map(EmbeddedPostgresServer::password).orElseGet(settings::dbPassword);
        try {
            checkReachable(url, user, password);
            String version = migrate(url, user, password);
            Optional<HikariDataSource> replica = settings.ops().readDatabase()
                    .map(read -> pool("portal-read", read.url(), read.user(), read.password(), poolSetup));
            return new Database(embedded, pool("portal", url, user, password, poolSetup), replica, version, url, user, password);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Where the heavy read-only pages read: the streaming replica of PORTAL_DB_READ_URL, or the
     * primary without one; a person who has just written reads the primary ({@link ReadRouting}).
     */
    public Jdbi readJdbi() {
        return readJdbi;
    }

    public boolean hasReplica() {
        return replica.isPresent();
    }

    /** A connection of its own, outside the pool, for a long-lived LISTEN. */
    public Connection newConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Whether the database answers and has every migration of this version of the portal applied. */
    public boolean isMigrated() {
        if (!isUp()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT EXISTS (SELECT 1 FROM flyway_schema_history WHERE version = ? AND success)")) {
            statement.setString(1, schemaVersion);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
        }
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
        replica.ifPresent(HikariDataSource::close);
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

    /**
     * Brings the schema up to date and returns its version. Instances starting together on one
     * database are safe: Flyway holds a PostgreSQL advisory lock while it migrates, so the others
     * wait for it and then find nothing left to do.
     */
    private static String migrate(String url, String user, String password) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .load();
            flyway.migrate();
            return flyway.info().current().getVersion().getVersion();
        } catch (FlywayException e) {
            // Flyway explains over several lines; keep them all, on one line
            throw new DatabaseException("the database migration failed: " + String.join(" ",
                    DatabaseException.rootMessage(e).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()), e);
        }
    }

    private static HikariDataSource pool(String name, String url, String user, String password,
                                         Consumer<HikariConfig> setup) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(name);
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(5_000);
        config.setConnectionInitSql(QueryPlans.CONNECTION_DEFAULT);
        setup.accept(config);
        return new HikariDataSource(config);
    }

    private static String withoutCredentials(String url) {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
