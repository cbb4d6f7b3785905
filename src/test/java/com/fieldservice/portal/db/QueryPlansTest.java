package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A statement run under {@link QueryPlans#generic} is never planned for its values: on one
 * connection, the driver prepares it on the server after a few runs, and PostgreSQL would plan
 * such a statement for its values its first five times, then as often as it judges worth it.
 */
class QueryPlansTest {

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.freshJdbi();
    }

    @Test
    void underTheSettingAStatementKeepsOneGenericPlan() {
        assertThat(plansAfterTenRuns(true)).containsEntry("custom_plans", 0L).extractingByKey("generic_plans")
                .satisfies(generic -> assertThat((Long) generic).isPositive());
    }

    @Test
    void withoutItPostgresqlPlansForTheValues() {
        assertThat(plansAfterTenRuns(false)).extractingByKey("custom_plans")
                .satisfies(custom -> assertThat((Long) custom).isPositive());
    }

    /** How the server planned one statement run ten times on one connection, each in its own transaction. */
    private static Map<String, Object> plansAfterTenRuns(boolean generic) {
        String marker = generic ? "generic_probe" : "default_probe";
        return jdbi.withHandle(handle -> {
            for (int number = 1; number <= 10; number++) {
                int n = number;
                handle.useTransaction(h -> {
                    if (generic) {
                        QueryPlans.generic(h);
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
