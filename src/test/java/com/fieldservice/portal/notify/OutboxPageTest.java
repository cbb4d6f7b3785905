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

    @Test
    void aKeptVisitMessageShowsItsCalendarAttachment() {
        String visit = java.util.UUID.randomUUID().toString();
        long id = portal.jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO notification (kind, account_id, recipient, params)
                SELECT 'visit_moved', a.id, 'kept@outbox.test', CAST(:params AS jsonb) FROM account a WHERE a.username = 'kept@outbox.test'
                RETURNING id""").bind("params", """
                {"number": 4711, "jobName": "Boiler", "reference": "", "installation": "", "status": "scheduled", "reporter": "",
                 "name": "Casey Customer", "yours": true, "start": "2030-05-06T07:00Z", "end": "2030-05-06T09:00Z",
                 "technician": "Tom", "visit": "%s", "sequence": 4, "place": "Haven 1050, 2030 Antwerpen"}""".formatted(visit))
                .mapTo(Long.class).one());
        awaitStatus(id, "kept");

        Document message = Jsoup.parse(admin.get("/admin/outbox/" + id).body());
        assertThat(message.select("#message-text").text()).contains("2030-05-06 09:00");
        assertThat(message.select("#message-calendar-name").text()).contains("visit.ics");
        assertThat(message.select("#message-calendar").text()).contains("METHOD:REQUEST", "UID:" + visit + "@work-order-portal",
                "SEQUENCE:4", "DTSTART;TZID=Europe/Brussels:20300506T090000", "LOCATION:Haven 1050\\, 2030 Antwerpen");
    }
}
