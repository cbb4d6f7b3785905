package com.fieldservice.portal.auth;

import com.fieldservice.portal.web.Slots;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing for every sign-in of the portal: Argon2id with OWASP's recommended minimum
 * (19 MiB of memory, 2 iterations, 1 lane), a random 16-byte salt and a 32-byte tag, stored in
 * the standard PHC form {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}. Verification reads the
 * parameters from the stored hash, so stronger parameters later keep old hashes valid.
 *
 * <p>Bouncy Castle computes it: it allocates a hash's block memory for that hash alone. The
 * library used before kept a zeroed 19 MiB copy of it for as long as the JVM ran, to copy from.
 */
public final class Passwords {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final String PREFIX = "$argon2id$";
    /**
     * At most one hash per processor at once, the others waiting their turn. Each holds its 19 MiB
     * of block memory while it runs, and sign-ins from many addresses all pass the throttle (which
     * counts per account and per address): 64 at once against a 256 MB heap answered none and ran
     * out of memory. Beyond one per processor they only share the same processors anyway.
     */
    static final Slots SLOTS = new Slots(Runtime.getRuntime().availableProcessors());

    /**
     * What a stored hash may ask for before it is taken as malformed rather than computed: up to
     * three times today's memory and a few times its passes, so a corrupt row cannot make one
     * sign-in take the heap or the processors.
     */
    private static final int MAX_MEMORY_KIB = 64 * 1024;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 16;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,4}),p=(\\d{1,4})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** A new Argon2id hash of the password, with a fresh random salt. */
    public static String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a password may not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] tag = SLOTS.run(() -> argon2id(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
        return PREFIX + "v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(tag);
    }

    /** Whether the password matches the stored hash; false for a missing or malformed hash. */
    public static boolean verify(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        Matcher stored = PHC.matcher(hash);
        if (!stored.matches()) {
            return false;
        }
        int memory = Integer.parseInt(stored.group(1));
        int iterations = Integer.parseInt(stored.group(2));
        int parallelism = Integer.parseInt(stored.group(3));
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                || memory < 8 * parallelism || memory > MAX_MEMORY_KIB) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(stored.group(4));
            expected = Base64.getDecoder().decode(stored.group(5));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        byte[] actual = SLOTS.run(() -> argon2id(password, salt, memory, iterations, parallelism, expected.length));
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] tag = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), tag);
        return tag;
    }
}
