package com.fieldservice.portal.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The sessions this instance has seen, by the hash of their token, so that a signed-in page
 * costs no session statement. True to the database only while {@code trusted} (the instance
 * listens for changes: V26 names the account whose sessions ended or whose person changed, and
 * ops/CacheEvents calls {@link #forgetAccount}); otherwise it answers nothing and keeps nothing.
 * Expiry is still the {@link SessionStore}'s to judge.
 */
public final class SessionCache {

    /** What a session read from the database says, and when this instance last knew it was used. */
    public record Entry(Principal principal, String csrfToken, Instant created, Instant lastSeen) {
        Entry seenAt(Instant at) {
            return new Entry(principal, csrfToken, created, at);
        }
    }

    static final int DEFAULT_CAPACITY = 20_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves at every forgetting, so that a read begun before it does not put back what it read. */
    private final AtomicLong generation = new AtomicLong();
    private final BooleanSupplier trusted;
    private final int capacity;

    public SessionCache(BooleanSupplier trusted) {
        this(trusted, DEFAULT_CAPACITY);
    }

    SessionCache(BooleanSupplier trusted, int capacity) {
        this.trusted = trusted;
        this.capacity = capacity;
    }

    /** A cache that is never used: every request reads its session. */
    public static SessionCache none() {
        return new SessionCache(() -> false);
    }

    Optional<Entry> get(String key) {
        return trusted.getAsBoolean() ? Optional.ofNullable(entries.get(key)) : Optional.empty();
    }

    /** Read before the database, passed to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** Keeps what was read, unless something was forgotten since {@code readAt} (it may be stale). */
    void put(String key, Entry entry, long readAt, Duration idle) {
        if (!trusted.getAsBoolean()) {
            return;
        }
        if (entries.size() >= capacity) {
            Instant idleSince = entry.lastSeen().minus(idle);
            entries.values().removeIf(e -> e.lastSeen().isBefore(idleSince));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key, entry);
        if (generation.get() != readAt) {
            entries.remove(key, entry);
        }
    }

    /** The session was used (last_seen written) at this time. */
    void seen(String key, Instant at) {
        entries.computeIfPresent(key, (k, e) -> e.seenAt(at));
    }

    void forget(String key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    /** Forgets every session of this account (its sessions ended, or its person changed). */
    public void forgetAccount(String accountId) {
        UUID account;
        try {
            account = UUID.fromString(accountId);
        } catch (IllegalArgumentException unreadable) {
            clear();
            return;
        }
        generation.incrementAndGet();
        entries.values().removeIf(e -> e.principal().accountId().equals(account));
    }

    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
