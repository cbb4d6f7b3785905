package com.fieldservice.portal.auth;

import com.fieldservice.portal.web.Slots;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing for every sign-in of the portal: Argon2id with OWASP's recommended minimum
 * (19 MiB of memory, 2 iterations, 1 lane), a random 16-byte salt and a 32-byte tag, stored in
 * the standard PHC form {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}. Verification reads the
 * parameters from the stored hash, so stronger parameters later keep old hashes valid.
 */
public final class Passwords {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final String PREFIX = "$argon2id$";
    /**
     * At most one hash per processor at once, the others waiting their turn. Each copies its 19 MiB
     * of block memory while it runs, and sign-ins from many addresses all pass the throttle (which
     * counts per account and per address): 64 at once against a 256 MB heap answered none and ran
     * out of memory. Beyond one per processor they only share the same processors anyway.
     */
    static final Slots SLOTS = new Slots(Runtime.getRuntime().availableProcessors());

    private static final Argon2Function ARGON2ID =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);

    private Passwords() {
    }

    /** A new Argon2id hash of the password, with a fresh random salt. */
    public static String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a password may not be empty");
        }
        return SLOTS.run(() -> Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult());
    }

    /** Whether the password matches the stored hash; false for a missing or malformed hash. */
    public static boolean verify(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith(PREFIX)) {
            return false;
        }
        try {
            Argon2Function argon2 = Argon2Function.getInstanceFromHash(hash);
            return SLOTS.run(() -> argon2.check(password, hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
