package com.fieldservice.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.planning.TechnicianChoices;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.backoffice.JobDetailHandler;
import com.fieldservice.portal.conversation.ReplyStateDao;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.planning.VisitService;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.web.RequestScope;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A work order with 200 entries in its timeline (comments and files of both sides, internal ones,
 * status changes) costs the same few statements as one with none, on the back office's page and
 * on the customer's: the timeline is one statement, whatever it holds.
 */
class TimelineQueryCountTest {

    private static StatementCounter counter;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() {
        jdbi = TestDatabase.freshJdbi();
        PortalFixtures.insert(jdbi);
        UUID alice = jdbi.withHandle(h -> h.createQuery("SELECT id FROM contact WHERE email = ?")
                .bind(0, PortalFixtures.ALICE).mapTo(UUID.class).one());
        counter = StatementCounter.recording(jdbi);
        Workflow workflow = Workflow.load(jdbi);
        JobDetailHandler detail = new JobDetailHandler(jdbi, TestClock.DEFAULT, workflow, new TechnicianChoices(() -> true));
        JobService jobs = new JobService(jdbi, workflow, TestClock.DEFAULT, new VisitService(jdbi, TestClock.DEFAULT));
        JobActionsService actions = new JobActionsService(jdbi, jobs, TestClock.DEFAULT, Optional.empty());
        PortalHandler portal = new PortalHandler(jdbi, actions, new PortalFormat(TestClock.DEFAULT));
        Principal customer = new Principal(UUID.randomUUID(), "alice", Role.CUSTOMER, "Alice", Optional.empty(),
                Optional.of(alice), Optional.of(PortalFixtures.ACME), false);
        counter.serving(config -> {
            config.routes.before("/portal/*", ctx -> RequestScope.setPrincipal(ctx, customer));
            config.routes.get("/backoffice/jobs/{number}", detail::show);
            config.routes.get("/portal/jobs/{number}", portal::job);
            config.routes.get("/portal/jobs/{number}/activity", new JobActionsHandler(actions)::page);
        });
    }

    @AfterAll
    static void stop() {
        counter.close();
    }

    /** 80 comments, 60 files and 60 status changes on the work order: 200 entries. */
    private static void fillTimeline(int number) {
        jdbi.useHandle(h -> {
            h.execute("""
                    INSERT INTO job_comment (job_id, author_name, by_customer, text, visibility, date_create)
                    SELECT j.id, 'Pat', n % 2 = 0, 'comment ' || n, CASE WHEN n % 4 = 1 THEN 'internal' ELSE 'customer' END,
                           now() - n * interval '1 minute'
                      FROM jobs j, generate_series(1, 80) n WHERE j.id2 = ?""", number);
            h.execute("""
                    INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes, visibility, date_create)
                    SELECT j.id, 'page-' || n || '.pdf', 'application/pdf', 8, decode('255044462d312e34', 'hex'),
                           CASE WHEN n % 3 = 0 THEN 'internal' ELSE 'customer' END, now() - n * interval '1 minute'
                      FROM jobs j, generate_series(1, 60) n WHERE j.id2 = ?""", number);
            h.execute("""
                    INSERT INTO job_history (job_id, changed_by, kind, changes, version, changed_at)
                    SELECT j.id, 'Pat', 'status', jsonb_build_object('status', jsonb_build_object(
                           'old', CASE WHEN n % 2 = 0 THEN 'Open' ELSE 'Planned' END,
                           'new', CASE WHEN n % 2 = 0 THEN 'Planned' ELSE 'Open' END)), n, now() - n * interval '1 minute'
                      FROM jobs j, generate_series(1, 60) n WHERE j.id2 = ?""", number);
        });
    }

    @Test
    void aWorkOrderWithTwoHundredTimelineEntriesTakesAFixedFewStatements() {
        int empty = PortalFixtures.IN_PROGRESS;
        int full = PortalFixtures.PLANNED;
        fillTimeline(full);
        int entries = jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = :n)
                     + (SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = :n)
                     + (SELECT count(*) FROM job_history h JOIN jobs j ON j.id = h.job_id WHERE j.id2 = :n AND h.kind = 'status')""")
                .bind("n", full).mapTo(Integer.class).one());
        assertThat(entries).isGreaterThanOrEqualTo(200);

        // back office: the job with its awaited reply, children, visits, timeline and history, the
        // technicians a visit may go to, the names it points at; customer: the job with its visits,
        // children and timeline in one, and the same for the activity page (no team answer to
        // mark read: aNewReplyIsMarkedReadInOneMoreStatement)
        Map<String, Integer> few = Map.of("/backoffice/jobs/%d", 3, "/portal/jobs/%d", 1, "/portal/jobs/%d/activity", 1);
        few.forEach((page, statements) -> {
            counter.forget();
            assertThat(counter.get(page.formatted(empty))).isEqualTo(200);
            assertThat(counter.statements()).as(page + " with no entries").hasSizeLessThanOrEqualTo(statements);
            counter.forget();
            assertThat(counter.get(page.formatted(full))).isEqualTo(200);
            assertThat(counter.statements()).as(page + " with 200 entries").hasSize(statements);
        });
        // the whole timeline and history, on demand, cost what the usual page costs
        Map.of("/backoffice/jobs/%d", "/backoffice/jobs/%d?timeline=all&history=all", "/portal/jobs/%d", "/portal/jobs/%d?timeline=all")
                .forEach((usual, whole) -> {
                    counter.forget();
                    assertThat(counter.get(usual.formatted(full))).isEqualTo(200);
                    int statements = counter.statements().size();
                    counter.forget();
                    assertThat(counter.get(whole.formatted(full))).isEqualTo(200);
                    assertThat(counter.statements()).as(whole + " with 200 entries").hasSize(statements);
                });
    }

    /** Opening a work order with an answer new to the contact marks it read: one statement more, once. */
    @Test
    void aNewReplyIsMarkedReadInOneMoreStatement() {
        int number = PortalFixtures.DONE;
        for (String page : new String[] {"/portal/jobs/%d", "/portal/jobs/%d/activity"}) {
            jdbi.useExtension(ReplyStateDao.class, dao -> dao.teamAnswered(
                    jdbi.withHandle(h -> h.attach(ReportDao.class).jobId(number))));
            counter.forget();
            assertThat(counter.get(page.formatted(number))).isEqualTo(200);
            assertThat(counter.statements()).as(page + " with a new reply").hasSize(2);
            counter.forget();
            assertThat(counter.get(page.formatted(number))).isEqualTo(200);
            assertThat(counter.statements()).as(page + " read again").hasSize(1);
        }
    }
}
