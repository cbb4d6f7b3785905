package com.fieldservice.portal.auth;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Accounts as sign-in sees them: credentials, role, and whether the person may still sign in. */
public interface AccountDao {

    /** An account with what sign-in needs; {@code active} is false once the account, staff member or contact is disabled or archived. */
    record Credentials(UUID id, String passwordHash, boolean active, @Nested PrincipalRow principal) {
    }

    String ACTIVE = """
            NOT a.disabled
            AND NOT coalesce(u.disabled OR u.archived, false)
            AND NOT coalesce(ct.archived OR co.archived, false)""";

    String PRINCIPAL_COLUMNS = """
            a.id AS account_id, a.username, a.role,
            coalesce(person_name(u), person_name(ct), a.username) AS display_name,
            a.app_user_id, a.contact_id, ct.company_id, coalesce(ct.portal_scope = 'own_requests', false) AS only_own_requests,
            a.language""";

    String JOINS = """
            account a
            LEFT JOIN app_user u ON u.id = a.app_user_id
            LEFT JOIN contact ct ON ct.id = a.contact_id
            LEFT JOIN company co ON co.id = ct.company_id""";

    @SqlQuery("SELECT a.id, a.password_hash, (" + ACTIVE + ") AS active, " + PRINCIPAL_COLUMNS + " FROM " + JOINS
            + " WHERE lower(a.username) = lower(:username)")
    Optional<Credentials> findCredentials(@Bind("username") String username);

    @SqlQuery("SELECT " + PRINCIPAL_COLUMNS + " FROM " + JOINS + " WHERE a.id = :id AND " + ACTIVE)
    Optional<PrincipalRow> findActivePrincipal(@Bind("id") UUID id);

    @SqlUpdate("UPDATE account SET password_hash = :hash WHERE id = :id")
    int changePassword(@Bind("id") UUID id, @Bind("hash") String hash);

    /** The language a person reads the portal in: en, fr, nl. */
    @SqlUpdate("UPDATE account SET language = :language WHERE id = :id")
    int changeLanguage(@Bind("id") UUID id, @Bind("language") String language);

    @SqlQuery("SELECT password_hash FROM account WHERE id = :id")
    String passwordHash(@Bind("id") UUID id);

    /** The flat row behind a {@link Principal}. */
    record PrincipalRow(UUID accountId, String username, String role, String displayName,
                        UUID appUserId, UUID contactId, UUID companyId, boolean onlyOwnRequests, String language) {
        public Principal toPrincipal() {
            return new Principal(accountId, username, Role.fromCode(role), displayName,
                    Optional.ofNullable(appUserId), Optional.ofNullable(contactId), Optional.ofNullable(companyId),
                    onlyOwnRequests, language);
        }
    }
}
