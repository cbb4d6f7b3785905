package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
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

    private static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin server;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() {
        jdbi = TestDatabase.freshJdbi();
        DemoData.fillIfEmpty(jdbi, 600);
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                STATEMENTS.add(context.getRenderedSql());
            }
        });
        JobGridHandler grid = new JobGridHandler(jdbi);
        JobDetailHandler detail = new JobDetailHandler(jdbi);
        QuickFindHandler find = new QuickFindHandler(jdbi);
        server = Javalin.create(config -> {
            config.fileRenderer(new ThymeleafRenderer());
            config.routes.get("/backoffice/jobs", grid::grid);
            config.routes.get("/backoffice/jobs/{number}", detail::show);
            config.routes.get("/backoffice/find", find::find);
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

    @Test
    void gridPageTakesAFixedFewStatementsWhateverItsSize() {
        assertThat(get("/backoffice/jobs")).isEqualTo(200);
        // lookups (reused for 30 s), matches, page, and three SET LOCAL planner settings
        assertThat(STATEMENTS).hasSizeBetween(5, 6);
        STATEMENTS.clear();
        assertThat(get("/backoffice/jobs?size=100&open=1&sort=technician&dir=asc")).isEqualTo(200);
        assertThat(STATEMENTS).hasSizeBetween(5, 6);
    }

    @Test
    void detailTakesFiveStatementsWhateverTheJobHolds() {
        int busiest = jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j JOIN job_planning p ON p.job_id = j.id GROUP BY j.id2 ORDER BY count(*) DESC LIMIT 1""")
                .mapTo(Integer.class).one());
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_history (job_id, changed_by, kind, changes, version)
                SELECT id, 'Pat', 'edited', '{"name": {"old": "a", "new": "b"}}', n FROM jobs, generate_series(1, 20) n
                 WHERE id2 = ?""", busiest));
        STATEMENTS.clear();
        assertThat(get("/backoffice/jobs/" + busiest)).isEqualTo(200);
        assertThat(STATEMENTS).hasSize(5); // job, children, visits, history, transitions
        int parent = jdbi.withHandle(h -> h.createQuery(
                "SELECT p.id2 FROM jobs c JOIN jobs p ON p.id = c.parent_id GROUP BY p.id2 ORDER BY count(*) DESC LIMIT 1")
                .mapTo(Integer.class).one());
        STATEMENTS.clear();
        assertThat(get("/backoffice/jobs/" + parent)).isEqualTo(200);
        assertThat(STATEMENTS).hasSize(5);
        STATEMENTS.clear();
        assertThat(get("/backoffice/jobs/99999999")).isEqualTo(404);
        assertThat(STATEMENTS).hasSize(1);
    }

    @Test
    void quickFindTakesAtMostTwo() {
        assertThat(get("/backoffice/find?q=1")).isEqualTo(303);
        assertThat(STATEMENTS).hasSize(1);
        STATEMENTS.clear();
        assertThat(get("/backoffice/find?q=nothing-like-this")).isEqualTo(200);
        assertThat(STATEMENTS).hasSize(1);
    }

    private static int get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build();
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused")
    private static void fixtures() {
        ReferenceFixtures.insert(jdbi);
    }
}
