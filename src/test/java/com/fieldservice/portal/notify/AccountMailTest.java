package com.fieldservice.portal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.admin.ForgotPasswordService;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestMail;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts that look after themselves: "forgot your password?" sends a single-use link that
 * expires, with the same answer whether an account has the address or not, throttled per
 * address and per account; an administrator's invitation goes out by email.
 */
class AccountMailTest {

    static TestMail mail;
    static TestPortal portal;

    @BeforeAll
    static void start() {
        mail = TestMail.start();
        portal = TestPortal.start(mail.portalEnvironment());
        TestAccounts.staff(portal.jdbi(), "root@account-mail.test", "admin");
    }

    @AfterAll
    static void stop() {
        portal.close();
        mail.close();
    }

    /** Each test asks from the same address: none inherits another's slowdown. */
    @BeforeEach
    void forgetAttempts() {
        portal.jdbi().useHandle(h -> h.execute("DELETE FROM sign_in_attempt"));
    }

    static HttpResponse<String> forgot(WebSession visitor, String email) {
        visitor.get("/password/forgot");
        return visitor.post("/password/forgot", Map.of("email", email));
    }

    static String answer(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select("main").text();
    }

    static int resetMessagesFor(String username) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id
                 WHERE n.kind = 'password_reset' AND a.username = :u""").bind("u", username).mapTo(Integer.class).one());
    }

    static String withoutCsrfToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }

    /** Waits until the sender dealt with every request (it decides who gets a link, after the answer). */
    static void awaitOutboxDone() {
        OutboxPageTest.awaitRow(portal, "SELECT 'done' WHERE NOT EXISTS (SELECT 1 FROM notification WHERE status IN ('pending', 'retrying'))");
    }

    static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Test
    void theAnswerIsTheSameWhetherAnAccountHasTheAddressOrNot() {
        TestAccounts.customer(portal.jdbi(), "FORGOT", "known@forgot.test");
        HttpResponse<String> known = forgot(portal.visitor(), "Known@Forgot.test");
        HttpResponse<String> unknown = forgot(portal.visitor(), "nobody@forgot.test");
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(answer(unknown)).isEqualTo(answer(known)).contains("If an account has this address");
        assertThat(unknown.headers().map().keySet()).isEqualTo(known.headers().map().keySet());
        assertThat(withoutCsrfToken(unknown.body())).as("byte for byte, but for the form's token")
                .isEqualTo(withoutCsrfToken(known.body()));

        MimeMessage link = mail.await("known@forgot.test", "Choose a new password");
        assertThat(TestMail.part(link, "text/plain")).contains("for 30 minutes", portal.url("/set-password?token="));
        assertThat(TestMail.header(link, "List-Unsubscribe")).as("a password link is no subscription").isNull();
        assertThat(mail.to("nobody@forgot.test")).isEmpty();
        String token = TestMail.link(link, portal.url("/set-password?token=")).replaceAll(".*token=", "");
        String kept = OutboxPageTest.awaitRow(portal, """
                SELECT n.params::text || n.body_text || n.body_html FROM notification n JOIN account a ON a.id = n.account_id
                 WHERE a.username = 'known@forgot.test' AND n.status = 'sent'""");
        assertThat(kept).as("the link's secret is not kept once sent").doesNotContain(token).contains("(removed once sent)");
        assertThat(resetMessagesFor("known@forgot.test")).isEqualTo(1);
    }

    @Test
    void theLinkWorksOnceForThirtyMinutesAndEndsTheAccountsOtherSessions() {
        TestAccounts.customer(portal.jdbi(), "FORGOT", "once@forgot.test");
        WebSession elsewhere = portal.signedIn("once@forgot.test");
        assertThat(elsewhere.get("/portal").statusCode()).isEqualTo(200);

        forgot(portal.visitor(), "once@forgot.test");
        String link = TestMail.link(mail.await("once@forgot.test", "Choose a new password"), portal.url("/set-password?token="));
        int minutes = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT extract(epoch FROM l.expires_at - l.date_create)::int / 60 FROM password_link l
                  JOIN account a ON a.id = l.account_id WHERE a.username = 'once@forgot.test'""").mapTo(Integer.class).one());
        assertThat(minutes).isEqualTo(30);

        WebSession owner = portal.visitor();
        assertThat(owner.get(path(link)).statusCode()).isEqualTo(200);
        String token = URI.create(link).getQuery().substring("token=".length());
        assertThat(owner.post("/set-password", Map.of("token", token, "new_password", "a-new-secret-1",
                "confirm_password", "a-new-secret-1")).statusCode()).isEqualTo(303);
        assertThat(elsewhere.get("/portal").statusCode()).as("the other session ended").isEqualTo(303);
        assertThat(portal.visitor().signIn("once@forgot.test", "a-new-secret-1").statusCode()).isEqualTo(303);
        assertThat(portal.visitor().get(path(link)).statusCode()).as("used up").isEqualTo(410);

        TestAccounts.customer(portal.jdbi(), "FORGOT", "late@forgot.test");
        forgot(portal.visitor(), "late@forgot.test");
        String late = TestMail.link(mail.await("late@forgot.test", "Choose a new password"), portal.url("/set-password?token="));
        portal.jdbi().useHandle(h -> h.execute("UPDATE password_link SET expires_at = now() - interval '1 second'"));
        assertThat(portal.visitor().get(path(late)).statusCode()).as("expired").isEqualTo(410);
    }

    @Test
    void askingIsThrottledPerAddressAndAnAccountGetsFewLinksWhoeverAsks() {
        TestAccounts.customer(portal.jdbi(), "FORGOT", "busy@forgot.test");
        WebSession visitor = portal.visitor();
        for (int i = 0; i < 5; i++) {
            assertThat(forgot(visitor, "busy@forgot.test").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> sixth = forgot(visitor, "busy@forgot.test");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        awaitOutboxDone();
        assertThat(resetMessagesFor("busy@forgot.test")).isEqualTo(ForgotPasswordService.MAX_LINKS_PER_ACCOUNT);
        assertThat(mail.to("busy@forgot.test")).hasSize(ForgotPasswordService.MAX_LINKS_PER_ACCOUNT);

        HttpResponse<String> unknownSixth = forgot(visitor, "ghost@forgot.test");
        assertThat(unknownSixth.statusCode()).as("another address is not held back by this one").isEqualTo(200);
    }

    @Test
    void anInvitationGoesOutByEmailWithItsLink() {
        WebSession admin = portal.signedIn("root@account-mail.test");
        TestAccounts.company(portal.jdbi(), "INVITED");
        admin.get("/admin/accounts/invite");
        HttpResponse<String> invited = admin.post("/admin/accounts/invite", Map.of("company", "INVITED", "first_name", "Ines",
                "last_name", "Invited", "email", "ines@invited.test", "scope", "company"));
        assertThat(invited.statusCode()).isEqualTo(303);

        assertThat(invited.headers().firstValue("Location").orElseThrow()).as("the link went by email: not shown")
                .endsWith("/issued?emailed");

        MimeMessage invitation = mail.await("ines@invited.test", "Your account on the work-order portal");
        assertThat(TestMail.part(invitation, "text/plain")).contains("Hello Ines Invited", "for 72 hours");
        String link = TestMail.link(invitation, portal.url("/set-password?token="));
        assertThat(portal.visitor().get(path(link)).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorsResetOfAnAccountIsEmailedInItsLanguageAndTheLinkIsNotShown() {
        java.util.UUID account = TestAccounts.customer(portal.jdbi(), "FORGOT", "remis@forgot.test");
        portal.jdbi().useHandle(h -> h.execute("UPDATE account SET language = 'fr' WHERE id = ?", account));
        WebSession admin = portal.signedIn("root@account-mail.test");
        admin.get("/admin/accounts/" + account);
        HttpResponse<String> reset = admin.post("/admin/accounts/" + account + "/reset", Map.of());
        assertThat(reset.statusCode()).isEqualTo(303);
        String issuedPage = reset.headers().firstValue("Location").orElseThrow();
        assertThat(issuedPage).isEqualTo("/admin/accounts/" + account + "/issued?emailed");
        org.jsoup.nodes.Document page = Jsoup.parse(admin.get(issuedPage).body());
        assertThat(page.select("#set-password-link")).as("only the account's owner gets the link").isEmpty();
        assertThat(page.select("#emailed").text()).contains("remis@forgot.test", "72");

        MimeMessage message = mail.await("remis@forgot.test", "Votre mot de passe du portail des ordres de travail a été réinitialisé");
        assertThat(TestMail.part(message, "text/plain")).contains("Un administrateur", "pendant 72 heures");
        assertThat(TestMail.header(message, "List-Unsubscribe")).as("a password link is no subscription").isNull();
        String link = TestMail.link(message, portal.url("/set-password?token="));
        assertThat(portal.visitor().get(path(link)).statusCode()).isEqualTo(200);
        assertThat(portal.jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery("""
                SELECT count(*) FROM audit_log WHERE username = 'root@account-mail.test' AND event = 'password_link_issued'
                   AND detail = 'remis@forgot.test'""").mapTo(Integer.class).one())).as("audited as before").isEqualTo(1);
    }
}
