package com.fieldservice.portal.planning;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** A portal over a little demo data, with fresh work orders of Acme (Alice's company) made to order. */
final class PlanningFixtures implements AutoCloseable {

    final TestPortal portal = TestPortal.start();
    final Jdbi jdbi = portal.jdbi();
    /** The demo's planner, signed in. */
    final WebSession planner;

    PlanningFixtures() {
        DemoData.fillIfEmpty(jdbi, 300);
        planner = signedIn("planner@demo.test");
    }

    @Override
    public void close() {
        portal.close();
    }

    /** The planner adds a visit from the work order's page. */
    java.net.http.HttpResponse<String> add(int number, Map<String, String> fields) {
        planner.get("/backoffice/jobs/" + number);
        return planner.post("/backoffice/jobs/" + number + "/visits", fields);
    }

    WebSession signedIn(String username) {
        WebSession session = portal.visitor();
        if (session.signIn(username, DemoData.DEMO_PASSWORD).statusCode() != 303) {
            throw new IllegalStateException(username + " could not sign in");
        }
        return session;
    }

    /** A new work order of Acme's in this status, on a fixed installation, asking for {@code skill} (null: none). */
    int job(String status, UUID skill) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO jobs (project_id, job_type_id, job_status_id, name, skill_id, due_date)
                SELECT p.id, (SELECT id FROM job_type WHERE is_default LIMIT 1), (SELECT id FROM job_status WHERE code = :status),
                       'Visit test', CAST(:skill AS uuid), '2099-01-01'
                  FROM project p JOIN company c ON c.id = p.company_id
                 WHERE c.name LIKE 'Acme%' AND NOT p.is_mobile_installation AND p.db_address_id IS NOT NULL
                 ORDER BY p.id2 LIMIT 1
                RETURNING id2""").bind("status", status).bind("skill", skill).mapTo(Integer.class).one());
    }

    /** The demo's technician with this code (T0001...). */
    UUID technician(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM app_user WHERE code = :code").bind("code", code)
                .mapTo(UUID.class).one());
    }

    /** A skill the technician lacks, or one they have. */
    UUID skill(String technicianCode, boolean mastered) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT s.id FROM skill s WHERE EXISTS (SELECT 1 FROM app_user_skill us JOIN app_user u ON u.id = us.app_user_id
                                                        WHERE u.code = :code AND us.skill_id = s.id) = :mastered
                 ORDER BY s.code LIMIT 1""").bind("code", technicianCode).bind("mastered", mastered)
                .mapTo(UUID.class).one());
    }

    Map<String, Object> job(int number) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id, j.version, j.suggested_user_id, j.suggested_date_start, s.code AS status
                  FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE j.id2 = :n""").bind("n", number).mapToMap().one());
    }

    int visits(int number) {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM job_planning WHERE job_id = (SELECT id FROM jobs WHERE id2 = :n)")
                .bind("n", number).mapTo(Integer.class).one());
    }

    /** The id of the job's first visit. */
    UUID firstVisit(int number) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT pl.id FROM job_planning pl JOIN jobs j ON j.id = pl.job_id WHERE j.id2 = :n
                 ORDER BY pl.date_start LIMIT 1""").bind("n", number).mapTo(UUID.class).one());
    }

    /** Moves the job to a status as the workflow trigger allows it, without the service's checks. */
    void status(int number, String status) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE jobs SET job_status_id = (SELECT id FROM job_status WHERE code = :s) WHERE id2 = :n""")
                .bind("s", status).bind("n", number).execute());
    }

    static Map<String, String> visit(String technician, String start, String end) {
        return Map.of("technician", technician, "start", start, "end", end);
    }
}
