package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /metrics: only for the bearer of PORTAL_METRICS_TOKEN, in Prometheus' text format. */
class MetricsTest {

    private static final String TOKEN = "a-long-enough-metrics-token-4711";
    private static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(Map.of("PORTAL_METRICS_TOKEN", TOKEN));
        ReferenceFixtures.insert(portal.jdbi());
        TestAccounts.staff(portal.jdbi(), "planner@portal.test", "planner");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void withoutTheVariableThereIsNoMetricsRoute() {
        try (TestPortal plain = TestPortal.start()) {
            assertThat(scrape(plain, Optional.of("Bearer " + TOKEN)).statusCode()).isEqualTo(404);
            assertThat(scrape(plain, Optional.empty()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aMissingOrWrongTokenIsRefused() {
        assertThat(scrape(portal, Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(scrape(portal, Optional.of("Bearer " + TOKEN + "x")).statusCode()).isEqualTo(401);
        assertThat(scrape(portal, Optional.of("Bearer " + TOKEN.substring(1))).statusCode()).isEqualTo(401);
        assertThat(scrape(portal, Optional.of("Basic " + TOKEN)).statusCode()).isEqualTo(401);
    }

    @Test
    void requestsByRouteTemplatePoolJvmStatementsAndSignInFailuresAreExported() {
        double failuresBefore = value(metrics(), "portal_sign_in_failures_total\\{form=\"sign_in\"}").orElse(0.0);
        WebSession planner = portal.signedIn("planner@portal.test");
        planner.get("/backoffice/jobs/424242");
        portal.visitor().signIn("planner@portal.test", "not-the-password");

        String text = metrics();
        assertThat(text).contains("http_server_requests_seconds_bucket{")
                .containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"/backoffice/jobs/\\{number}\",status=\"404\"} 1")
                .doesNotContain("424242")
                .contains("hikaricp_connections_active{pool=\"portal\"}")
                .contains("jvm_memory_used_bytes")
                .containsPattern("portal_db_statements_seconds_count\\{dao=\"SessionDao\",database=\"primary\",method=\"insert\",outcome=\"ok\"}");
        assertThat(value(text, "portal_sign_in_failures_total\\{form=\"sign_in\"}")).get().isEqualTo(failuresBefore + 1);
    }

    @Test
    void aCommentCountsWhereItIsWritten() {
        String series = "portal_comments_total\\{visibility=\"internal\"}";
        double before = value(metrics(), series).orElse(0.0);
        WebSession planner = portal.signedIn("planner@portal.test");
        planner.get("/backoffice/jobs/" + ReferenceFixtures.FULL_JOB_ID2);
        assertThat(planner.post("/backoffice/jobs/" + ReferenceFixtures.FULL_JOB_ID2 + "/comments",
                Map.of("comment", "Spare part ordered", "visibility", "internal")).statusCode()).isEqualTo(303);

        assertThat(value(metrics(), series)).get().isEqualTo(before + 1);
    }

    private static String metrics() {
        HttpResponse<String> answer = scrape(portal, Optional.of("Bearer " + TOKEN));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        return answer.body();
    }

    private static Optional<Double> value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static HttpResponse<String> scrape(TestPortal instance, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url("/metrics"))).GET();
        authorization.ifPresent(a -> request.header("Authorization", a));
        return instance.send(request.build());
    }
}
