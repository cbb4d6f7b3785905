package com.fieldservice.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestPortal;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read API on the demo data people will try it with: the reference's keys, and nothing else. */
class DemoJobApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 500);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void aDemoJobHoldsEveryKeyOfTheReferenceSampleWhereverItsEmbeddedEntitiesArePresent() throws Exception {
        JsonNode sample;
        try (InputStream in = DemoJobApiTest.class.getResourceAsStream("/reference/jobs-sample.json")) {
            sample = JSON.readTree(in);
        }
        // the richest demo job: a suggested technician, a priority, an installation with a model
        UUID id = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.id FROM jobs j JOIN project p ON p.id = j.project_id
                 WHERE j.suggested_user_id IS NOT NULL AND j.job_priority_id IS NOT NULL AND p.equipment_model_id IS NOT NULL
                 ORDER BY (j.skill_id IS NOT NULL) DESC, (j.parent_id IS NOT NULL) DESC, j.id2 LIMIT 1""")
                .mapTo(UUID.class).one());
        var response = portal.apiGet("/api/jobs/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode job = JSON.readTree(response.body());

        List<String> answered = JsonKeyPaths.of(job);
        List<String> missing = new ArrayList<>();
        for (String path : JsonKeyPaths.of(sample)) {
            int dot = path.lastIndexOf('.');
            JsonNode parent = dot < 0 ? job : JsonKeyPaths.at(job, path.substring(0, dot));
            // keys inside an embedded entity the demo job doesn't have (null) can't be there
            if ((parent.isObject() || dot < 0) && !answered.contains(path)) {
                missing.add(path);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(answered).allSatisfy(path -> assertThat(JsonKeyPaths.of(sample)).contains(path));
        assertThat(job.get("id").asText()).isEqualTo(id.toString());
        assertThat(job.get("suggested_user").get("lastname").isTextual()).isTrue();
        assertThat(job.get("project").get("equipment_model").get("translations").size()).isPositive();
    }
}
