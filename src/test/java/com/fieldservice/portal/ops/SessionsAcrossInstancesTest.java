package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.AccessControl;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each instance keeps the sessions it has read; what ends a session or changes its person on one
 * instance (or in the database) is in effect on the others as soon as they have taken in the
 * change ({@link TestPortal#settle()}: no waiting on the clock).
 */
class SessionsAcrossInstancesTest {

    static TestPortal first;
    static TestPortal second;

    @BeforeAll
    static void start() {
        first = TestPortal.start();
        second = TestPortal.startOn(first.databaseUrl());
        TestAccounts.staff(first.jdbi(), "admin@instances.test", "admin");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    /**
     * The whole portal's cost of a page (PortalQueryCountTest pins the list's two statements):
     * one more the first time an instance meets the session, none more afterwards.
     */
    @Test
    void aPageReadAgainCostsTheOtherInstanceNoSessionStatement() {
        TestAccounts.customer(first.jdbi(), "INST", "counted@instances.test");
        StatementCounter counter = StatementCounter.recording(second.app().database().jdbi());
        Map<String, Integer> pages = Map.of("/account", 0, "/portal/jobs", 2);
        pages.forEach((page, statements) -> {
            // signed in (and shown the home page) on the first instance: the second has not read this session
            WebSession customer = first.signedIn("counted@instances.test");
            counter.forget();
            assertThat(customer.getFrom(second, page).statusCode()).isEqualTo(200);
            assertThat(counter.statements()).as(page + ", a session the instance has not read yet").hasSize(statements + 1)
                    .anyMatch(sql -> sql.contains("FROM web_session"));
            counter.forget();
            assertThat(customer.getFrom(second, page).statusCode()).isEqualTo(200);
            assertThat(counter.statements()).as(page + ", read again").hasSize(statements)
                    .noneMatch(sql -> sql.contains("web_session"));
        });
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnTheOther() {
        TestAccounts.customer(first.jdbi(), "INST", "leaving@instances.test");
        WebSession customer = first.visitor();
        String cookie = sessionCookie(customer.signIn("leaving@instances.test", TestAccounts.PASSWORD));
        assertThat(withCookie(second, cookie, "/portal").statusCode()).isEqualTo(200);
        assertThat(withCookie(second, cookie, "/portal").statusCode()).isEqualTo(200);

        assertThat(customer.post("/logout", Map.of()).statusCode()).isEqualTo(303);
        second.settle();
        assertThat(withCookie(second, cookie, "/portal").statusCode()).as("a copy of the cookie opens nothing").isEqualTo(303);
    }

    private static String sessionCookie(HttpResponse<String> signedIn) {
        return signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AccessControl.SESSION_COOKIE + "=")).findFirst().orElseThrow().split(";", 2)[0];
    }

    private static HttpResponse<String> withCookie(TestPortal instance, String cookie, String path) {
        return instance.send(HttpRequest.newBuilder(URI.create(instance.url(path))).header("Cookie", cookie).GET().build());
    }

    @Test
    void aNewPasswordOnOneInstanceEndsTheOtherSessionsOnTheOther() {
        TestAccounts.staff(first.jdbi(), "changer@instances.test", "planner");
        WebSession laptop = first.signedIn("changer@instances.test");
        WebSession phone = first.signedIn("changer@instances.test");
        assertThat(phone.getFrom(second, "/backoffice").statusCode()).isEqualTo(200);
        assertThat(laptop.getFrom(second, "/backoffice").statusCode()).isEqualTo(200);

        laptop.get("/account/password");
        assertThat(laptop.post("/account/password", Map.of("current_password", TestAccounts.PASSWORD,
                "new_password", "a much longer passphrase", "confirm_password", "a much longer passphrase"))
                .statusCode()).isEqualTo(303);
        second.settle();
        assertThat(phone.getFrom(second, "/backoffice").statusCode()).isEqualTo(303);
        assertThat(laptop.getFrom(second, "/backoffice").statusCode()).as("the session that changed it stays").isEqualTo(200);
    }

    @Test
    void anAccountDisabledOnOneInstanceIsSignedOutOnTheOther() {
        UUID planner = TestAccounts.staff(first.jdbi(), "disabled@instances.test", "planner");
        WebSession session = first.signedIn("disabled@instances.test");
        assertThat(session.getFrom(second, "/backoffice").statusCode()).isEqualTo(200);

        WebSession admin = first.signedIn("admin@instances.test");
        admin.get("/admin/accounts/" + planner);
        assertThat(admin.post("/admin/accounts/" + planner + "/disable", Map.of()).statusCode()).isEqualTo(303);
        second.settle();
        assertThat(session.getFrom(second, "/backoffice").statusCode()).isEqualTo(303);
    }

    @Test
    void aNewRoleAndNameOnOneInstanceApplyOnTheOther() {
        UUID planner = TestAccounts.staff(first.jdbi(), "promoted@instances.test", "planner");
        WebSession session = first.signedIn("promoted@instances.test");
        assertThat(session.getFrom(second, "/admin/accounts").statusCode()).isEqualTo(403);

        WebSession admin = first.signedIn("admin@instances.test");
        admin.get("/admin/accounts/" + planner + "/edit");
        assertThat(admin.post("/admin/accounts/" + planner + "/edit", Map.of("email", "promoted@instances.test",
                "first_name", "Robin", "last_name", "Chief", "role", "admin")).statusCode()).isEqualTo(303);
        second.settle();
        assertThat(session.getFrom(second, "/admin/accounts").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(session.getFrom(second, "/backoffice").body()).select("#current-user").text())
                .isEqualTo("Robin Chief");
    }

    @Test
    void aLanguageChosenOnOneInstanceIsTheOthersToo() {
        TestAccounts.customer(first.jdbi(), "INST", "speaker@instances.test");
        WebSession customer = first.signedIn("speaker@instances.test");
        assertThat(Jsoup.parse(customer.getFrom(second, "/portal").body()).select("html").attr("lang")).isEqualTo("en");

        customer.get("/account");
        assertThat(customer.post("/account/language", Map.of("language", "fr")).statusCode()).isEqualTo(303);
        second.settle();
        assertThat(Jsoup.parse(customer.getFrom(second, "/portal").body()).select("html").attr("lang")).isEqualTo("fr");
    }

    @Test
    void aCompanyArchivedInTheDatabaseShutsItsContactsOutOfEveryInstance() {
        TestAccounts.customer(first.jdbi(), "GONE", "archived@instances.test");
        WebSession customer = first.signedIn("archived@instances.test");
        assertThat(customer.getFrom(second, "/portal").statusCode()).isEqualTo(200);
        assertThat(customer.get("/portal").statusCode()).isEqualTo(200);

        first.jdbi().useHandle(h -> h.execute("UPDATE company SET archived = true WHERE code = 'GONE'"));
        first.settle();
        second.settle();
        assertThat(customer.getFrom(second, "/portal").statusCode()).isEqualTo(303);
        assertThat(customer.get("/portal").statusCode()).isEqualTo(303);
    }
}
