package com.fieldservice.portal.admin;

import com.fieldservice.portal.auth.AccountDao;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Accounts as the administration sees them: every role, with the person or contact behind each. */
public interface AdminAccountDao {

    /** One account with its person: the staff member's or the contact's name, the contact's company. */
    record AccountRow(UUID id, String username, String role, String firstName, String lastName, String name,
                      String companyCode, String companyName, String portalScope, boolean disabled, boolean active,
                      OffsetDateTime dateCreate, UUID appUserId, UUID contactId) {

        public boolean isStaff() {
            return "admin".equals(role) || "planner".equals(role);
        }

        public boolean isApi() {
            return "api".equals(role);
        }

        /** "active", "disabled" (the account itself) or "inactive" (its person, contact or company is archived). */
        public String status() {
            return disabled ? "disabled" : active ? "active" : "inactive";
        }
    }

    record CompanyOption(String code, String name) {
    }

    String COLUMNS = """
            a.id, a.username, a.role,
            coalesce(u.firstname, ct.firstname) AS first_name, coalesce(u.lastname, ct.lastname) AS last_name,
            coalesce(person_name(u), person_name(ct)) AS name,
            co.code AS company_code, co.name AS company_name, ct.portal_scope, a.disabled,
            (""" + AccountDao.ACTIVE + """
            ) AS active, a.date_create, a.app_user_id, a.contact_id""";

    /**
     * Role (a code or null for all) and text (a LIKE pattern over username, name and company, or
     * null; PostgreSQL's LIKE escapes with a backslash by default).
     */
    String FILTER = """

             WHERE (CAST(:role AS text) IS NULL OR a.role = :role)
               AND (CAST(:pattern AS text) IS NULL
                    OR lower(a.username) LIKE :pattern
                    OR lower(person_name(u)) LIKE :pattern
                    OR lower(person_name(ct)) LIKE :pattern
                    OR lower(co.name) LIKE :pattern
                    OR lower(co.code) LIKE :pattern)""";

    @SqlQuery("SELECT " + COLUMNS + " FROM " + AccountDao.JOINS + FILTER + """
             ORDER BY CASE WHEN :newest THEN a.date_create END DESC,
                      CASE WHEN NOT :newest THEN lower(a.username) END ASC,
                      a.id
             LIMIT :limit OFFSET :offset""")
    List<AccountRow> search(@Bind("role") String role, @Bind("pattern") String pattern, @Bind("newest") boolean newest,
                            @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT count(*) FROM " + AccountDao.JOINS + FILTER)
    int count(@Bind("role") String role, @Bind("pattern") String pattern);

    @SqlQuery("SELECT " + COLUMNS + " FROM " + AccountDao.JOINS + "\n WHERE a.id = :id")
    Optional<AccountRow> find(@Bind("id") UUID id);

    /** Whether another account, or another staff member, already goes by this username (case aside). */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM account WHERE lower(username) = lower(:username)
                              AND id IS DISTINCT FROM CAST(:exceptAccount AS uuid))
                OR EXISTS (SELECT 1 FROM app_user WHERE lower(username) = lower(:username)
                              AND id IS DISTINCT FROM CAST(:exceptAppUser AS uuid))""")
    boolean usernameTaken(@Bind("username") String username, @Bind("exceptAccount") UUID exceptAccount,
                          @Bind("exceptAppUser") UUID exceptAppUser);

    @SqlUpdate("INSERT INTO app_user (username, firstname, lastname, email) VALUES (:email, :first, :last, :email)")
    @GetGeneratedKeys("id")
    UUID insertAppUser(@Bind("email") String email, @Bind("first") String firstName, @Bind("last") String lastName);

    @SqlUpdate("UPDATE app_user SET username = :email, email = :email, firstname = :first, lastname = :last WHERE id = :id")
    int updateAppUser(@Bind("id") UUID id, @Bind("email") String email, @Bind("first") String firstName,
                      @Bind("last") String lastName);

    @SqlUpdate("""
            INSERT INTO contact (company_id, firstname, lastname, email, portal_scope)
            VALUES (:company, :first, :last, :email, :scope)""")
    @GetGeneratedKeys("id")
    UUID insertContact(@Bind("company") UUID companyId, @Bind("first") String firstName, @Bind("last") String lastName,
                       @Bind("email") String email, @Bind("scope") String portalScope);

    @SqlUpdate("""
            INSERT INTO account (username, password_hash, role, app_user_id, contact_id)
            VALUES (:username, :hash, :role, :appUser, :contact)""")
    @GetGeneratedKeys("id")
    UUID insertAccount(@Bind("username") String username, @Bind("hash") String passwordHash, @Bind("role") String role,
                       @Bind("appUser") UUID appUserId, @Bind("contact") UUID contactId);

    @SqlUpdate("UPDATE account SET username = :username, role = :role WHERE id = :id")
    int updateAccount(@Bind("id") UUID id, @Bind("username") String username, @Bind("role") String role);

    /** The trigger on account ends the sessions of an account that becomes disabled. */
    @SqlUpdate("UPDATE account SET disabled = :disabled WHERE id = :id")
    int setDisabled(@Bind("id") UUID id, @Bind("disabled") boolean disabled);

    @SqlUpdate("UPDATE account SET password_hash = :hash WHERE id = :id")
    int setPasswordHash(@Bind("id") UUID id, @Bind("hash") String passwordHash);

    @SqlQuery("SELECT count(*) FROM company WHERE NOT archived")
    int companyCount();

    @SqlQuery("SELECT code, name FROM company WHERE NOT archived ORDER BY lower(name), code LIMIT :limit")
    List<CompanyOption> companies(@Bind("limit") int limit);

    /** Codes are unique as written: typed in another case, the code finds its company unless two differ only by case. */
    @SqlQuery("""
            SELECT id FROM company WHERE lower(code) = lower(:code) AND NOT archived
             ORDER BY code = :code DESC LIMIT 1""")
    Optional<UUID> companyId(@Bind("code") String code);
}
