package com.fieldservice.portal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without PORTAL_SMTP_HOST (the embedded demo run) nothing leaves the machine: an administrator
 * reads every message in full at /admin/outbox, sees why one failed, and tries it again.
 */
class OutboxPageTest {

    static TestPortal portal;
    static WebSession admin;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        TestAccounts.staff(portal.jdbi(), "root@outbox.test", "admin");
        TestAccounts.customer(portal.jdbi(), "OUTBOX", "kept@outbox.test");
        admin = portal.signedIn("root@outbox.test");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static String statusOf(long id) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT status FROM notification WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    /** Waits, up to 20 s, for the sender to deal with the message. */
    static void awaitStatus(long id, String status) {
        awaitRow(portal, "SELECT status FROM notification WHERE id = " + id + " AND status = '" + status + "'");
    }

    /** Waits, up to 30 s, until the query finds a row (the sender works in the background); its first value. */
    static String awaitRow(TestPortal portal, String query) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            java.util.Optional<String> row = portal.jdbi().withHandle(h -> h.createQuery(query).mapTo(String.class).findFirst());
            if (row.isPresent()) {
                return row.get();
            }
            assertThat(System.nanoTime()).as("nothing yet for " + query).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    @Test
    void aKeptMessageIsShownInFullAndAFailedOneWithTheServersAnswerAndARetry() {
        WebSession visitor = portal.visitor();
        visitor.get("/password/forgot");
        assertThat(visitor.post("/password/forgot", Map.of("email", "kept@outbox.test")).statusCode()).isEqualTo(200);
        long id = portal.jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM notification").mapTo(Long.class).one());
        awaitStatus(id, "kept");

        Document list = Jsoup.parse(admin.get("/admin/outbox").body());
        assertThat(list.select("#outbox-mode").text()).contains("PORTAL_SMTP_HOST");
        assertThat(list.select("#outbox tr[data-id=" + id + "]").text()).contains("kept", "kept@outbox.test", "Choose a new password");

        HttpResponse<String> shown = admin.get("/admin/outbox/" + id);
        assertThat(shown.statusCode()).isEqualTo(200);
        Document message = Jsoup.parse(shown.body());
        assertThat(message.select("#message-text").text()).contains(portal.url("/set-password?token="));
        assertThat(message.select("#message-html").text()).contains("<a href=\"" + portal.url("/set-password?token="));

        portal.jdbi().useHandle(h -> h.createUpdate("""
                UPDATE notification SET status = 'failed', attempts = 8,
                       last_error = '550 5.1.1 <kept@outbox.test>: Recipient address rejected' WHERE id = :id""")
                .bind("id", id).execute());
        Document failed = Jsoup.parse(admin.get("/admin/outbox?status=failed").body());
        assertThat(failed.select("#outbox tr[data-id=" + id + "]").text()).contains("550 5.1.1", "Recipient address rejected");
        assertThat(Jsoup.parse(admin.get("/admin/outbox?status=sent").body()).select("#outbox tr[data-id=" + id + "]")).isEmpty();

        assertThat(admin.postRaw("/admin/outbox/" + id + "/retry", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(statusOf(id)).isEqualTo("failed");
        admin.get("/admin/outbox/" + id);
        HttpResponse<String> retried = admin.post("/admin/outbox/" + id + "/retry", Map.of());
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.headers().firstValue("Location")).hasValue("/admin/outbox/" + id + "?retried");
        awaitStatus(id, "kept");
        assertThat(admin.post("/admin/outbox/" + id + "/retry", Map.of("x", "y")).statusCode())
                .as("a kept message may be tried again too").isEqualTo(303);
    }
}
