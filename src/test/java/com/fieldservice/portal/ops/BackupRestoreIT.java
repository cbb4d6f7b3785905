package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fieldservice.portal.App;
import com.fieldservice.portal.Settings;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ops/backup.sh and ops/restore.sh on Debian's PostgreSQL: a dump of a portal's database,
 * restored into a new database, serves the same work orders.
 */
class BackupRestoreIT {

    @Test
    void aRestoredDumpServesTheSameWorkOrders() throws Exception {
        try (DebianPostgres server = DebianPostgres.start()) {
            server.createDatabase("portal");
            List<String> before;
            String firstJobId;
            String firstJobDocument;
            try (App original = App.start(settings(server.url("portal"), Map.of("PORTAL_DEMO_JOBS", "60")))) {
                before = workOrders(server.url("portal"));
                firstJobId = jobId(server.url("portal"), before.get(0));
                firstJobDocument = get(original, "/api/jobs/" + firstJobId).body();
            }
            assertThat(before).hasSize(60);

            Path dump = Files.createTempFile("portal", ".dump");
            String backup = server.run(List.of("ops/backup.sh", dump.toString()));
            assertThat(backup).contains("backup of portal");
            String restore = server.run(List.of("ops/restore.sh", dump.toString(), "portal_restored"));
            assertThat(restore).contains("restored");
            // restoring over an existing database is refused
            assertThat(server.run(List.of("sh", "-c", "ops/restore.sh " + dump + " portal_restored; echo exit=$?")))
                    .contains("already exists").contains("exit=1");

            try (App restored = App.start(settings(server.url("portal_restored"), Map.of()))) {
                assertThat(workOrders(server.url("portal_restored"))).isEqualTo(before);
                assertThat(get(restored, "/ready").statusCode()).isEqualTo(200);
                // the API's document, its stored reference documents (V44) included, as before the dump
                HttpResponse<String> job = get(restored, "/api/jobs/" + jobId(server.url("portal_restored"), before.get(0)));
                assertThat(job.statusCode()).isEqualTo(200);
                assertThat(job.body()).contains(before.get(0).split("\\|")[1]);
                assertThat(withoutNowDependentDates(job.body())).isEqualTo(withoutNowDependentDates(firstJobDocument));
            }
            Files.delete(dump);
        }
    }

    /** The document without the installation's next and last visit, which depend on the moment of reading. */
    private static JsonNode withoutNowDependentDates(String document) throws Exception {
        ObjectNode job = (ObjectNode) new ObjectMapper().readTree(document);
        ((ObjectNode) job.get("project")).remove(List.of("date_next_job", "date_last_job"));
        return job;
    }

    /** The id of a work order given as workOrders lists it ("number|..."). */
    private static String jobId(String url, String workOrder) {
        String number = workOrder.split("\\|")[0];
        return TestDatabase.jdbi(url).withHandle(h -> h.createQuery(
                "SELECT id::text FROM jobs WHERE id2 = " + number).mapTo(String.class).one());
    }

    private static Settings settings(String url, Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(more);
        env.put("PORTAL_DB_URL", url);
        env.put("PORTAL_DB_USER", "postgres");
        env.put("PORTAL_PORT", "0");
        return Settings.from(env);
    }

    private static List<String> workOrders(String url) {
        return TestDatabase.jdbi(url).withHandle(h -> h.createQuery(
                "SELECT id2 || '|' || name || '|' || job_status_id || '|' || coalesce(due_date::text, '') FROM jobs ORDER BY id2")
                .mapTo(String.class).list());
    }

    private static HttpResponse<String> get(App app, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("api@demo.test:" + DemoData.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
