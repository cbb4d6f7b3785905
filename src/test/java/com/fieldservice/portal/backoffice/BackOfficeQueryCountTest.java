package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.planning.TechnicianChoices;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page costs a fixed few statements, never one per row: the handlers run over a Jdbi that
 * records every statement, on pages of 25 and 100 rows and on jobs with many children, visits
 * and history entries.
 */
class BackOfficeQueryCountTest {

    private static StatementCounter counter;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() {
        jdbi = TestDatabase.freshJdbi();
        DemoData.fillIfEmpty(jdbi, 600);
        counter = StatementCounter.recording(jdbi);
        JobGridHandler grid = new JobGridHandler(jdbi, TestClock.DEFAULT);
        JobDetailHandler detail = new JobDetailHandler(jdbi, TestClock.DEFAULT, Workflow.load(jdbi), new TechnicianChoices(() -> true));
        QuickFindHandler find = new QuickFindHandler(jdbi);
        counter.serving(config -> {
            config.routes.get("/backoffice/jobs", grid::grid);
            config.routes.get("/backoffice/jobs/{number}", detail::show);
            config.routes.get("/backoffice/find", find::find);
        });
    }

    @AfterAll
    static void stop() {
        counter.close();
    }

    @BeforeEach
    void forget() {
        counter.forget();
    }

    @Test
    void gridPageTakesAFixedFewStatementsWhateverItsSize() {
        assertThat(get("/backoffice/jobs")).isEqualTo(200);
        // lookups (reused for 30 s), matches (with the table's estimated size), page: the full
        // list needs none of the planner's settings of a filtered one
        assertThat(counter.statements()).hasSizeBetween(2, 3);
        counter.forget();
        assertThat(get("/backoffice/jobs?size=100&open=1&sort=technician&dir=asc")).isEqualTo(200);
        assertThat(counter.statements()).hasSizeBetween(3, 4);
    }

    @Test
    void detailTakesAtMostTwoStatementsWhateverTheJobHolds() {
        int busiest = jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j JOIN job_planning p ON p.job_id = j.id GROUP BY j.id2 ORDER BY count(*) DESC LIMIT 1""")
                .mapTo(Integer.class).one());
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_history (job_id, changed_by, kind, changes, version)
                SELECT j.id, 'Pat', 'edited', jsonb_build_object('name', jsonb_build_object('old', 'a', 'new', 'b'),
                       'job_type_id', jsonb_build_object('old', j.job_type_id, 'new', t.id),
                       'suggested_user_id', jsonb_build_object('old', NULL, 'new', u.id)), n
                  FROM jobs j, generate_series(1, 20) n, LATERAL (SELECT id FROM job_type ORDER BY id OFFSET n % 2 LIMIT 1) t,
                       LATERAL (SELECT id FROM app_user ORDER BY id OFFSET n LIMIT 1) u
                 WHERE j.id2 = ?""", busiest));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_comment (job_id, author_name, by_customer, text, visibility)
                SELECT j.id, 'Pat', n % 2 = 0, 'note ' || n, CASE WHEN n % 3 = 0 THEN 'internal' ELSE 'customer' END
                  FROM jobs j, generate_series(1, 30) n WHERE j.id2 = ?""", busiest));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes)
                SELECT j.id, 'page-' || n || '.pdf', 'application/pdf', 8, decode('255044462d312e34', 'hex')
                  FROM jobs j, generate_series(1, 10) n WHERE j.id2 = ?""", busiest));
        counter.forget();
        assertThat(get("/backoffice/jobs/" + busiest)).isEqualTo(200);
        assertThat(counter.statements()).as("the first page of an open job's skill also reads whom its visits may go to")
                .hasSizeBetween(2, 3);
        counter.forget();
        assertThat(get("/backoffice/jobs/" + busiest)).isEqualTo(200);
        // the job with whether its customer awaits a reply and its lists (children, visits, the
        // timeline, history) in one; the names its types and people point at (one for all); its
        // next statuses come from the workflow in memory, its technicians from TechnicianChoices
        assertThat(counter.statements()).hasSize(2);
        assertThat(counter.statements()).noneMatch(sql -> sql.startsWith("SET"));
        int parent = jdbi.withHandle(h -> h.createQuery(
                "SELECT p.id2 FROM jobs c JOIN jobs p ON p.id = c.parent_id GROUP BY p.id2 ORDER BY count(*) DESC LIMIT 1")
                .mapTo(Integer.class).one());
        assertThat(get("/backoffice/jobs/" + parent)).isEqualTo(200);
        counter.forget();
        assertThat(get("/backoffice/jobs/" + parent)).isEqualTo(200);
        assertThat(counter.statements()).hasSizeBetween(1, 2);
        counter.forget();
        assertThat(get("/backoffice/jobs/99999999")).isEqualTo(404);
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void quickFindTakesAtMostTwo() {
        assertThat(get("/backoffice/find?q=1")).isEqualTo(303);
        assertThat(counter.statements()).hasSize(1);
        counter.forget();
        assertThat(get("/backoffice/find?q=nothing-like-this")).isEqualTo(200);
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void inFrenchAndDutchTheGridAndAJobNameTheirStatusesAndTypesWithoutAStatementMore() {
        int job = jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE s.code = 'Planned' LIMIT 1""")
                .mapTo(Integer.class).one());
        for (String path : List.of("/backoffice/jobs?status=Planned", "/backoffice/jobs/" + job)) {
            counter.get(path, "en"); // the grid's lookups are read once, then reused
            counter.forget();
            assertThat(counter.get(path, "en").body()).contains(">Planned<").doesNotContain("Planifié");
            int english = counter.statements().size();
            counter.forget();
            String french = counter.get(path, "fr-BE,fr;q=0.9").body();
            assertThat(counter.statements()).hasSize(english);
            assertThat(french).contains(">Planifié<").doesNotContain(">Planned<");
            counter.forget();
            assertThat(counter.get(path, "nl-BE").body()).contains(">Ingepland<").doesNotContain(">Planned<");
            assertThat(counter.statements()).hasSize(english);
        }
    }

    private static int get(String path) {
        return counter.get(path);
    }
}
