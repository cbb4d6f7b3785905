package com.fieldservice.portal.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens, finds and ends sessions. The cookie carries a random token; the database keeps its
 * hash. A session ends after {@code idle} without a request or {@code absolute} after sign-in,
 * whichever comes first, and at once when its account is disabled.
 */
public final class SessionStore {

    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(12);
    /** last_seen is written at most this often, so that reading a page costs no write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    public record Session(String token, Principal principal, String csrfToken) {
    }

    private final Jdbi jdbi;
    private final Duration idle;
    private final Duration absolute;

    public SessionStore(Jdbi jdbi, Duration idle, Duration absolute) {
        this.jdbi = jdbi;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** A brand-new session (a new id at every sign-in: no fixation). */
    public Session open(Principal principal, String clientAddress, String userAgent) {
        String token = Tokens.random();
        String csrf = Tokens.random();
        jdbi.useExtension(SessionDao.class, dao -> {
            dao.deleteExpired(idle.toSeconds(), absolute.toSeconds());
            dao.insert(Tokens.sha256(token), principal.accountId(), csrf, clientAddress, userAgent);
        });
        return new Session(token, principal, csrf);
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = Tokens.sha256(token);
        return jdbi.withExtension(SessionDao.class, dao -> dao.findLive(hash, idle.toSeconds(), absolute.toSeconds())
                .map(row -> {
                    if (row.lastSeen().isBefore(OffsetDateTime.now().minus(TOUCH_EVERY))) {
                        dao.touch(hash);
                    }
                    return new Session(token, row.principal().toPrincipal(), row.csrfToken());
                }));
    }

    public void end(String token) {
        jdbi.useExtension(SessionDao.class, dao -> dao.delete(Tokens.sha256(token)));
    }
}
