package com.fieldservice.portal.customer;

import static com.fieldservice.portal.customer.PortalFixtures.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guessing references on /track is rate-limited per client address, like signing in. */
class TrackThrottleTest {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        PortalFixtures.insert(portal.jdbi());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void tooManyWrongPairsFromOneAddressGet429WithTheWait() {
        WebSession guesser = portal.visitor();
        guesser.get("/track");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            HttpResponse<String> answer = guesser.post("/track", Map.of("number", String.valueOf(PLANNED),
                    "customer_reference", "guess-" + i));
            assertThat(answer.statusCode()).as("guess " + i).isEqualTo(200);
        }
        // even the right pair waits now: the limit is per address, not per work order
        HttpResponse<String> throttled = guesser.post("/track", Map.of("number", String.valueOf(PLANNED),
                "customer_reference", "PO-SHARED"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, SignInThrottle.WINDOW.toSeconds());
        assertThat(Jsoup.parse(throttled.body()).select("#track-error").text())
                .isEqualTo("Too many tries. For security, please wait " + retryAfter + " seconds before trying again.");
        assertThat(throttled.body()).doesNotContain("ACME-ONLY");
        // signing in with an empty name five times does not lock tracking for everybody else
        portal.jdbi().useHandle(h -> h.execute("DELETE FROM sign_in_attempt"));
        WebSession other = portal.visitor();
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            other.signIn("", "x");
        }
        portal.jdbi().useHandle(h -> h.execute("UPDATE sign_in_attempt SET client_address = '203.0.113.9'"));
        HttpResponse<String> fine = guesser.post("/track", Map.of("number", String.valueOf(PLANNED),
                "customer_reference", "PO-SHARED"));
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(fine.body()).select("#tracked-job")).hasSize(1);
    }
}
