package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.App;
import com.fieldservice.portal.Settings;
import com.fieldservice.portal.db.DatabaseException;
import com.fieldservice.portal.support.TestPortal;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthAndErrorsTest {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void healthAnswers200WithJsonWhileTheDatabaseAnswers() {
        HttpResponse<String> response = portal.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).contains("\"database\":\"up\"");
    }

    @Test
    void healthAnswers503WhenTheDatabaseStopsAnswering() {
        try (TestPortal doomed = TestPortal.start()) {
            String database = doomed.jdbi().withHandle(h -> h.createQuery("SELECT current_database()").mapTo(String.class).one());
            portal.jdbi().useHandle(h -> {
                h.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                h.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", database);
            });
            HttpResponse<String> response = doomed.get("/health");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("\"database\":\"down\"");
        }
    }

    @Test
    void everyAnswerTellsTheServersOwnTimeForTheBenchmarks() {
        for (String path : new String[] {"/health", "/login", "/no/such/page"}) {
            assertThat(portal.get(path).headers().firstValue("Server-Timing")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).matches("app;dur=\\d+\\.\\d{2}"));
        }
    }

    @Test
    void unknownPagesGetTheNotFoundPageInTheLayout() {
        HttpResponse<String> response = portal.get("/no/such/page", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        var page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("nav .navbar-brand").text()).isEqualTo("Work-order portal");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoServerBanner() {
        HttpResponse<String> response = portal.get("/");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void anUnreachableDatabaseGivesOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Settings settings = Settings.from(Map.of("PORTAL_PORT", "0",
                "PORTAL_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/portal"));
        assertThatThrownBy(() -> App.start(settings))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot reach the database at jdbc:postgresql://127.0.0.1:" + closedPort + "/portal: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anEmbeddedDatabasePortTakenByAnotherProgramIsRefusedNotShared(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir)
            throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Settings settings = Settings.from(Map.of("PORTAL_PORT", "0", "PORTAL_DATA_DIR", dataDir.toString(),
                    "PORTAL_EMBEDDED_DB_PORT", String.valueOf(other.getLocalPort())));
            assertThatThrownBy(() -> App.start(settings))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("port " + other.getLocalPort() + " on 127.0.0.1 is taken by another program");
        }
    }
}
