package com.fieldservice.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.web.Json;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint reads a work order, embedded entities and all, in one SQL statement, however
 * much the job embeds: the handler runs over a Jdbi that records every statement it executes.
 */
class JobResourceQueryCountTest {

    private static StatementCounter counter;

    @BeforeAll
    static void start() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        ReferenceFixtures.insert(jdbi);
        counter = StatementCounter.recording(jdbi);
        JobApiHandler handler = new JobApiHandler(jdbi, Json.mapper());
        counter.serving(config -> config.routes.get("/api/jobs/{id}", handler::show));
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
    void fullyPopulatedJobTakesOneStatement() {
        assertThat(get(ReferenceFixtures.FULL_JOB)).isEqualTo(200);
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void minimalJobTakesOneStatement() {
        assertThat(get(ReferenceFixtures.MINIMAL_JOB)).isEqualTo(200);
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void unknownJobTakesOneStatementAndMalformedIdNone() {
        assertThat(get(UUID.fromString("00000000-0000-4000-8000-000000000000"))).isEqualTo(404);
        assertThat(counter.statements()).hasSize(1);
        counter.forget();
        assertThat(get("not-a-guid")).isEqualTo(400);
        assertThat(counter.statements()).isEmpty();
    }

    private static int get(Object id) {
        return counter.get("/api/jobs/" + id);
    }
}
