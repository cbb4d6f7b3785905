package com.fieldservice.portal.notify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * The secret of an unsubscribe link: which account and which topic, signed with the portal's key
 * (HMAC-SHA256; the key is made once and kept in the database, so every instance reads the
 * same). A link works without signing in and changes that one preference of that one account;
 * a link altered in any way is refused.
 */
public final class UnsubscribeTokens {

    public record Subject(UUID accountId, Topic topic) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final Jdbi jdbi;
    private volatile byte[] key;

    public UnsubscribeTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public String sign(UUID accountId, Topic topic) {
        String payload = ENCODER.encodeToString(bytes(accountId)) + "." + topic.code();
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    public Optional<Subject> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first < 0 || last <= first) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(last + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            ByteBuffer id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(0, first)));
            if (id.remaining() != 16) {
                return Optional.empty();
            }
            UUID account = new UUID(id.getLong(), id.getLong());
            return Topic.ofCode(token.substring(first + 1, last)).map(topic -> new Subject(account, topic));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // the first instance to get here makes the key; every other one reads it
            known = jdbi.inTransaction(handle -> {
                NotificationDao dao = handle.attach(NotificationDao.class);
                dao.offerKey(fresh);
                return dao.key();
            });
            key = known;
        }
        return known;
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
