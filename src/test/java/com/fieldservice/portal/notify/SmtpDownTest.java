package com.fieldservice.portal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An SMTP server that refuses, or takes the connection and never answers: the portal keeps
 * serving (no page waits for mail), the message is kept and tried again, with the server's answer.
 */
class SmtpDownTest {

    static TestPortal portalSendingTo(int port) {
        return TestPortal.start(Map.of("PORTAL_SMTP_HOST", "127.0.0.1", "PORTAL_SMTP_PORT", String.valueOf(port),
                "PORTAL_BACKOFFICE_MAIL", "backoffice@portal.test"));
    }

    static String awaitRow(TestPortal portal, String condition) {
        return OutboxPageTest.awaitRow(portal,
                "SELECT status || ' ' || coalesce(last_error, '') FROM notification WHERE " + condition);
    }

    static void asksForALinkAndThePortalServes(TestPortal portal) {
        TestAccounts.customer(portal.jdbi(), "DOWN", "down@smtp.test");
        WebSession visitor = portal.visitor();
        visitor.get("/password/forgot");
        assertThat(visitor.post("/password/forgot", Map.of("email", "down@smtp.test")).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusingServerLeavesTheMessageRetryingWithItsAnswerAndThePortalServing() throws Exception {
        try (MailSenderTest.RefusingSmtp refusing = new MailSenderTest.RefusingSmtp();
             TestPortal portal = portalSendingTo(refusing.port())) {
            asksForALinkAndThePortalServes(portal);
            assertThat(awaitRow(portal, "status = 'retrying'"))
                    .contains("554 5.3.2 Not accepting messages from the portal today");
            assertThat(portal.get("/health").statusCode()).isEqualTo(200);
            assertThat(portal.get("/login").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aServerThatNeverAnswersHoldsOnlyTheSenderNeverAPage() throws Exception {
        try (MailSenderTest.RefusingSmtp silent = new MailSenderTest.RefusingSmtp(true);
             TestPortal portal = portalSendingTo(silent.port())) {
            asksForALinkAndThePortalServes(portal);
            // the sender holds the message while it waits for the server's greeting
            assertThat(awaitRow(portal, "status = 'pending' AND locked_until > now()")).startsWith("pending");
            WebSession visitor = portal.visitor();
            assertThat(visitor.get("/password/forgot").statusCode()).isEqualTo(200);
            assertThat(visitor.post("/password/forgot", Map.of("email", "someone@smtp.test")).statusCode()).isEqualTo(200);
            assertThat(portal.get("/health").statusCode()).isEqualTo(200);
        }
    }
}
