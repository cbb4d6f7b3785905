package com.fieldservice.portal.auth;

import com.fieldservice.portal.jobs.FieldError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Password rules and changes. A password never reaches a log: only its Argon2id hash is kept. */
public final class PasswordService {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 200;

    /** How the sign-in attempts table and the audit log name this form. */
    static final String FORM = "password_change";

    private final Jdbi jdbi;
    private final SignInThrottle throttle;
    private final Audit audit;

    public PasswordService(Jdbi jdbi, SignInThrottle throttle, Audit audit) {
        this.jdbi = jdbi;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** Why this new password can't be used, or empty when it can. By form field name. */
    public static Map<String, FieldError> checkNew(String password, String confirmation) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        if (password == null || password.length() < MIN_LENGTH) {
            errors.put("new_password", FieldError.of("password.tooShort"));
        } else if (password.length() > MAX_LENGTH) {
            errors.put("new_password", FieldError.of("password.tooLong"));
        } else if (!password.equals(confirmation)) {
            errors.put("confirm_password", FieldError.of("password.mismatch"));
        }
        return errors;
    }

    /** What became of a change: done, refused with what is wrong by field, or asked to wait. */
    public sealed interface Outcome {
    }

    public record Changed() implements Outcome {
    }

    public record Refused(Map<String, FieldError> errors) implements Outcome {
    }

    public record Throttled(Duration retryAfter) implements Outcome {
    }

    /**
     * Changes the signed-in person's password after checking the current one, and signs out their
     * other sessions (a stolen session doesn't survive a password change). The current password is
     * guessed here as easily as on the sign-in form (by whoever holds a session left open), so its
     * failures count, are limited and are audited exactly like failed sign-ins of the same account
     * from the same address.
     */
    public Outcome change(Principal who, String current, String password, String confirmation,
                          String clientAddress, String currentSessionToken) {
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(who.username(), clientAddress);
        if (wait.isPresent()) {
            audit.record(who, Audit.SIGN_IN_THROTTLED, FORM, clientAddress);
            return new Throttled(wait.get());
        }
        Map<String, FieldError> errors = new LinkedHashMap<>();
        String hash = jdbi.withExtension(AccountDao.class, dao -> dao.passwordHash(who.accountId()));
        if (current == null || !Passwords.verify(current, hash)) {
            throttle.recordFailure(FORM, who.username(), clientAddress);
            audit.record(who, Audit.SIGN_IN_FAILED, FORM, clientAddress);
            errors.put("current_password", FieldError.of("password.currentWrong"));
        }
        errors.putAll(checkNew(password, confirmation));
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        String newHash = Passwords.hash(password);
        jdbi.useTransaction(handle -> {
            handle.attach(AccountDao.class).changePassword(who.accountId(), newHash);
            handle.attach(SessionDao.class).deleteOthersOf(who.accountId(), Tokens.sha256(currentSessionToken));
            handle.attach(AuditDao.class).insert(who.accountId(), who.username(), Audit.PASSWORD_CHANGED,
                    "other sessions signed out", clientAddress);
        });
        return new Changed();
    }
}
