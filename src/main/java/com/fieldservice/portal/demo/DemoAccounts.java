package com.fieldservice.portal.demo;

import com.fieldservice.portal.auth.Passwords;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The demo's sign-ins ({@link DemoData#SIGN_INS}) as account rows: staff linked to their
 * app_user, customers to their contact, the API user to neither. The shared password is hashed
 * once (Argon2id is slow on purpose) and the hash reused.
 */
final class DemoAccounts {

    private static final CopyTable ACCOUNT = new CopyTable("account", "id", "username", "password_hash", "role",
            "app_user_id", "contact_id");

    private DemoAccounts() {
    }

    static long insert(Handle handle, Staff.Ids staff) {
        String hash = Passwords.hash(DemoData.DEMO_PASSWORD);
        return ACCOUNT.copy(handle, row -> {
            for (DemoData.SignIn signIn : DemoData.SIGN_INS) {
                row.uuid(DemoIds.of("account", signIn.username())).text(signIn.username()).text(hash)
                        .text(signIn.role()).uuid(appUser(signIn, staff)).uuid(contact(signIn));
                row.endRow();
            }
        });
    }

    private static UUID appUser(DemoData.SignIn signIn, Staff.Ids staff) {
        return switch (signIn.role()) {
            case "planner" -> staff.planner();
            case "admin" -> staff.admin();
            default -> null;
        };
    }

    private static UUID contact(DemoData.SignIn signIn) {
        if (!signIn.role().equals("customer")) {
            return null;
        }
        return switch (signIn.companyCode()) {
            case Customers.ACME_CODE -> Customers.ALICE_CONTACT;
            case Customers.GLOBEX_CODE -> Customers.BOB_CONTACT;
            default -> throw new IllegalStateException("no demo contact at " + signIn.companyCode());
        };
    }
}
