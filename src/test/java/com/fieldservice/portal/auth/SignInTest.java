package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignInTest {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        TestAccounts.staff(portal.jdbi(), "planner@sign.test", "planner");
        TestAccounts.staff(portal.jdbi(), "admin@sign.test", "admin");
        TestAccounts.customer(portal.jdbi(), "SIGN", "customer@sign.test");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void eachRoleLandsOnItsHome() {
        assertThat(landing("planner@sign.test")).isEqualTo("/backoffice");
        assertThat(landing("admin@sign.test")).isEqualTo("/backoffice");
        assertThat(landing("customer@sign.test")).isEqualTo("/portal");
    }

    @Test
    void theRootSendsEachToTheirHomeOrToSignIn() {
        assertThat(portal.visitor().get("/").headers().firstValue("Location")).contains("/login");
        assertThat(portal.signedIn("customer@sign.test").get("/").headers().firstValue("Location")).contains("/portal");
        assertThat(portal.signedIn("planner@sign.test").get("/").headers().firstValue("Location")).contains("/backoffice");
    }

    @Test
    void aSignedInPersonSeesTheirNameAndAWayToSignOut() {
        WebSession planner = portal.signedIn("planner@sign.test");
        var page = Jsoup.parse(planner.get("/backoffice").body());
        assertThat(page.select("#current-user").text()).isEqualTo("Pat Planner");
        assertThat(page.select("form[action=/logout] input[name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNewAtEverySignIn() {
        WebSession visitor = portal.visitor();
        HttpResponse<String> first = visitor.signIn("planner@sign.test", TestAccounts.PASSWORD);
        String cookie = sessionCookie(first);
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(first.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith(AccessControl.ANONYMOUS_CSRF_COOKIE + "=;") && c.contains("Max-Age=0"));

        visitor.post("/logout", Map.of());
        HttpResponse<String> second = visitor.signIn("planner@sign.test", TestAccounts.PASSWORD);
        assertThat(sessionCookie(second)).isNotEqualTo(cookie);
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        WebSession visitor = portal.visitor();
        visitor.get("/login");
        HttpResponse<String> wrongPassword = visitor.post("/login", Map.of("username", "planner@sign.test", "password", "not-the-password"));
        HttpResponse<String> unknown = visitor.post("/login", Map.of("username", "nobody@sign.test", "password", "not-the-password"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknown.statusCode());
        String message = Jsoup.parse(wrongPassword.body()).select("#sign-in-error").text();
        assertThat(message).isEqualTo("Wrong email address or password.")
                .isEqualTo(Jsoup.parse(unknown.body()).select("#sign-in-error").text());
        assertThat(Jsoup.parse(wrongPassword.body()).select("input[name=username]").val()).isEqualTo("planner@sign.test");
        assertThat(wrongPassword.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(AccessControl.SESSION_COOKIE + "=") && !c.contains("Max-Age=0"));
    }

    @Test
    void signingOutEndsTheSessionAtOnce() {
        WebSession customer = portal.signedIn("customer@sign.test");
        assertThat(customer.get("/portal").statusCode()).isEqualTo(200);
        HttpResponse<String> out = customer.post("/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/login?signed-out");
        assertThat(customer.get("/portal").statusCode()).isEqualTo(303);
    }

    @Test
    void aDisabledOrArchivedAccountCannotSignInAndDisablingEndsItsSessions() {
        TestAccounts.staff(portal.jdbi(), "leaving@sign.test", "planner");
        WebSession leaving = portal.signedIn("leaving@sign.test");
        assertThat(leaving.get("/backoffice").statusCode()).isEqualTo(200);

        portal.jdbi().useHandle(h -> h.execute("UPDATE account SET disabled = true WHERE username = 'leaving@sign.test'"));
        portal.settle();
        assertThat(leaving.get("/backoffice").statusCode()).isEqualTo(303);
        assertThat(portal.visitor().signIn("leaving@sign.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);

        TestAccounts.staff(portal.jdbi(), "archived@sign.test", "planner");
        portal.jdbi().useHandle(h -> h.execute(
                "UPDATE app_user SET archived = true WHERE username = 'archived@sign.test'"));
        assertThat(portal.visitor().signIn("archived@sign.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutesOrTwelveHours() {
        TestAccounts.staff(portal.jdbi(), "idle@sign.test", "planner");
        TestAccounts.staff(portal.jdbi(), "long@sign.test", "planner");
        WebSession idle = portal.signedIn("idle@sign.test");
        WebSession longDay = portal.signedIn("long@sign.test");
        // both read a page: this instance keeps their sessions, and must still see them expire
        assertThat(idle.get("/backoffice").statusCode()).isEqualTo(200);
        assertThat(longDay.get("/backoffice").statusCode()).isEqualTo(200);
        portal.jdbi().useHandle(h -> {
            h.execute("""
                    UPDATE web_session SET last_seen = now() - interval '31 minutes'
                     WHERE account_id = (SELECT id FROM account WHERE username = 'idle@sign.test')""");
            h.execute("""
                    UPDATE web_session SET date_create = now() - interval '12 hours 1 minute', last_seen = now()
                     WHERE account_id = (SELECT id FROM account WHERE username = 'long@sign.test')""");
        });
        portal.settle();
        assertThat(idle.get("/backoffice").statusCode()).isEqualTo(303);
        assertThat(longDay.get("/backoffice").statusCode()).isEqualTo(303);

        WebSession fresh = portal.signedIn("idle@sign.test");
        portal.jdbi().useHandle(h -> h.execute("""
                UPDATE web_session SET last_seen = now() - interval '29 minutes'
                 WHERE account_id = (SELECT id FROM account WHERE username = 'idle@sign.test')"""));
        portal.settle();
        assertThat(fresh.get("/backoffice").statusCode()).isEqualTo(200);
    }

    @Test
    void aRestartKeepsPeopleSignedIn() {
        try (TestPortal first = TestPortal.start()) {
            TestAccounts.staff(first.jdbi(), "steady@sign.test", "planner");
            WebSession planner = first.signedIn("steady@sign.test");
            try (TestPortal second = TestPortal.startOn(first.databaseUrl())) {
                first.close();
                assertThat(planner.getFrom(second, "/backoffice").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void afterSignInTheVisitorReturnsToThePageTheyAskedFor() {
        WebSession visitor = portal.visitor();
        HttpResponse<String> askedFor = visitor.get("/account/password");
        assertThat(askedFor.headers().firstValue("Location")).contains("/login?next=%2Faccount%2Fpassword");
        visitor.get("/login?next=%2Faccount%2Fpassword");
        HttpResponse<String> signedIn = visitor.post("/login", Map.of("username", "planner@sign.test",
                "password", TestAccounts.PASSWORD, "next", "/account/password"));
        assertThat(signedIn.headers().firstValue("Location")).contains("/account/password");

        WebSession tricked = portal.visitor();
        tricked.get("/login");
        HttpResponse<String> offSite = tricked.post("/login", Map.of("username", "planner@sign.test",
                "password", TestAccounts.PASSWORD, "next", "//evil.example/steal"));
        assertThat(offSite.headers().firstValue("Location")).contains("/backoffice");
    }

    @Test
    void afterSignInNoNextLeadsAnywhereButAPlainPathOfThisSite() {
        for (String hostile : List.of("/\t/evil.example/steal", "/%09/evil.example", "//evil.example", "%2F%2Fevil.example",
                "/%2F/evil.example", "/\\evil.example", "/\u3000/evil.example", "https://evil.example/", "https:evil.example")) {
            WebSession tricked = portal.visitor();
            tricked.get("/login?next=" + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> signedIn = tricked.post("/login", Map.of("username", "planner@sign.test",
                    "password", TestAccounts.PASSWORD, "next", hostile));
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).as(hostile).contains("/backoffice");
        }
    }

    @Test
    void signingInWhileSignedInEndsTheEarlierSession() {
        WebSession browser = portal.visitor();
        String earlier = sessionCookie(browser.signIn("customer@sign.test", TestAccounts.PASSWORD)).split(";", 2)[0];
        assertThat(withCookie(earlier, "/portal").statusCode()).isEqualTo(200);

        HttpResponse<String> again = browser.post("/login", Map.of("username", "planner@sign.test",
                "password", TestAccounts.PASSWORD));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(sessionCookie(again)).doesNotStartWith(earlier);
        assertThat(withCookie(earlier, "/portal").statusCode()).as("the earlier session's cookie opens nothing").isEqualTo(303);
        assertThat(browser.get("/backoffice").statusCode()).isEqualTo(200);
    }

    @Test
    void signInsFailuresAndSignOutsAreAudited() {
        TestAccounts.staff(portal.jdbi(), "audited@sign.test", "planner");
        WebSession visitor = portal.visitor();
        visitor.signIn("audited@sign.test", "wrong-password-typed");
        WebSession planner = portal.signedIn("audited@sign.test");
        planner.post("/logout", Map.of());
        List<Map<String, Object>> rows = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT event, client_address, detail FROM audit_log WHERE username = 'audited@sign.test' ORDER BY id""")
                .mapToMap().list());
        assertThat(rows).extracting(r -> r.get("event")).containsExactly("sign_in_failed", "sign_in", "sign_out");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("client_address")).isNotNull());
        int leaks = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE detail LIKE '%wrong-password-typed%' OR username LIKE '%wrong-password-typed%'")
                .mapTo(Integer.class).one());
        assertThat(leaks).isZero();
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        List<String> hashes = portal.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM account")
                .mapTo(String.class).list());
        assertThat(hashes).isNotEmpty().allSatisfy(hash -> assertThat(hash).startsWith("$argon2id$"));
    }

    @Test
    void everyoneChangesTheirOwnPassword() {
        TestAccounts.customer(portal.jdbi(), "SIGN", "changer@sign.test");
        WebSession otherDevice = portal.signedIn("changer@sign.test");
        WebSession customer = portal.signedIn("changer@sign.test");
        customer.get("/account/password");
        HttpResponse<String> wrong = customer.post("/account/password", Map.of("current_password", "nope",
                "new_password", "short", "confirm_password", "short"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        var page = Jsoup.parse(wrong.body());
        assertThat(page.select("#current_password-error").text()).isEqualTo("The current password is not right.");
        assertThat(page.select("#new_password-error").text()).isEqualTo("The new password needs at least 8 characters.");
        assertThat(page.select("#error-summary li")).hasSize(2);

        HttpResponse<String> changed = customer.post("/account/password", Map.of("current_password", TestAccounts.PASSWORD,
                "new_password", "a much longer passphrase", "confirm_password", "a much longer passphrase"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(customer.get("/portal").statusCode()).as("this session stays").isNotEqualTo(303);
        assertThat(otherDevice.get("/portal").statusCode()).as("other sessions are signed out").isEqualTo(303);
        assertThat(portal.visitor().signIn("changer@sign.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(portal.visitor().signIn("changer@sign.test", "a much longer passphrase").statusCode()).isEqualTo(303);
    }

    private static String landing(String username) {
        return portal.visitor().signIn(username, TestAccounts.PASSWORD).headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> withCookie(String cookie, String path) {
        return portal.send(HttpRequest.newBuilder(URI.create(portal.url(path))).header("Cookie", cookie).GET().build());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AccessControl.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    }
}
