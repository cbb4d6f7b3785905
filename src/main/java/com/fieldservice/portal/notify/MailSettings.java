package com.fieldservice.portal.notify;

import com.fieldservice.portal.web.Language;
import java.util.List;
import java.util.Optional;

/**
 * How the portal sends email, from the PORTAL_SMTP_* and PORTAL_MAIL_* variables (read and
 * checked by {@code Settings}). Without a host nothing leaves the machine: messages are kept
 * and shown at /admin/outbox.
 *
 * @param host       PORTAL_SMTP_HOST; empty: keep messages instead of sending them
 * @param port       PORTAL_SMTP_PORT (25)
 * @param user       PORTAL_SMTP_USER, with PORTAL_SMTP_PASSWORD; empty: no authentication
 * @param password   PORTAL_SMTP_PASSWORD
 * @param tls        PORTAL_SMTP_TLS: none, starttls (required once asked for) or tls (from the first byte)
 * @param from       PORTAL_MAIL_FROM, the sender of every message
 * @param baseUrl    PORTAL_BASE_URL, the start of every link in a message; empty: http://localhost:PORTAL_PORT
 * @param backOffice PORTAL_BACKOFFICE_MAIL, the back office's mailbox(es) for new reports and customer comments
 * @param language   PORTAL_DEFAULT_LANGUAGE, of messages to the back office's mailbox and to whom chose no language
 */
public record MailSettings(Optional<String> host, int port, Optional<String> user, String password, Tls tls,
                           String from, Optional<String> baseUrl, List<String> backOffice, Language language) {

    public static final int DEFAULT_PORT = 25;
    public static final String DEFAULT_FROM = "Work-order portal <portal@localhost>";

    public enum Tls {
        NONE, STARTTLS, TLS
    }

    /** Messages are kept for /admin/outbox, never sent. */
    public static MailSettings keepOnly() {
        return new MailSettings(Optional.empty(), DEFAULT_PORT, Optional.empty(), "", Tls.NONE, DEFAULT_FROM,
                Optional.empty(), List.of(), Language.EN);
    }

    public boolean sends() {
        return host.isPresent();
    }

    @Override
    public String toString() {
        return "MailSettings[" + host.orElse("(keep only)") + ":" + port + ", " + tls + "]";
    }
}
