package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A state change sent from another site is refused even with a valid CSRF token. */
class CrossSiteRequestTest {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        TestAccounts.staff(portal.jdbi(), "planner@cross.test", "planner");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void anotherSitesOriginIsRefusedWithTheTokenAndLogged() {
        WebSession planner = portal.signedIn("planner@cross.test");
        List<String> origins = List.of("https://evil.example", "http://localhost:1", "null",
                "http://localhost:" + portal.app().port() + ".evil.example");
        for (String origin : origins) {
            HttpResponse<String> answer = signOut(planner, "Origin", origin);
            assertThat(answer.statusCode()).as(origin).isEqualTo(403);
            assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("Not allowed");
        }
        assertThat(planner.get("/backoffice").statusCode()).as("still signed in").isEqualTo(200);
        List<String> logged = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT detail FROM audit_log WHERE event = 'csrf_refused' ORDER BY id").mapTo(String.class).list());
        assertThat(logged).containsAll(origins.stream().map(origin -> "POST /logout sent from " + origin).toList());
    }

    @Test
    void withoutOriginAnotherSitesRefererIsRefused() {
        WebSession planner = portal.signedIn("planner@cross.test");
        assertThat(signOut(planner, "Referer", "https://evil.example/page?x=1").statusCode()).isEqualTo(403);
        assertThat(signOut(planner, "Referer", "not a :// page").statusCode()).isEqualTo(403);
        assertThat(planner.get("/backoffice").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void thePortalsOwnPagesAndRequestsNamingNoPagePass() {
        String self = "http://localhost:" + portal.app().port();
        assertThat(signOut(portal.signedIn("planner@cross.test"), "Origin", self).statusCode()).isEqualTo(303);
        assertThat(signOut(portal.signedIn("planner@cross.test"), "Referer", self + "/backoffice").statusCode()).isEqualTo(303);
        WebSession planner = portal.signedIn("planner@cross.test");
        assertThat(planner.post("/logout", java.util.Map.of()).statusCode()).as("neither header: the token decides").isEqualTo(303);
    }

    /** Signs out with the session's valid token, from the page the header names. */
    private static HttpResponse<String> signOut(WebSession session, String header, String page) {
        session.get("/backoffice");
        return session.send(HttpRequest.newBuilder(URI.create(portal.url("/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(header, page)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + session.csrfToken())).build());
    }
}
