package com.fieldservice.portal.auth;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which (stored hash, given password) pairs were verified, so that an integration
 * signing every request pays for Argon2 once, not per request. The key is a SHA-256 of the
 * pair: the passwords themselves are not kept. A changed password changes the stored hash, so
 * an old entry never matches again.
 */
final class VerifiedPasswords {

    private final Map<String, Boolean> verified;

    VerifiedPasswords(int capacity) {
        this.verified = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    boolean verify(String password, String hash) {
        String key = Base64.getEncoder().encodeToString(Tokens.sha256(hash + '\u0000' + password));
        synchronized (verified) {
            if (verified.containsKey(key)) {
                return true;
            }
        }
        boolean right = Passwords.verify(password, hash);
        if (right) {
            synchronized (verified) {
                verified.put(key, Boolean.TRUE);
            }
        }
        return right;
    }
}
