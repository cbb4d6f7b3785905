package com.fieldservice.portal.admin;

import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.auth.AccountDao;
import com.fieldservice.portal.auth.Audit;
import com.fieldservice.portal.auth.AuditDao;
import com.fieldservice.portal.auth.PasswordService;
import com.fieldservice.portal.auth.Passwords;
import com.fieldservice.portal.auth.SessionDao;
import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.auth.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A person choosing their password with a one-time link. An unknown, expired or used link gets
 * one and the same answer, and counts as a failed attempt from the client's address (the
 * public forms' rate limit, {@link SignInThrottle}).
 */
public final class SetPasswordService {

    public static final String FORM = "set_password";
    /** Longer than any token {@link Tokens#random()} makes; anything longer is refused unhashed. */
    private static final int TOKEN_MAX = 100;

    public sealed interface Outcome {
    }

    /** The link works: show the form for this account. */
    public record Usable(String username) implements Outcome {
    }

    /** The new password breaks a rule: message keys by field; the link is still usable. */
    public record Invalid(String username, Map<String, FieldError> errors) implements Outcome {
    }

    public record PasswordSet(String username) implements Outcome {
    }

    /** Unknown, expired or used: all the same to the visitor. */
    public record Unusable() implements Outcome {
    }

    public record Throttled(Duration retryAfter) implements Outcome {
    }

    private final Jdbi jdbi;
    private final SignInThrottle throttle;
    private final Audit audit;

    public SetPasswordService(Jdbi jdbi, SignInThrottle throttle, Audit audit) {
        this.jdbi = jdbi;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** Whether the link can still be used (nothing is used up). */
    public Outcome check(String token, String clientAddress) {
        Optional<Outcome> throttled = throttled(clientAddress);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        Optional<PasswordLinkDao.Holder> holder = live(token);
        if (holder.isEmpty()) {
            return refused(clientAddress);
        }
        return new Usable(holder.get().username());
    }

    /**
     * Sets the password and uses the link up, in one transaction: the account's sessions end, so
     * that whoever held one with the old password is out.
     */
    public Outcome set(String token, String password, String confirmation, String clientAddress) {
        Optional<Outcome> throttled = throttled(clientAddress);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        Optional<PasswordLinkDao.Holder> holder = live(token);
        if (holder.isEmpty()) {
            return refused(clientAddress);
        }
        Map<String, FieldError> errors = PasswordService.checkNew(password, confirmation);
        if (!errors.isEmpty()) {
            return new Invalid(holder.get().username(), errors);
        }
        String hash = Passwords.hash(password);
        Optional<PasswordLinkDao.Holder> used = jdbi.inTransaction(handle -> {
            Optional<PasswordLinkDao.Holder> link = handle.attach(PasswordLinkDao.class).use(Tokens.sha256(token));
            link.ifPresent(account -> {
                handle.attach(AccountDao.class).changePassword(account.accountId(), hash);
                handle.attach(SessionDao.class).deleteAllOf(account.accountId());
                handle.attach(AuditDao.class).insert(account.accountId(), account.username(), Audit.PASSWORD_SET,
                        "with a one-time link", clientAddress);
            });
            return link;
        });
        // used up by a request racing with this one
        return used.<Outcome>map(account -> new PasswordSet(account.username())).orElseGet(() -> refused(clientAddress));
    }

    private Optional<PasswordLinkDao.Holder> live(String token) {
        if (token == null || token.isBlank() || token.length() > TOKEN_MAX) {
            return Optional.empty();
        }
        return jdbi.withExtension(PasswordLinkDao.class, dao -> dao.findLive(Tokens.sha256(token)));
    }

    private Optional<Outcome> throttled(String clientAddress) {
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(null, clientAddress);
        wait.ifPresent(w -> audit.record(Optional.empty(), null, Audit.SIGN_IN_THROTTLED, FORM, clientAddress));
        return wait.map(Throttled::new);
    }

    private Outcome refused(String clientAddress) {
        throttle.recordFailure(FORM, null, clientAddress);
        audit.record(Optional.empty(), null, Audit.SIGN_IN_FAILED, FORM + ": unknown, expired or used link", clientAddress);
        return new Unusable();
    }
}
