package com.fieldservice.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.web.Json;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint reads a work order, embedded entities and all, in one SQL statement, however
 * much the job embeds: the handler runs over a Jdbi that records every statement it executes.
 */
class JobResourceQueryCountTest {

    private static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin server;

    @BeforeAll
    static void start() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        ReferenceFixtures.insert(jdbi);
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                STATEMENTS.add(context.getRenderedSql());
            }
        });
        JobApiHandler handler = new JobApiHandler(jdbi, Json.mapper());
        server = Javalin.create(config -> config.routes.get("/api/jobs/{id}", handler::show)).start(0);
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
    void fullyPopulatedJobTakesOneStatement() {
        assertThat(get(ReferenceFixtures.FULL_JOB)).isEqualTo(200);
        assertThat(STATEMENTS).hasSize(1);
    }

    @Test
    void minimalJobTakesOneStatement() {
        assertThat(get(ReferenceFixtures.MINIMAL_JOB)).isEqualTo(200);
        assertThat(STATEMENTS).hasSize(1);
    }

    @Test
    void unknownJobTakesOneStatementAndMalformedIdNone() {
        assertThat(get(UUID.fromString("00000000-0000-4000-8000-000000000000"))).isEqualTo(404);
        assertThat(STATEMENTS).hasSize(1);
        STATEMENTS.clear();
        assertThat(get("not-a-guid")).isEqualTo(400);
        assertThat(STATEMENTS).isEmpty();
    }

    private static int get(Object id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/jobs/" + id)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
