package com.fieldservice.portal.admin;

import com.fieldservice.portal.auth.Audit;
import com.fieldservice.portal.auth.AuditDao;
import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.auth.Tokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.notify.Notifications;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * "Forgot your password?": a one-time link to choose a new one (the same links as an
 * administrator's, {@link PasswordLinkDao}, used at /set-password, which ends the account's
 * sessions), valid {@link #VALIDITY}, sent by email to the address on record. The answer is the
 * same whether the address belongs to an account or not, so the form tells nobody who has one.
 * Every request counts against the public forms' limit ({@link SignInThrottle}) for the address
 * asked about and for the client's address, and one account gets at most
 * {@value #MAX_LINKS_PER_ACCOUNT} links per {@link #ACCOUNT_WINDOW}, whoever asks: nobody can fill a
 * person's mailbox with links. The request itself never looks the address up: it writes one outbox
 * row for any well-formed address, the same statements either way, and the mail sender decides
 * afterwards ({@link #answer}), so not even the answer's time tells whether an account has it.
 */
public final class ForgotPasswordService {

    public static final String FORM = "password_forgot";
    public static final Duration VALIDITY = Duration.ofMinutes(30);
    public static final int MAX_LINKS_PER_ACCOUNT = 3;
    public static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);
    private static final int EMAIL_MAX = 250;
    /** Why a request's row was not sent: said in the outbox only, never to whoever asked. */
    static final String NO_ACCOUNT = "forgot password: no account with this address";
    private static final ObjectMapper JSON = new ObjectMapper();

    public sealed interface Outcome {
    }

    /** The one answer to every well-formed request: "if an account has this address, a link is on its way". */
    public record Answered() implements Outcome {
    }

    /** Nothing typed, or not an address. */
    public record Invalid() implements Outcome {
    }

    public record Throttled(Duration retryAfter) implements Outcome {
    }

    private final Jdbi jdbi;
    private final SignInThrottle throttle;
    private final Audit audit;

    public ForgotPasswordService(Jdbi jdbi, SignInThrottle throttle, Audit audit) {
        this.jdbi = jdbi;
        this.throttle = throttle;
        this.audit = audit;
    }

    public Outcome request(String typed, String clientAddress) {
        String email = typed == null ? "" : typed.strip();
        if (email.isEmpty() || email.length() > EMAIL_MAX || !email.matches("[^@\\s]+@[^@\\s]+")) {
            return new Invalid();
        }
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(email, clientAddress);
        if (wait.isPresent()) {
            audit.record(Optional.empty(), email, Audit.SIGN_IN_THROTTLED, FORM, clientAddress);
            return new Throttled(wait.get());
        }
        // counted like a failure whatever the outcome: asking is what the limit is about
        throttle.recordFailure(FORM, email, clientAddress);
        // the same row whether an account has the address or not; the sender looks (answer, below)
        jdbi.useTransaction(handle -> Notifications.passwordRequest(handle, email, clientAddress));
        return new Answered();
    }

    /**
     * The sender's half of a request ({@link Notifications#passwordRequest}, the outbox row
     * {@code requestId} with its {@code params}), in the sender's transaction: the account that
     * has the address gets a new link, which the request's row now carries to it. Nothing is sent
     * when no account has the address or the account had its {@value #MAX_LINKS_PER_ACCOUNT}
     * links within the hour: then why, for the outbox. The audit log reads as it always did.
     */
    public static Optional<String> answer(Handle handle, long requestId, String params) {
        String email;
        String clientAddress;
        try {
            JsonNode request = JSON.readTree(params);
            email = request.path(Notifications.REQUESTED_FOR).asText();
            clientAddress = request.path("client").asText(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable password request " + requestId, e);
        }
        PasswordLinkDao links = handle.attach(PasswordLinkDao.class);
        AuditDao auditLog = handle.attach(AuditDao.class);
        Optional<PasswordLinkDao.Holder> account = links.personByEmail(email);
        if (account.isEmpty()) {
            auditLog.insert(null, email, Audit.PASSWORD_LINK_ISSUED, "forgot password: no account with this address, nothing sent",
                    clientAddress);
            return Optional.of(NO_ACCOUNT);
        }
        UUID id = account.get().accountId();
        links.lock(id);
        if (links.issuedSince(id, ACCOUNT_WINDOW.toSeconds()) >= MAX_LINKS_PER_ACCOUNT) {
            String reason = FORM + ": " + MAX_LINKS_PER_ACCOUNT + " links within " + ACCOUNT_WINDOW.toMinutes() + " minutes";
            auditLog.insert(id, account.get().username(), Audit.SIGN_IN_THROTTLED, reason, clientAddress);
            return Optional.of(reason);
        }
        String token = Tokens.random();
        links.expireUnused(id);
        links.insert(Tokens.sha256(token), id, VALIDITY.toSeconds());
        if (!Notifications.answerPasswordRequest(handle, requestId, id, token, VALIDITY)) {
            auditLog.insert(id, account.get().username(), Audit.PASSWORD_LINK_ISSUED,
                    "forgot password: no email address on record, nothing sent", clientAddress);
            return Optional.of("no email address on record for this person");
        }
        auditLog.insert(id, account.get().username(), Audit.PASSWORD_LINK_ISSUED, "forgot password: sent by email", clientAddress);
        return Optional.empty();
    }
}
