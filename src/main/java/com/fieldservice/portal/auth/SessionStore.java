package com.fieldservice.portal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens, finds and ends sessions. The cookie carries a random token; the database keeps its
 * hash. A session ends after {@code idle} without a request or {@code absolute} after sign-in,
 * whichever comes first, and at once when its account is disabled.
 *
 * <p>A session this instance has read is kept in its {@link SessionCache}: finding it again
 * costs no statement while it was used less than {@code idle} ago as far as this instance knows.
 * One that looks idle is read again (another instance may have seen it since); one older than
 * {@code absolute} is refused without asking.
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
    private final SessionCache cache;
    private final Clock clock;

    /** Without a cache: every request reads its session. */
    public SessionStore(Jdbi jdbi, Duration idle, Duration absolute) {
        this(jdbi, idle, absolute, SessionCache.none(), Clock.systemUTC());
    }

    public SessionStore(Jdbi jdbi, Duration idle, Duration absolute, SessionCache cache, Clock clock) {
        this.jdbi = jdbi;
        this.idle = idle;
        this.absolute = absolute;
        this.cache = cache;
        this.clock = clock;
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
        String key = HexFormat.of().formatHex(hash);
        Instant now = clock.instant();
        Optional<SessionCache.Entry> cached = cache.get(key);
        if (cached.isPresent()) {
            SessionCache.Entry entry = cached.get();
            if (!entry.created().isAfter(now.minus(absolute))) {
                cache.forget(key);
                return Optional.empty();
            }
            if (entry.lastSeen().isAfter(now.minus(idle))) {
                if (entry.lastSeen().isAfter(now.minus(TOUCH_EVERY))) {
                    return Optional.of(new Session(token, entry.principal(), entry.csrfToken()));
                }
                if (jdbi.withExtension(SessionDao.class, dao -> dao.touch(hash)) == 0) {
                    cache.forget(key);
                    return Optional.empty();
                }
                cache.seen(key, now);
                return Optional.of(new Session(token, entry.principal(), entry.csrfToken()));
            }
        }
        long readAt = cache.generation();
        return jdbi.withExtension(SessionDao.class, dao -> dao.findLive(hash, idle.toSeconds(), absolute.toSeconds())
                .map(row -> {
                    Instant lastSeen = row.lastSeen().toInstant();
                    if (lastSeen.isBefore(now.minus(TOUCH_EVERY))) {
                        dao.touch(hash);
                        lastSeen = now;
                    }
                    Principal principal = row.principal().toPrincipal();
                    cache.put(key, new SessionCache.Entry(principal, row.csrfToken(), row.dateCreate().toInstant(), lastSeen),
                            readAt, idle);
                    return new Session(token, principal, row.csrfToken());
                }))
                .or(() -> {
                    if (cached.isPresent()) {
                        cache.forget(key);
                    }
                    return Optional.empty();
                });
    }

    public void end(String token) {
        byte[] hash = Tokens.sha256(token);
        jdbi.useExtension(SessionDao.class, dao -> dao.delete(hash));
        cache.forget(HexFormat.of().formatHex(hash));
    }
}
