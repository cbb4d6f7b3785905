package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external PostgreSQL (PORTAL_DB_URL) that restarts under the running portal: while it is
 * down every page answers 503 with the "briefly unavailable" page and /health says so; once it
 * is back the same signed-in planner is served again, with no restart of the portal.
 */
class ExternalDatabaseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseRestartIsRiddenOutWith503WhileItIsDown() throws Exception {
        int port = freePort();
        EmbeddedPostgres database = startDatabase(port);
        try (TestPortal portal = TestPortal.startOn("jdbc:postgresql://127.0.0.1:" + port + "/postgres")) {
            TestAccounts.staff(portal.jdbi(), "planner@restart.test", "planner");
            TestAccounts.apiUser(portal.jdbi(), TestPortal.API_USER);
            WebSession planner = portal.signedIn("planner@restart.test");
            assertThat(planner.get("/backoffice").statusCode()).isEqualTo(200);

            database.close();
            HttpResponse<String> down = planner.get("/backoffice");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            assertThat(Jsoup.parse(down.body()).select("h1").text()).isEqualTo("The portal is briefly unavailable");
            assertThat(down.body()).doesNotContain("Exception", "incident");
            HttpResponse<String> api = portal.apiGet("/api/jobs/00000000-0000-0000-0000-000000000000");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("\"error\":\"unavailable\"");
            assertThat(portal.get("/health").statusCode()).isEqualTo(503);
            assertThat(portal.get("/health").body()).contains("\"database\":\"down\"");

            database = startDatabase(port);
            assertThat(awaitStatus(planner, "/backoffice", 200, Duration.ofSeconds(30))).isEqualTo(200);
            assertThat(portal.get("/health").statusCode()).isEqualTo(200);
        } finally {
            database.close();
        }
    }

    private EmbeddedPostgres startDatabase(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int awaitStatus(WebSession session, String path, int wanted, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        int status;
        do {
            status = session.get(path).statusCode();
        } while (status != wanted && System.nanoTime() < deadline);
        return status;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
