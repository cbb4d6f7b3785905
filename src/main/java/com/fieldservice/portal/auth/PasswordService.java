package com.fieldservice.portal.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Password rules and changes. A password never reaches a log: only its Argon2id hash is kept. */
public final class PasswordService {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 200;

    private final Jdbi jdbi;

    public PasswordService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Why this new password can't be used, or empty when it can. Keys are form field names. */
    public static Map<String, String> checkNew(String password, String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (password == null || password.length() < MIN_LENGTH) {
            errors.put("new_password", "password.tooShort");
        } else if (password.length() > MAX_LENGTH) {
            errors.put("new_password", "password.tooLong");
        } else if (!password.equals(confirmation)) {
            errors.put("confirm_password", "password.mismatch");
        }
        return errors;
    }

    /**
     * Changes the signed-in person's password after checking the current one, and signs out their
     * other sessions (a stolen session doesn't survive a password change). Returns message keys by field.
     */
    public Map<String, String> change(Principal who, String current, String password, String confirmation,
                                      String clientAddress, String currentSessionToken) {
        Map<String, String> errors = new LinkedHashMap<>();
        String hash = jdbi.withExtension(AccountDao.class, dao -> dao.passwordHash(who.accountId()));
        if (current == null || !Passwords.verify(current, hash)) {
            errors.put("current_password", "password.currentWrong");
        }
        errors.putAll(checkNew(password, confirmation));
        if (errors.isEmpty()) {
            String newHash = Passwords.hash(password);
            jdbi.useTransaction(handle -> {
                handle.attach(AccountDao.class).changePassword(who.accountId(), newHash);
                handle.attach(SessionDao.class).deleteOthersOf(who.accountId(), Tokens.sha256(currentSessionToken));
                handle.attach(AuditDao.class).insert(who.accountId(), who.username(), Audit.PASSWORD_CHANGED,
                        "other sessions signed out", clientAddress);
            });
        }
        return errors;
    }
}
