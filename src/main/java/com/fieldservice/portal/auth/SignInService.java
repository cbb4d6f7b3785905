package com.fieldservice.portal.auth;

import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks a username and password, rate-limits failures and records every attempt. The outcome
 * never tells whether an account exists: an unknown name, a wrong password and a disabled
 * account are refused alike, and take the same time.
 */
public final class SignInService {

    public sealed interface Outcome {
    }

    public record SignedIn(Principal principal) implements Outcome {
    }

    public record Refused() implements Outcome {
    }

    public record Throttled(Duration retryAfter) implements Outcome {
    }

    /**
     * Verified against when the account doesn't exist, to keep the timing even: the hash of
     * "decoy password nobody has", made with the current parameters (PasswordsTest checks both),
     * written out rather than computed at each start, where it took a tenth of a second.
     */
    static final String DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$F+lET5UX1SZ0lL6nTYLiRQ$/aZR6YPoXfX5HwDg5jW5sF6/UFnHrvQ+CyBUxHQNp8o";

    /** Integrations send their password with every request: remember the pairs already verified. */
    private final VerifiedPasswords verifiedApiPasswords = new VerifiedPasswords(1_000);
    private final Jdbi jdbi;
    private final SignInThrottle throttle;
    private final Audit audit;

    public SignInService(Jdbi jdbi, SignInThrottle throttle, Audit audit) {
        this.jdbi = jdbi;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** A person signing in on the form: back office or customer. */
    public Outcome signIn(String username, String password, String clientAddress) {
        return check("sign_in", username, password, clientAddress, false);
    }

    /** An integration signing a request with HTTP Basic. */
    public Outcome authenticateApi(String username, String password, String clientAddress) {
        return check("api", username, password, clientAddress, true);
    }

    private Outcome check(String form, String username, String password, String clientAddress, boolean api) {
        String name = username == null ? "" : username.strip();
        Optional<Duration> wait = throttle.waitBeforeNextAttempt(name, clientAddress);
        if (wait.isPresent()) {
            audit.record(Optional.empty(), name, Audit.SIGN_IN_THROTTLED, form, clientAddress);
            return new Throttled(wait.get());
        }
        // read each time, an integration's too: a password changed or an account disabled is refused at once
        Optional<AccountDao.Credentials> account = jdbi.withExtension(AccountDao.class, dao -> dao.findCredentials(name));
        Optional<Principal> principal = account
                .filter(found -> verify(password, found.passwordHash(), api))
                .filter(AccountDao.Credentials::active)
                .map(found -> found.principal().toPrincipal())
                .filter(found -> (found.role() == Role.API) == api);
        if (account.isEmpty()) {
            Passwords.verify(password == null ? "" : password, DECOY_HASH);
        }
        if (principal.isEmpty()) {
            throttle.recordFailure(form, name, clientAddress);
            audit.record(account.map(AccountDao.Credentials::id), name, Audit.SIGN_IN_FAILED, form, clientAddress);
            return new Refused();
        }
        if (!api) {
            audit.record(principal.get(), Audit.SIGN_IN, form, clientAddress);
        }
        return new SignedIn(principal.get());
    }

    private boolean verify(String password, String hash, boolean api) {
        if (password == null) {
            return false;
        }
        return api ? verifiedApiPasswords.verify(password, hash) : Passwords.verify(password, hash);
    }
}
