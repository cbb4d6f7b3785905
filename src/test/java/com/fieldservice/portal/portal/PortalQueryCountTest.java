package com.fieldservice.portal.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.report.JobActionsService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page costs a fixed few statements, however many rows it shows: never one per row. */
class PortalQueryCountTest {

    private static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin server;

    @BeforeAll
    static void start() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        PortalFixtures.insert(jdbi);
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                STATEMENTS.add(context.getRenderedSql());
            }
        });
        PortalHandler handler = new PortalHandler(jdbi,
                new JobActionsService(jdbi, new JobService(jdbi, Workflow.load(jdbi))));
        Principal alice = new Principal(UUID.randomUUID(), "alice", Role.CUSTOMER, "Alice", Optional.empty(),
                Optional.empty(), Optional.of(PortalFixtures.ACME), false);
        server = Javalin.create(config -> {
            config.fileRenderer(new ThymeleafRenderer());
            config.routes.before(ctx -> RequestScope.setPrincipal(ctx, alice));
            config.routes.get("/portal/jobs", handler::jobs);
            config.routes.get("/portal/jobs.csv", handler::csv);
            config.routes.get("/portal/jobs/{number}", handler::job);
            config.routes.get("/portal/lookup", handler::lookup);
        }).start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void forget() {
        STATEMENTS.clear();
    }

    private static int get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aFullPageOfTheListTakesFourStatements() throws Exception {
        assertThat(get("/portal/jobs")).isEqualTo(200);
        assertThat(STATEMENTS).hasSize(4); // count, page, installations, cities
    }

    @Test
    void theCsvOfEveryPageTakesOne() throws Exception {
        assertThat(get("/portal/jobs.csv")).isEqualTo(200);
        assertThat(STATEMENTS).hasSize(1);
    }

    @Test
    void aWorkOrderTakesAFixedFewAndAMissingOneOne() throws Exception {
        assertThat(get("/portal/jobs/" + PortalFixtures.PLANNED)).isEqualTo(200);
        // the work order, its visits, its children; then what the customer may do: the job in
        // their scope with its status, its comments, its files
        assertThat(STATEMENTS).hasSize(6);
        STATEMENTS.clear();
        assertThat(get("/portal/jobs/" + PortalFixtures.GLOBEX_JOB)).isEqualTo(404);
        assertThat(STATEMENTS).hasSize(1);
    }

    @Test
    void aLookupTakesOne() throws Exception {
        assertThat(get("/portal/lookup?customer_reference=PO-SHARED")).isEqualTo(200);
        assertThat(STATEMENTS).hasSize(1);
    }
}
