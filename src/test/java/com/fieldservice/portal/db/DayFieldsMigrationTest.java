package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A database written before V37 kept a work order's "not before" and "due" days as the instant
 * their day began in Brussels; after V37 they are the days themselves, in summer and in winter,
 * whatever the session's zone, and the indexes and checks on them are still there.
 */
class DayFieldsMigrationTest {

    @Test
    void storedStartsOfDaysBecomeTheirBrusselsDays() {
        String url = TestDatabase.emptyDatabaseUrl();
        migrate(url, "36");
        Jdbi jdbi = TestDatabase.jdbi(url);
        List<String> indexesBefore = indexes(jdbi);
        jdbi.useHandle(h -> {
            // the session of whoever migrates may be in any zone: the conversion names its own
            h.execute("SET TIME ZONE 'Asia/Tokyo'");
            UUID company = h.createQuery("INSERT INTO company (code, name) VALUES ('C1', 'Acme') RETURNING id")
                    .mapTo(UUID.class).one();
            UUID address = h.createQuery("""
                    INSERT INTO db_address (company_id, street, city, zip) VALUES (?, 'Rue Haute 1', 'Brussels', '1000')
                    RETURNING id""").bind(0, company).mapTo(UUID.class).one();
            UUID installation = h.createQuery(
                    "INSERT INTO project (company_id, name, db_address_id) VALUES (?, 'Boiler room', ?) RETURNING id")
                    .bind(0, company).bind(1, address).mapTo(UUID.class).one();
            String job = """
                    INSERT INTO jobs (project_id, job_type_id, job_status_id, name, earliest_date_plannable, due_date)
                    SELECT ?, (SELECT id FROM job_type WHERE is_default), (SELECT id FROM job_status WHERE code = 'Open'),
                           ?, ?::timestamptz, ?::timestamptz""";
            h.execute(job, installation, "summer", "2099-06-13 22:00+00", "2099-06-17 22:00+00");
            h.execute(job, installation, "winter", "2099-01-09 23:00+00", "2099-01-14 23:00+00");
            h.execute(job, installation, "none", null, null);
            h.execute(job, installation, "edge", "1899-12-31 08:00+00", "3000-01-01 08:00+00");
        });

        // to V39, its statistics: later migrations change the indexes on these days
        migrate(url, "39");

        Map<String, String> days = jdbi.withHandle(h -> h.createQuery("""
                SELECT name, pg_typeof(due_date)::text || ' ' || coalesce(earliest_date_plannable::text, '-')
                       || ' ' || coalesce(due_date::text, '-') FROM jobs""")
                .setMapKeyColumn("name").setMapValueColumn("?column?")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() { }));
        assertThat(days).containsEntry("summer", "date 2099-06-14 2099-06-18")
                .containsEntry("winter", "date 2099-01-10 2099-01-15")
                .containsEntry("none", "date - -")
                // a day outside the years the portal takes becomes empty, as V12 did with typed dates
                .containsEntry("edge", "date - -");
        // the planner knows the days again (their type's change dropped their statistics)
        List<String> known = jdbi.withHandle(h -> h.createQuery("""
                SELECT attname FROM pg_stats WHERE tablename = 'jobs'
                   AND attname IN ('due_date', 'earliest_date_plannable') ORDER BY attname""")
                .mapTo(String.class).list());
        assertThat(known).containsExactly("due_date", "earliest_date_plannable");
        assertThat(indexes(jdbi)).containsExactlyElementsOf(indexesBefore.stream()
                .map(definition -> definition.replace("'infinity'::timestamp with time zone", "'infinity'::date"))
                .toList());
        List<String> checks = jdbi.withHandle(h -> h.createQuery("""
                SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE conrelid = 'jobs'::regclass AND contype = 'c'
                   AND (conname LIKE '%due_date%' OR conname LIKE '%earliest%') ORDER BY conname""")
                .mapTo(String.class).list());
        assertThat(checks).containsExactly(
                "jobs_due_date_not_before_earliest CHECK ((due_date >= earliest_date_plannable))",
                "jobs_due_date_plausible CHECK (plausible(due_date))",
                "jobs_earliest_date_plannable_plausible CHECK (plausible(earliest_date_plannable))");
        boolean dayChecked = jdbi.withHandle(h -> h.createQuery("""
                SELECT pg_get_function_identity_arguments(p.oid) = 'd date'
                  FROM pg_depend d JOIN pg_constraint c ON c.oid = d.objid JOIN pg_proc p ON p.oid = d.refobjid
                 WHERE c.conname = 'jobs_due_date_plausible' AND p.proname = 'plausible'""").mapTo(Boolean.class).one());
        assertThat(dayChecked).isTrue();
        // year 0 and other typing slips are still refused, now as days
        for (String slip : List.of("0001-01-01 BC", "1899-12-31", "3000-01-01", "infinity")) {
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
                    "UPDATE jobs SET due_date = ?::date WHERE name = 'none'", slip)))
                    .hasMessageContaining("jobs_due_date_plausible");
        }
        // and the migrations after it run over such rows
        migrate(url, null);
    }

    private static List<String> indexes(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT indexdef FROM pg_indexes WHERE tablename = 'jobs'
                   AND (indexdef LIKE '%due_date%' OR indexdef LIKE '%earliest_date_plannable%') ORDER BY indexname""")
                .mapTo(String.class).list());
    }

    private static void migrate(String url, String target) {
        var configuration = Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        assertThat(configuration.load().migrate().success).isTrue();
    }
}
