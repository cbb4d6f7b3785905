package com.fieldservice.portal.auth;

import com.fieldservice.portal.ops.BusinessEvents;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Rate limit of the public forms (sign-in, the API's HTTP Basic, changing or setting a password,
 * tracking a job): after {@value #MAX_FAILURES_PER_ACCOUNT} failures for one account from one
 * client address, or {@value #MAX_FAILURES_PER_ADDRESS} failures of any kind from one address,
 * within {@link #WINDOW}, that address waits until enough failures leave the window.
 * <p>
 * Only the address that fails is slowed down, never the account as such: a limit per account
 * would let anyone who knows a username (an integration's is no secret) lock its owner out with
 * a few wrong passwords, from anywhere. So the owner, signing in from an address that hasn't
 * failed, is always let in. Guessing one account's password from many addresses stays slow
 * because each address gets only a few tries a minute and every try costs an Argon2 hash; every
 * failure is in the audit log for a person to act on. An address gets more room overall than
 * per account because a whole office may sign in from behind one address. An IPv6 client counts
 * by its /64 network, the block one subscriber gets, or it could take a fresh address for every
 * few guesses. Kept in PostgreSQL so that every portal instance counts the same attempts.
 */
public final class SignInThrottle {

    public static final int MAX_FAILURES_PER_ACCOUNT = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(1);

    /** Beyond this many clients kept as clear, the list starts again. */
    static final int CLEAR_CAPACITY = 10_000;

    private final Jdbi jdbi;
    private final BooleanSupplier trusted;
    /**
     * The (address, account) pairs found with no wait since the last failure recorded anywhere: a
     * wait only starts with a new failure (V33 tells every instance of one), so until then an
     * integration signing every request is not counted again. Kept only while {@code trusted}.
     */
    private final Set<String> clear = ConcurrentHashMap.newKeySet();
    private final AtomicLong failures = new AtomicLong();

    /** Counts the failures anew at every attempt. */
    public SignInThrottle(Jdbi jdbi) {
        this(jdbi, () -> false);
    }

    /** Keeps which clients are clear while {@code trusted} (this instance hears every failure recorded). */
    public SignInThrottle(Jdbi jdbi, BooleanSupplier trusted) {
        this.jdbi = jdbi;
        this.trusted = trusted;
    }

    /** A failure was recorded (any instance): every client is counted again. */
    public void forgetClearClients() {
        failures.incrementAndGet();
        clear.clear();
    }

    /** How long this address must wait before trying this account (or, without one, anything) again, if it must. */
    public Optional<Duration> waitBeforeNextAttempt(String username, String clientAddress) {
        String key = counted(clientAddress) + '\u0000' + (username == null ? "" : username);
        boolean keep = trusted.getAsBoolean();
        if (keep && clear.contains(key)) {
            return Optional.empty();
        }
        long readAt = failures.get();
        Optional<Duration> wait = countedWait(username, clientAddress);
        if (keep && wait.isEmpty()) {
            if (clear.size() >= CLEAR_CAPACITY) {
                clear.clear();
            }
            clear.add(key);
            if (failures.get() != readAt) {
                clear.remove(key);
            }
        }
        return wait;
    }

    private Optional<Duration> countedWait(String username, String clientAddress) {
        Long seconds = jdbi.withHandle(h -> h.createQuery("""
                WITH failures AS (
                    SELECT attempted_at, lower(username) = lower(:username) AS same_account
                      FROM sign_in_attempt
                     WHERE NOT succeeded AND attempted_at > now() - make_interval(secs => :window)
                       AND client_address = :address)
                SELECT ceil(extract(epoch FROM greatest(
                           CASE WHEN count(*) FILTER (WHERE same_account) >= :perAccount
                                THEN (SELECT attempted_at FROM failures WHERE same_account ORDER BY attempted_at DESC
                                      OFFSET :perAccount - 1 LIMIT 1) END,
                           CASE WHEN count(*) >= :perAddress
                                THEN (SELECT attempted_at FROM failures ORDER BY attempted_at DESC
                                      OFFSET :perAddress - 1 LIMIT 1) END)
                       + make_interval(secs => :window) - now()))::bigint
                  FROM failures""")
                // no username (a link, a tracking number): only the address counts
                .bind("username", username == null || username.isBlank() ? null : username)
                .bind("address", counted(clientAddress))
                .bind("window", WINDOW.toSeconds())
                .bind("perAccount", MAX_FAILURES_PER_ACCOUNT)
                .bind("perAddress", MAX_FAILURES_PER_ADDRESS)
                .mapTo(Long.class).one());
        return Optional.ofNullable(seconds).filter(s -> s > 0).map(Duration::ofSeconds);
    }

    public void recordFailure(String form, String username, String clientAddress) {
        BusinessEvents.signInFailed(form);
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO sign_in_attempt (form, username, client_address, succeeded) VALUES (?, left(?, 250), ?, false)""",
                form, username == null || username.isBlank() ? null : username, counted(clientAddress)));
        // this instance counts again at once; the others when they hear of it
        forgetClearClients();
    }

    /** The address as it is counted: an IPv6 address as its /64 network, anything else as it is. */
    static String counted(String clientAddress) {
        String literal = clientAddress.startsWith("[") && clientAddress.endsWith("]")
                ? clientAddress.substring(1, clientAddress.length() - 1) : clientAddress;
        if (literal.indexOf(':') < 0 || !literal.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return clientAddress;
        }
        try {
            // only an address literal gets here, so no name is looked up
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length != 16) {
                return clientAddress;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return clientAddress;
        }
    }
}
