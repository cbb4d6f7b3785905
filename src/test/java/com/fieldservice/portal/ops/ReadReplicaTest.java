package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PORTAL_DB_READ_URL: the grid, its CSV, the dashboard and the API read the replica; a person who
 * has just changed something reads the primary. A second database stands in for the replica,
 * holding one job under another name, so that each answer tells where it was read.
 */
class ReadReplicaTest {

    private static final String ON_REPLICA = "Name as the replica has it";
    private static TestPortal portal;

    @BeforeAll
    static void start() {
        String replicaUrl = TestDatabase.freshDatabaseUrl();
        Jdbi replica = TestDatabase.jdbi(replicaUrl);
        ReferenceFixtures.insert(replica);
        replica.useHandle(h -> h.execute("UPDATE jobs SET name = ? WHERE id2 = ?", ON_REPLICA, ReferenceFixtures.FULL_JOB_ID2));
        portal = TestPortal.start(Map.of("PORTAL_DB_READ_URL", replicaUrl));
        ReferenceFixtures.insert(portal.jdbi());
        TestAccounts.staff(portal.jdbi(), "writer@portal.test", "planner");
        TestAccounts.staff(portal.jdbi(), "reader@portal.test", "planner");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theGridItsCsvAndTheApiReadTheReplica() {
        WebSession reader = portal.signedIn("reader@portal.test");
        assertThat(reader.get("/backoffice/jobs").body()).contains(ON_REPLICA);
        assertThat(reader.get("/backoffice/jobs.csv").body()).contains(ON_REPLICA);
        HttpResponse<String> api = portal.apiGet("/api/jobs/" + ReferenceFixtures.FULL_JOB);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains(ON_REPLICA);
        // the job's own page, its forms and every write use the primary
        assertThat(reader.get("/backoffice/jobs/" + ReferenceFixtures.FULL_JOB_ID2).body()).doesNotContain(ON_REPLICA);
    }

    @Test
    void rightAfterTheirOwnChangeAPersonReadsThePrimaryWhileOthersStillReadTheReplica() {
        WebSession writer = portal.signedIn("writer@portal.test");
        WebSession reader = portal.signedIn("reader@portal.test");
        writer.get("/backoffice/jobs/" + ReferenceFixtures.FULL_JOB_ID2);
        HttpResponse<String> comment = writer.post("/backoffice/jobs/" + ReferenceFixtures.FULL_JOB_ID2 + "/comments",
                Map.of("comment", "Called the customer back", "visibility", "internal"));
        assertThat(comment.statusCode()).isEqualTo(303);

        assertThat(writer.get("/backoffice/jobs").body()).doesNotContain(ON_REPLICA);
        assertThat(reader.get("/backoffice/jobs").body()).contains(ON_REPLICA);
    }
}
