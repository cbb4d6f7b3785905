package com.fieldservice.portal.customer;

import com.fieldservice.portal.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.web.RequestScope;
import java.util.Optional;
import java.util.UUID;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.planning.VisitService;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page costs a fixed few statements, however many rows it shows: never one per row. */
class PortalQueryCountTest {

    private static StatementCounter counter;

    @BeforeAll
    static void start() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        PortalFixtures.insert(jdbi);
        counter = StatementCounter.recording(jdbi);
        JobService jobs = new JobService(jdbi, Workflow.load(jdbi), TestClock.DEFAULT, new VisitService(jdbi, TestClock.DEFAULT));
        PortalHandler handler = new PortalHandler(jdbi,
                new JobActionsService(jdbi, jobs, TestClock.DEFAULT, Optional.empty()),
                new PortalFormat(TestClock.DEFAULT));
        Principal alice = new Principal(UUID.randomUUID(), "alice", Role.CUSTOMER, "Alice", Optional.empty(),
                Optional.empty(), Optional.of(PortalFixtures.ACME), false);
        counter.serving(config -> {
            config.routes.before(ctx -> RequestScope.setPrincipal(ctx, alice));
            config.routes.get("/portal/jobs", handler::jobs);
            config.routes.get("/portal/jobs.csv", handler::csv);
            config.routes.get("/portal/jobs/{number}", handler::job);
            config.routes.get("/portal/lookup", handler::lookup);
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

    private static int get(String path) {
        return counter.get(path);
    }

    @Test
    void aFullPageOfTheListTakesTwoStatements() throws Exception {
        assertThat(get("/portal/jobs")).isEqualTo(200);
        assertThat(counter.statements()).hasSize(2); // the page with its count, the filter's installations and cities
    }

    @Test
    void theCsvOfEveryPageTakesOne() throws Exception {
        assertThat(get("/portal/jobs.csv")).isEqualTo(200);
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void aWorkOrderTakesAFixedFewAndAMissingOneOne() throws Exception {
        assertThat(get("/portal/jobs/" + PortalFixtures.PLANNED)).isEqualTo(200);
        // the work order with its visits, its children, its timeline (report, comments, files,
        // statuses) and what the customer may do on it, in one; nothing to mark read (no contact)
        assertThat(counter.statements()).hasSize(1);
        counter.forget();
        assertThat(get("/portal/jobs/" + PortalFixtures.GLOBEX_JOB)).isEqualTo(404);
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void aLookupTakesOne() throws Exception {
        assertThat(get("/portal/lookup?customer_reference=PO-SHARED")).isEqualTo(200);
        assertThat(counter.statements()).hasSize(1);
    }
}
