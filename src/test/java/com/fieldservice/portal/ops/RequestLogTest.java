package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One access line per request with the route template, never the address; a request id in every
 * line of the request, in the answer and on the error page; a proxy's request id and client
 * address believed only from a trusted proxy; and no password, cookie or form in the log.
 */
class RequestLogTest {

    private static TestPortal direct;
    private static TestPortal behindProxy;
    private static UUID plannerId;

    @BeforeAll
    static void start() {
        direct = TestPortal.start();
        plannerId = TestAccounts.staff(direct.jdbi(), "planner@portal.test", "planner");
        // the tests' client is the "proxy": loopback is trusted
        behindProxy = TestPortal.start(Map.of("PORTAL_TRUSTED_PROXIES", "127.0.0.1/32, ::1/128"));
        TestAccounts.staff(behindProxy.jdbi(), "planner@portal.test", "planner");
    }

    @AfterAll
    static void stop() {
        direct.close();
        behindProxy.close();
    }

    @Test
    void oneAccessLinePerRequestNamesTheRouteTemplateTheStatusTheDurationAndTheAccount() {
        try (LogCapture log = new LogCapture()) {
            WebSession planner = direct.signedIn("planner@portal.test");
            HttpResponse<String> page = planner.get("/backoffice/jobs/98765");

            assertThat(page.statusCode()).isEqualTo(404);
            List<JsonNode> lines = log.access("/backoffice/jobs/{number}");
            assertThat(lines).hasSize(1);
            JsonNode line = lines.get(0);
            assertThat(line.path("status").asInt()).isEqualTo(404);
            assertThat(line.path("method").asText()).isEqualTo("GET");
            assertThat(line.path("account").asText()).isEqualTo(plannerId.toString());
            assertThat(line.path("duration_ms").isNumber()).isTrue();
            assertThat(line.path("duration_ms").asDouble()).isGreaterThanOrEqualTo(0.0);
            assertThat(line.path("@timestamp").asText()).isNotEmpty();
            assertThat(line.path("requestId").asText()).isEqualTo(page.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(log.text()).doesNotContain("98765");
        }
    }

    @Test
    void neitherThePasswordNorTheSessionCookieNorTheFormEverReachTheLog() {
        try (LogCapture log = new LogCapture()) {
            WebSession visitor = direct.visitor();
            visitor.signIn("planner@portal.test", "wrong-password-Zq81");
            HttpResponse<String> signedIn = visitor.signIn("planner@portal.test", TestAccounts.PASSWORD);
            assertThat(signedIn.statusCode()).isEqualTo(303);
            List<String> cookies = signedIn.headers().allValues("Set-Cookie").stream()
                    .map(c -> c.substring(c.indexOf('=') + 1, c.indexOf(';'))).filter(v -> v.length() > 8).toList();
            assertThat(cookies).isNotEmpty();
            visitor.get("/backoffice/jobs?q=boiler");
            visitor.post("/logout", Map.of());

            String written = log.text();
            assertThat(log.access("/login")).filteredOn(l -> l.path("method").asText().equals("POST")).hasSize(2);
            assertThat(written).doesNotContain(TestAccounts.PASSWORD).doesNotContain("wrong-password-Zq81")
                    .doesNotContain(visitor.csrfToken()).doesNotContain("boiler");
            cookies.forEach(cookie -> assertThat(written).doesNotContain(cookie));
        }
    }

    @Test
    void everyLineWrittenDuringARequestCarriesItsIdAndTheErrorPageShowsItAsTheReference() {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> missing = direct.get("/no/such/page");

            String id = missing.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(Jsoup.parse(missing.body()).select("#reference").text()).isEqualTo(id);
            assertThat(log.access("unmatched")).singleElement()
                    .satisfies(line -> assertThat(line.path("requestId").asText()).isEqualTo(id));
        }
    }

    @Test
    void aRequestIdSentByAnyoneButATrustedProxyIsReplaced() {
        HttpResponse<String> direct = send(RequestLogTest.direct, "/login", "X-Request-Id", "made-up-by-the-client");
        HttpResponse<String> proxied = send(behindProxy, "/login", "X-Request-Id", "edge-4711");
        HttpResponse<String> garbage = send(behindProxy, "/login", "X-Request-Id", "bad id with spaces");

        assertThat(direct.headers().firstValue("X-Request-Id")).get().isNotEqualTo("made-up-by-the-client");
        assertThat(proxied.headers().firstValue("X-Request-Id")).contains("edge-4711");
        assertThat(garbage.headers().firstValue("X-Request-Id")).get().isNotEqualTo("bad id with spaces");
    }

    @Test
    void theClientAddressOfThrottlingAndAuditComesFromXForwardedForOnlyBehindATrustedProxy() {
        postWrongPassword(direct, "198.51.100.7");
        postWrongPassword(behindProxy, "203.0.113.50, 198.51.100.7");

        assertThat(addresses(direct)).doesNotContain("198.51.100.7").isNotEmpty();
        // the right-most address that is not a trusted proxy: the left part is the client's own say
        assertThat(addresses(behindProxy)).containsExactly("198.51.100.7");
    }

    private static List<String> addresses(TestPortal portal) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT client_address FROM sign_in_attempt WHERE username = 'x@portal.test'")
                .mapTo(String.class).list());
    }

    private static void postWrongPassword(TestPortal portal, String forwardedFor) {
        HttpResponse<String> form = portal.get("/login");
        String csrf = Jsoup.parse(form.body()).select("input[name=_csrf]").attr("value");
        String cookie = form.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .reduce((a, b) -> a + "; " + b).orElse("");
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(portal.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("username=x%40portal.test&password=nope&_csrf=" + csrf));
        if (!cookie.isEmpty()) {
            post.header("Cookie", cookie);
        }
        assertThat(portal.send(post.build()).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> send(TestPortal portal, String path, String header, String value) {
        return portal.send(HttpRequest.newBuilder(URI.create(portal.url(path))).header(header, value).GET().build());
    }
}
