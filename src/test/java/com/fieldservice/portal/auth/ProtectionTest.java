package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.FromAddress;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** CSRF, brute-force limits, cookies behind HTTPS and the API's authentication. Each test has its own portal, so that rate limits don't leak between them. */
class ProtectionTest {

    /** Another address on the loopback network than the one the tests' usual clients come from. */
    private static final String ATTACKER = "127.0.0.2";

    @Test
    void aStateChangeWithoutTheRightCsrfTokenIsRefusedAndChangesNothing() {
        try (TestPortal portal = TestPortal.start()) {
            TestAccounts.staff(portal.jdbi(), "planner@csrf.test", "planner");
            WebSession planner = portal.signedIn("planner@csrf.test");

            assertThat(planner.postRaw("/logout", Map.of()).statusCode()).isEqualTo(403);
            assertThat(planner.postRaw("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
            assertThat(planner.get("/backoffice").statusCode()).as("still signed in").isEqualTo(200);
            int refusals = portal.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM audit_log WHERE event = 'csrf_refused'").mapTo(Integer.class).one());
            assertThat(refusals).isEqualTo(2);

            assertThat(planner.post("/logout", Map.of()).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void theSignInFormItselfNeedsItsToken() {
        try (TestPortal portal = TestPortal.start()) {
            TestAccounts.staff(portal.jdbi(), "planner@csrf.test", "planner");
            WebSession visitor = portal.visitor();
            HttpResponse<String> forged = visitor.postRaw("/login",
                    Map.of("username", "planner@csrf.test", "password", TestAccounts.PASSWORD));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(AccessControl.SESSION_COOKIE));
        }
    }

    @Test
    void failuresFromOneAddressSlowThatAddressButNeverLockTheOwnerOrTheIntegrationOut() {
        try (TestPortal portal = TestPortal.start()) {
            TestAccounts.staff(portal.jdbi(), "target@limit.test", "planner");
            String job = "/api/jobs/8ba9da71-ef32-423a-bb50-ae767315f55c";
            FromAddress attacker = new FromAddress(portal, ATTACKER);
            for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
                assertThat(attacker.signIn("target@limit.test", "guess-" + i).status()).isEqualTo(401);
                assertThat(attacker.apiGet(job, TestPortal.API_USER, "guess-" + i).status()).isEqualTo(401);
            }
            FromAddress.Answer slowed = attacker.signIn("target@limit.test", "guess-again");
            assertThat(slowed.status()).as("the address that fails waits").isEqualTo(429);
            assertThat(Long.parseLong(slowed.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(attacker.apiGet(job, TestPortal.API_USER, "guess-again").status()).isEqualTo(429);

            assertThat(portal.signedIn("target@limit.test").get("/backoffice").statusCode())
                    .as("the owner, from an address that hasn't failed, signs in").isEqualTo(200);
            assertThat(portal.apiGet(job).statusCode()).as("the integration is let in: that job just doesn't exist")
                    .isEqualTo(404);

            List<Map<String, Object>> failures = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT username, client_address FROM audit_log WHERE event = 'sign_in_failed'""").mapToMap().list());
            assertThat(failures).hasSize(2 * SignInThrottle.MAX_FAILURES_PER_ACCOUNT)
                    .allSatisfy(f -> assertThat(f.get("client_address")).isEqualTo(ATTACKER))
                    .extracting(f -> f.get("username")).containsOnly("target@limit.test", TestPortal.API_USER);
        }
    }

    @Test
    void theCurrentPasswordOfThePasswordFormIsLimitedLikeSignIn() {
        try (TestPortal portal = TestPortal.start()) {
            TestAccounts.customer(portal.jdbi(), "LIMIT", "guessed@limit.test");
            WebSession thief = portal.signedIn("guessed@limit.test");
            thief.get("/account/password");
            for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
                assertThat(thief.post("/account/password", Map.of("current_password", "guess-" + i,
                        "new_password", "taken over now", "confirm_password", "taken over now")).statusCode()).isEqualTo(422);
            }
            HttpResponse<String> slowed = thief.post("/account/password", Map.of("current_password", TestAccounts.PASSWORD,
                    "new_password", "taken over now", "confirm_password", "taken over now"));
            assertThat(slowed.statusCode()).as("even the right password waits").isEqualTo(429);
            long retryAfter = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(Jsoup.parse(slowed.body()).select("#password-throttled").text()).contains("wait " + retryAfter + " seconds");
            assertThat(new FromAddress(portal, ATTACKER).signIn("guessed@limit.test", "taken over now").status())
                    .as("the password is unchanged").isEqualTo(401);

            List<String> events = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT event FROM audit_log WHERE username = 'guessed@limit.test' AND detail = 'password_change' ORDER BY id""")
                    .mapTo(String.class).list());
            assertThat(events).hasSize(SignInThrottle.MAX_FAILURES_PER_ACCOUNT + 1).last().isEqualTo("sign_in_throttled");
            assertThat(events).filteredOn("sign_in_failed"::equals).hasSize(SignInThrottle.MAX_FAILURES_PER_ACCOUNT);
        }
    }

    @Test
    void fiveFailuresForAnAccountFromOneAddressMakeThatAddressWaitWithoutSayingWhetherItExists() {
        try (TestPortal portal = TestPortal.start()) {
            TestAccounts.staff(portal.jdbi(), "target@limit.test", "planner");
            WebSession attacker = portal.visitor();
            for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
                assertThat(attacker.signIn("target@limit.test", "guess-" + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> locked = attacker.signIn("target@limit.test", TestAccounts.PASSWORD);
            assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
            long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(Jsoup.parse(locked.body()).select("#sign-in-error").text())
                    .contains("wait " + retryAfter + " seconds");

            for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
                attacker.signIn("ghost@limit.test", "guess-" + i);
            }
            assertThat(attacker.signIn("ghost@limit.test", "again").statusCode())
                    .as("an unknown account is limited the same way").isEqualTo(429);

            portal.jdbi().useHandle(h -> h.execute("UPDATE sign_in_attempt SET attempted_at = attempted_at - interval '61 seconds'"));
            assertThat(attacker.signIn("target@limit.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsLimitedToo() {
        try (TestPortal portal = TestPortal.start()) {
            WebSession sprayer = portal.visitor();
            for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                assertThat(sprayer.signIn("user" + i + "@spray.test", "Summer2026!").statusCode()).isEqualTo(401);
            }
            assertThat(sprayer.signIn("one-more@spray.test", "Summer2026!").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void behindHttpsTheSessionCookieIsSecure() {
        try (TestPortal portal = TestPortal.start(Map.of("PORTAL_SECURE_COOKIES", "true"))) {
            TestAccounts.staff(portal.jdbi(), "planner@https.test", "planner");
            // a client over plain HTTP keeps Secure cookies to itself: send the form's cookie by hand
            HttpResponse<String> form = portal.get("/login");
            String csrfCookie = form.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(AccessControl.ANONYMOUS_CSRF_COOKIE + "=")).findFirst().orElseThrow();
            assertThat(csrfCookie).contains("Secure", "HttpOnly", "SameSite=Lax");
            String token = Jsoup.parse(form.body()).select("input[name=_csrf]").val();
            HttpResponse<String> answer = portal.send(HttpRequest.newBuilder(URI.create(portal.url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", csrfCookie.split(";", 2)[0])
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=planner%40https.test&password="
                            + TestAccounts.PASSWORD)).build());
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(answer.headers().allValues("Set-Cookie"))
                    .filteredOn(c -> c.startsWith(AccessControl.SESSION_COOKIE + "="))
                    .singleElement().satisfies(c -> assertThat(c).contains("Secure", "HttpOnly", "SameSite=Lax"));
        }
    }

    @Test
    void theApiWantsAnApiUsersBasicCredentials() {
        try (TestPortal portal = TestPortal.start()) {
            TestAccounts.customer(portal.jdbi(), "API", "customer@api.test");
            String path = "/api/jobs/8ba9da71-ef32-423a-bb50-ae767315f55c";

            HttpResponse<String> none = portal.get(path);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
            assertThat(none.body()).contains("\"status\":401");

            assertThat(basic(portal, path, TestPortal.API_USER, "wrong").statusCode()).isEqualTo(401);
            assertThat(basic(portal, path, "customer@api.test", TestAccounts.PASSWORD).statusCode())
                    .as("a person's account is not an API user").isEqualTo(401);
            assertThat(basic(portal, path, TestPortal.API_USER, TestAccounts.PASSWORD).statusCode())
                    .as("authenticated; that job just doesn't exist").isEqualTo(404);

            portal.jdbi().useHandle(h -> h.execute("UPDATE account SET disabled = true WHERE username = ?", TestPortal.API_USER));
            assertThat(basic(portal, path, TestPortal.API_USER, TestAccounts.PASSWORD).statusCode())
                    .as("a disabled API user is refused at once, even after a successful call").isEqualTo(401);
        }
    }

    private static HttpResponse<String> basic(TestPortal portal, String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return portal.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Authorization", "Basic " + credentials).GET().build());
    }
}
