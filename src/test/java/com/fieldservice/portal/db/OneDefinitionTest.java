package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules written once in the database (V13) cost nothing where they are used: PostgreSQL
 * inlines each function into the query that calls it, so the plan reads the columns themselves
 * and keeps its indexes. A function that stopped being inlinable (made STRICT, given a SET clause,
 * rewritten in PL/pgSQL) would show up by name in the plan.
 */
class OneDefinitionTest {

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.freshJdbi();
    }

    @Test
    void theCustomerScopeKeepsTheIndexOnTheCompanyForEveryScope() {
        UUID company = UUID.randomUUID();
        jdbi.useTransaction(h -> {
            h.execute("SET LOCAL enable_seqscan = off");
            h.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            h.execute("PREPARE visible(uuid, uuid) AS SELECT j.id2 FROM jobs j WHERE customer_may_see(j, $1, $2)");
            String whole = plan(h, "EXPLAIN (VERBOSE, COSTS OFF) EXECUTE visible('" + company + "', NULL)");
            String own = plan(h, "EXPLAIN (VERBOSE, COSTS OFF) EXECUTE visible('" + company + "', '" + UUID.randomUUID() + "')");
            h.execute("DEALLOCATE visible");
            for (String plan : List.of(whole, own)) {
                assertThat(plan).doesNotContain("customer_may_see").contains("Index Cond: (j.company_id = $1)");
            }
        });
    }

    @Test
    void aPersonsNameIsReadFromTheColumns() {
        jdbi.useHandle(h -> {
            assertThat(plan(h, "EXPLAIN (VERBOSE, COSTS OFF) SELECT person_name(u) FROM app_user u"))
                    .doesNotContain("person_name").contains("(firstname)::text");
            assertThat(plan(h, "EXPLAIN (VERBOSE, COSTS OFF) SELECT person_name(c) FROM contact c"))
                    .doesNotContain("person_name").contains("(lastname)::text");
            assertThat(plan(h, "EXPLAIN (VERBOSE, COSTS OFF) SELECT staff_name_for_customers(u) FROM app_user u"))
                    .doesNotContain("staff_name_for_customers").contains("btrim((firstname)::text)");
            assertThat(h.createQuery("""
                    SELECT coalesce(person_name(f, l), '(none)') FROM (VALUES
                        ('Ann', 'Lee'), (NULL, 'Lee'), ('Ann', NULL), (' ', ' '), (NULL, NULL)) AS p(f, l)""")
                    .mapTo(String.class).list()).containsExactly("Ann Lee", "Lee", "Ann", "(none)", "(none)");
        });
    }

    @Test
    void aWorkOrdersAddressIsJoinedNotCalled() {
        jdbi.useHandle(h -> assertThat(plan(h, """
                EXPLAIN (VERBOSE, COSTS OFF)
                SELECT addr.city FROM jobs j LEFT JOIN LATERAL job_address(j) addr ON true WHERE j.id2 = 1"""))
                .doesNotContain("job_address").contains("Index Cond: (a.id = ").contains("db_address_city"));
    }

    @Test
    void theVisitsACustomerSeesAreReadThroughTheIndexOfTheirWorkOrder() {
        jdbi.useTransaction(h -> {
            h.execute("SET LOCAL enable_seqscan = off");
            assertThat(plan(h, """
                    EXPLAIN (VERBOSE, COSTS OFF)
                    SELECT nv.date_start FROM jobs j LEFT JOIN LATERAL (
                           SELECT v.date_start FROM customer_visits(j.id) v ORDER BY v.date_start LIMIT 1) nv ON true
                     WHERE j.id2 = 1"""))
                    .doesNotContain("customer_visits").doesNotContain("Function Scan").contains("job_planning_job");
        });
    }

    @Test
    void referenceTimesAreWrittenInUtcWhateverTheSessionsZone() {
        jdbi.useTransaction(h -> {
            h.execute("SET LOCAL TIME ZONE 'Asia/Tokyo'");
            assertThat(h.createQuery("""
                    SELECT reference_time(TIMESTAMPTZ '2026-01-30 23:36:47.489839+01') || ' ' || reference_time(DATE '2026-01-30')""")
                    .mapTo(String.class).one())
                    .isEqualTo("2026-01-30T22:36:47.489839+00:00 2026-01-30T00:00:00.000000+00:00");
            assertThat(plan(h, "EXPLAIN (VERBOSE, COSTS OFF) SELECT reference_time(j.date_create) FROM jobs j"))
                    .doesNotContain("reference_time");
        });
    }

    private static String plan(Handle h, String explain) {
        return String.join("\n", h.createQuery(explain).mapTo(String.class).list());
    }
}
