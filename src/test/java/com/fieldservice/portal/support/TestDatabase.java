package com.fieldservice.portal.support;

import com.fieldservice.portal.db.Database;
import com.fieldservice.portal.db.QueryPlans;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * One real PostgreSQL (embedded, the same major version the portal ships) for the whole test
 * run. The migrations are applied once to a template database; every test that needs its own
 * data gets a fresh copy of it in a few milliseconds.
 */
public final class TestDatabase {

    private static final String TEMPLATE = "portal_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                execute("CREATE DATABASE " + TEMPLATE);
                Flyway.configure()
                        .dataSource(server.getJdbcUrl("postgres", TEMPLATE), "postgres", "")
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new, migrated, empty database; returns its JDBC URL (user postgres, no password). */
    public static String freshDatabaseUrl() {
        String name = "portal_test_" + COUNTER.incrementAndGet();
        server();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return server.getJdbcUrl("postgres", name);
    }

    /** A database with no tables at all, for testing the migrations themselves. */
    public static String emptyDatabaseUrl() {
        String name = "portal_empty_" + COUNTER.incrementAndGet();
        server();
        execute("CREATE DATABASE " + name);
        return server.getJdbcUrl("postgres", name);
    }

    /** Connections to this database as the portal's pool opens them ({@link QueryPlans#CONNECTION_DEFAULT}). */
    public static Jdbi jdbi(String url) {
        return Database.configured(Jdbi.create(() -> {
            Connection connection = DriverManager.getConnection(url, "postgres", "");
            try (Statement statement = connection.createStatement()) {
                statement.execute(QueryPlans.CONNECTION_DEFAULT);
            }
            return connection;
        }));
    }

    public static Jdbi freshJdbi() {
        return jdbi(freshDatabaseUrl());
    }

    private static void execute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
