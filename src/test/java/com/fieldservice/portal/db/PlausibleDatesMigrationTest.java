package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A database written before V12, holding dates no one can have meant, migrates: what people
 * typed becomes empty, what the portal stamped and a visit's times move to the nearest
 * plausible instant, and every other row is left as it was.
 */
class PlausibleDatesMigrationTest {

    @Test
    void implausibleDatesAreRepairedThenRefused() {
        String url = TestDatabase.emptyDatabaseUrl();
        migrate(url, "11");
        Jdbi jdbi = TestDatabase.jdbi(url);
        UUID odd = jdbi.withHandle(h -> {
            UUID company = h.createQuery("INSERT INTO company (code, name) VALUES ('C1', 'Acme') RETURNING id")
                    .mapTo(UUID.class).one();
            UUID address = h.createQuery("""
                    INSERT INTO db_address (company_id, street, city, zip) VALUES (?, 'Rue Haute 1', 'Brussels', '1000')
                    RETURNING id""").bind(0, company).mapTo(UUID.class).one();
            UUID installation = h.createQuery("""
                    INSERT INTO project (company_id, name, db_address_id, warranty_date_until, date_built)
                    VALUES (?, 'Boiler room', ?, 'infinity', '20255-01-01') RETURNING id""")
                    .bind(0, company).bind(1, address).mapTo(UUID.class).one();
            UUID technician = h.createQuery("""
                    INSERT INTO app_user (username, code, birthdate) VALUES ('tech', 'T1', '0001-01-01 BC') RETURNING id""")
                    .mapTo(UUID.class).one();
            String job = """
                    INSERT INTO jobs (project_id, job_type_id, job_status_id, name, earliest_date_plannable, due_date,
                                      suggested_date_start, date_reported_by_company, date_create, estimated_time)
                    SELECT ?, (SELECT id FROM job_type WHERE is_default), (SELECT id FROM job_status WHERE code = 'Open'),
                           ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?
                    RETURNING id""";
            UUID oddJob = h.createQuery(job).bind(0, installation).bind(1, "odd").bind(2, "-infinity")
                    .bind(3, "10000-01-01 00:00+00").bind(4, "2999-12-31 23:00+00").bind(5, "0001-01-01 00:00+00 BC")
                    .bind(6, "infinity").bind(7, 2_000_000).mapTo(UUID.class).one();
            h.createQuery(job).bind(0, installation).bind(1, "usual").bind(2, "2026-03-10 00:00+01")
                    .bind(3, "2026-03-20 00:00+01").bind(4, "2026-03-12 08:00+01").bind(5, "2026-03-01 10:00+01")
                    .bind(6, "2026-03-01 10:00+01").bind(7, 600).mapTo(UUID.class).one();
            h.execute("INSERT INTO job_planning (job_id, app_user_id, date_start, date_end) VALUES (?, ?, '5000-01-01', 'infinity')",
                    oddJob, technician);
            return oddJob;
        });

        migrate(url, "12");

        Map<String, Object> job = jdbi.withHandle(h -> h.createQuery("""
                SELECT earliest_date_plannable IS NULL AS earliest_cleared, due_date IS NULL AS due_cleared,
                       suggested_date_start = '2999-12-31 23:00+00' AS suggestion_kept,
                       estimated_time IS NULL AS estimate_cleared, date_reported_by_company IS NULL AS reported_cleared,
                       date_create = '3000-01-01 23:59:59+00' AS created_clamped, date_update > now() - interval '1 hour' AS updated_now
                  FROM jobs WHERE id = ?""").bind(0, odd).mapToMap().one());
        assertThat(job).containsEntry("earliest_cleared", true).containsEntry("due_cleared", true)
                .containsEntry("suggestion_kept", true).containsEntry("estimate_cleared", true)
                .containsEntry("reported_cleared", true).containsEntry("created_clamped", true).containsEntry("updated_now", true);
        Map<String, Object> usual = jdbi.withHandle(h -> h.createQuery("""
                SELECT to_char(due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS due, estimated_time, version
                  FROM jobs WHERE name = 'usual'""").mapToMap().one());
        assertThat(usual).containsEntry("due", "2026-03-19 23:00").containsEntry("estimated_time", 600)
                .containsEntry("version", 0);
        Map<String, Object> visit = jdbi.withHandle(h -> h.createQuery("""
                SELECT to_char(date_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS starts,
                       to_char(date_end AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS ends FROM job_planning""")
                .mapToMap().one());
        assertThat(visit).containsEntry("starts", "3000-01-01 23:00").containsEntry("ends", "3000-01-01 23:59:59");
        boolean referencesCleared = jdbi.withHandle(h -> h.createQuery("""
                SELECT p.warranty_date_until IS NULL AND p.date_built IS NULL AND u.birthdate IS NULL
                  FROM project p, app_user u""").mapTo(Boolean.class).one());
        assertThat(referencesCleared).isTrue();

        // the later migrations run over such data; V17 makes an open job's suggestion its first visit
        migrate(url, null);
        boolean suggestionIsTheVisit = jdbi.withHandle(h -> h.createQuery(
                "SELECT suggested_date_start = '3000-01-01 23:00+00' AND suggested_user_id IS NOT NULL FROM jobs WHERE id = ?")
                .bind(0, odd).mapTo(Boolean.class).one());
        assertThat(suggestionIsTheVisit).isTrue();
    }

    private static void migrate(String url, String target) {
        var configuration = Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        assertThat(configuration.load().migrate().success).isTrue();
    }
}
