package com.fieldservice.portal.support;

import com.fieldservice.portal.auth.Passwords;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Accounts for tests: staff, customer contacts of a company, integrations. */
public final class TestAccounts {

    public static final String PASSWORD = "test-password";
    private static final String HASH = Passwords.hash(PASSWORD);

    private TestAccounts() {
    }

    public static UUID apiUser(Jdbi jdbi, String username) {
        return jdbi.withHandle(h -> h.createQuery(
                "INSERT INTO account (username, password_hash, role) VALUES (?, ?, 'api') RETURNING id")
                .bind(0, username).bind(1, HASH).mapTo(UUID.class).one());
    }

    /** A back-office account ('admin' or 'planner') with its app_user. */
    public static UUID staff(Jdbi jdbi, String username, String role) {
        return jdbi.withHandle(h -> {
            UUID user = h.createQuery("""
                    INSERT INTO app_user (username, firstname, lastname, email) VALUES (?, 'Pat', 'Planner', ?) RETURNING id""")
                    .bind(0, username).bind(1, username).mapTo(UUID.class).one();
            return h.createQuery("""
                    INSERT INTO account (username, password_hash, role, app_user_id) VALUES (?, ?, ?, ?) RETURNING id""")
                    .bind(0, username).bind(1, HASH).bind(2, role).bind(3, user).mapTo(UUID.class).one();
        });
    }

    /** The company with this code, created on first use. */
    public static UUID company(Jdbi jdbi, String code) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO company (code, name) VALUES (?, ?)
                ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id""")
                .bind(0, code).bind(1, code + " Ltd").mapTo(UUID.class).one());
    }

    /** A customer account for a new contact of the company with this code. */
    public static UUID customer(Jdbi jdbi, String companyCode, String username) {
        UUID company = company(jdbi, companyCode);
        return jdbi.withHandle(h -> {
            UUID contact = h.createQuery("""
                    INSERT INTO contact (company_id, firstname, lastname, email) VALUES (?, 'Casey', 'Customer', ?) RETURNING id""")
                    .bind(0, company).bind(1, username).mapTo(UUID.class).one();
            return h.createQuery("""
                    INSERT INTO account (username, password_hash, role, contact_id) VALUES (?, ?, 'customer', ?) RETURNING id""")
                    .bind(0, username).bind(1, HASH).bind(2, contact).mapTo(UUID.class).one();
        });
    }

    /** A technician (a staff member who goes on visits: allowed in the service app), the first by code. */
    public static String technician(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id::text FROM app_user WHERE allow_service_app AND NOT disabled AND NOT archived
                 ORDER BY code LIMIT 1""").mapTo(String.class).one());
    }
}
