package com.fieldservice.portal.notify;

import com.fieldservice.portal.admin.ForgotPasswordService;
import com.fieldservice.portal.planning.ICalendar;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. Any number of portal instances run one each: a sender takes one due
 * message at a time with {@code FOR UPDATE SKIP LOCKED} and holds it for a lease; it renders it,
 * hands it to the SMTP server and marks it sent, once (the mark only lands while the claim is
 * still its own). A sender that dies holding a message loses it to another sender when the lease
 * runs out, so nothing is lost; that one message may then be sent twice, with the same
 * Message-ID, which is the only duplicate possible (the server took it but the portal died
 * before writing down that it did). A failed attempt is tried again after a wait that doubles
 * each time; after the last one the message is failed, with the server's answer, for an
 * administrator to retry at /admin/outbox. Without PORTAL_SMTP_HOST messages are rendered and
 * kept, never sent. A "forgot your password?" request becomes a message here, for the account
 * that has the address, or is skipped: nothing ever goes to an address no account has.
 */
public final class MailSender implements AutoCloseable {

    /**
     * @param maxAttempts tries before a message is failed for good
     * @param firstWait   the wait after the first failure; each next one is twice as long (at most 6 hours)
     * @param lease       how long a claimed message is held; longer than an attempt can take
     * @param idle        how long the sender waits for new messages when the outbox is empty
     */
    public record Policy(int maxAttempts, Duration firstWait, Duration lease, Duration idle) {
        public static final Policy DEFAULT = new Policy(8, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(2));
    }

    /** The name of a visit message's calendar attachment. */
    static final String CALENDAR_FILE = "visit.ics";
    static final String NO_BACKOFFICE_MAILBOX = "PORTAL_BACKOFFICE_MAIL is not set";
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final MailSettings settings;
    private final MailRenderer renderer;
    private final Optional<SmtpTransport> smtp;
    private final Policy policy;
    private final UUID claim = UUID.randomUUID();
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread thread;

    public MailSender(Jdbi jdbi, MailSettings settings, MailRenderer renderer, Policy policy) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.renderer = renderer;
        this.smtp = settings.sends() ? Optional.of(new SmtpTransport(settings)) : Optional.empty();
        this.policy = policy;
    }

    /** Starts delivering in the background. */
    public synchronized MailSender start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::loop, "mail-sender");
            thread.setDaemon(true);
            thread.start();
            LOG.info("mail: {}", smtp.isPresent() ? "sending through " + settings.host().get() + ":" + settings.port()
                    + " (" + settings.tls().name().toLowerCase(Locale.ROOT) + ")"
                    : "PORTAL_SMTP_HOST is not set: messages are kept at /admin/outbox, none is sent");
        }
        return this;
    }

    /** Looks at the outbox now rather than at the next poll. */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Delivers every message that is due now, one at a time; how many it dealt with. */
    public int deliverDue() {
        int done = 0;
        while (running || thread == null) {
            Optional<NotificationDao.Claimed> next = claimNext();
            if (next.isEmpty()) {
                break;
            }
            deliver(next.get());
            done++;
        }
        return done;
    }

    /** Takes the next due message and holds it for the lease, without delivering it (what a sender does first). */
    Optional<NotificationDao.Claimed> claimNext() {
        return jdbi.withExtension(NotificationDao.class, dao -> dao.claim(claim, policy.lease().toSeconds()));
    }

    void deliver(NotificationDao.Claimed message) {
        Kind kind = Kind.ofCode(message.kind());
        NotificationDao.Claimed row = message;
        try {
            if (kind == Kind.PASSWORD_RESET && row.accountId() == null) {
                // "forgot your password?": whether an account has the address is decided here, not in the request
                Optional<String> unsent = jdbi.inTransaction(handle -> ForgotPasswordService.answer(handle, message.id(),
                        message.params()));
                if (unsent.isPresent()) {
                    finish(row, "skipped", 0, unsent.get());
                    return;
                }
                row = jdbi.withExtension(NotificationDao.class, dao -> dao.held(message.id(), claim)).orElseThrow();
            }
            if (row.subject() == null) {
                row = rendered(kind, row);
            }
        } catch (RuntimeException e) {
            LOG.error("mail: message {} could not be written", row.id(), e);
            fail(row, "could not be written: " + e);
            return;
        }
        if (row.recipient() == null) {
            finish(row, "skipped", 0, NO_BACKOFFICE_MAILBOX);
        } else if (smtp.isEmpty()) {
            finish(row, "kept", 0, null);
        } else {
            send(kind, row);
        }
    }

    private NotificationDao.Claimed rendered(Kind kind, NotificationDao.Claimed row) {
        Locale locale = row.language() == null ? settings.language().locale() : Locale.forLanguageTag(row.language());
        MailRenderer.Rendered mail = renderer.render(kind, locale, Optional.ofNullable(row.accountId()), row.params());
        String recipient = "backoffice".equals(row.audience())
                ? (settings.backOffice().isEmpty() ? null : String.join(", ", settings.backOffice())) : row.recipient();
        String calendar = renderer.calendar(kind, locale, row.params(), parties(recipient)).orElse(null);
        jdbi.useExtension(NotificationDao.class, dao -> dao.rendered(row.id(), claim, recipient, mail.subject(),
                mail.text(), mail.html(), calendar));
        return new NotificationDao.Claimed(row.id(), row.kind(), row.audience(), row.accountId(), recipient,
                row.language(), row.params(), mail.subject(), mail.text(), mail.html(), calendar, row.attempts());
    }

    /** The portal organises a visit's calendar event (PORTAL_MAIL_FROM); its one recipient attends. */
    private ICalendar.Parties parties(String recipient) {
        try {
            InternetAddress from = new InternetAddress(settings.from(), true);
            String attendee = recipient == null || recipient.contains(",") ? null : recipient.strip();
            return new ICalendar.Parties(from.getPersonal(), from.getAddress(), attendee);
        } catch (AddressException e) {
            throw new IllegalStateException("PORTAL_MAIL_FROM is not an address", e);
        }
    }

    private void send(Kind kind, NotificationDao.Claimed row) {
        Optional<String> unsubscribe = renderer.unsubscribeLink(kind, Optional.ofNullable(row.accountId()));
        Optional<SmtpTransport.Attachment> calendar = Optional.ofNullable(row.calendar()).map(ics -> new SmtpTransport.Attachment(
                CALENDAR_FILE, "text/calendar; method=" + MailRenderer.method(kind) + "; charset=UTF-8", ics));
        SmtpTransport.Envelope envelope = new SmtpTransport.Envelope(List.of(row.recipient().split(",\\s*")), row.subject(),
                row.bodyText(), row.bodyHtml(), unsubscribe, "<notification-" + row.id() + "." + messageIdHost() + ">",
                calendar);
        try {
            smtp.get().send(envelope);
        } catch (SmtpTransport.Failure e) {
            LOG.warn("mail: message {} to {} not sent (attempt {}): {}", row.id(), row.recipient(), row.attempts() + 1,
                    e.getMessage());
            fail(row, e.getMessage());
            return;
        }
        finish(row, "sent", 1, null);
    }

    private void finish(NotificationDao.Claimed row, String status, int tried, String reason) {
        int marked = jdbi.withExtension(NotificationDao.class, dao -> dao.finish(row.id(), claim, status, tried, reason));
        if (marked == 0) {
            LOG.warn("mail: message {} was taken over by another sender after this one's lease ran out", row.id());
        }
    }

    private void fail(NotificationDao.Claimed row, String reason) {
        jdbi.useExtension(NotificationDao.class, dao -> dao.failed(row.id(), claim, reason, policy.maxAttempts(),
                policy.firstWait().toSeconds()));
    }

    private String messageIdHost() {
        return settings.from().replaceAll("^.*@", "").replaceAll("[^A-Za-z0-9.-]", "");
    }

    private void loop() {
        while (running) {
            try {
                if (deliverDue() == 0) {
                    synchronized (wake) {
                        wake.wait(policy.idle().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away for a moment, say: the outbox is still there when it is back
                LOG.warn("mail: delivering paused: {}", e.toString());
                synchronized (wake) {
                    try {
                        wake.wait(policy.idle().toMillis());
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * Stops after the message in hand, and gives back any it holds. A stop waits a few seconds for
     * that message, not for a hung SMTP server's timeout: a sender still waiting on the server
     * keeps its message to the lease, so no other sender takes it while this one may still hand it over.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = thread;
            this.running = false;
        }
        if (running != null) {
            wake();
            try {
                running.join(STOP_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running.isAlive()) {
                LOG.warn("mail: stopped while the SMTP server had not answered; its message is tried again when its lease runs out");
                return;
            }
        }
        try {
            jdbi.useExtension(NotificationDao.class, dao -> dao.release(claim));
        } catch (RuntimeException e) {
            LOG.warn("mail: could not give back held messages (their lease will run out): {}", e.toString());
        }
    }
}
