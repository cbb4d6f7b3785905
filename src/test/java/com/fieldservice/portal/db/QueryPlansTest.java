package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.Settings;
import com.fieldservice.portal.support.TestDatabase;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the portal's connections a statement is never planned for its values, unless its
 * transaction asks for that ({@link QueryPlans#forValues}): the driver prepares a statement on the
 * server after a few runs on one connection, and PostgreSQL would plan it for its values its first
 * five times there, then as often as it judges worth it.
 */
class QueryPlansTest {

    private static Database database;

    @BeforeAll
    static void portalPool() {
        database = Database.open(Settings.from(Map.of("PORTAL_DB_URL", TestDatabase.freshDatabaseUrl(), "PORTAL_DB_USER", "postgres")));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aPooledConnectionKeepsOneGenericPlan() {
        assertThat(plansAfterTenRuns(database.jdbi(), false)).containsEntry("custom_plans", 0L).extractingByKey("generic_plans")
                .satisfies(generic -> assertThat((Long) generic).isPositive());
    }

    @Test
    void aTransactionAskingForItPlansForTheValues() {
        assertThat(plansAfterTenRuns(database.jdbi(), true)).containsEntry("generic_plans", 0L).extractingByKey("custom_plans")
                .satisfies(custom -> assertThat((Long) custom).isPositive());
    }

    @Test
    void theTestsConnectionsAreOpenedTheSameWay() {
        assertThat(planCacheMode(TestDatabase.freshJdbi())).isEqualTo(planCacheMode(database.jdbi())).isEqualTo("force_generic_plan");
    }

    private static String planCacheMode(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SHOW plan_cache_mode").mapTo(String.class).one());
    }

    /** How the server planned one statement run ten times on one connection, each in its own transaction. */
    private static Map<String, Object> plansAfterTenRuns(Jdbi jdbi, boolean forValues) {
        String marker = forValues ? "custom_probe" : "default_probe";
        return jdbi.withHandle(handle -> {
            for (int number = 1; number <= 10; number++) {
                int n = number;
                handle.useTransaction(h -> {
                    if (forValues) {
                        QueryPlans.forValues(h);
                    }
                    h.createQuery("SELECT count(*) AS " + marker + " FROM jobs WHERE id2 = :n").bind("n", n)
                            .mapTo(Long.class).one();
                });
            }
            return plans(handle, marker);
        });
    }

    private static Map<String, Object> plans(Handle handle, String marker) {
        return handle.createQuery("""
                SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%' || :marker || '%'""")
                .bind("marker", marker).mapToMap().one();
    }
}
