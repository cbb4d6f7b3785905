package com.fieldservice.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.auth.AccountDao;
import com.fieldservice.portal.auth.Passwords;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Tokens;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestDatabase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administration's rules, without HTTP, against real PostgreSQL. */
class AccountAdminServiceTest {

    private static final String IP = "192.0.2.7";

    private Jdbi jdbi;
    private AccountAdminService service;
    private Principal admin;

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabase.freshJdbi();
        service = new AccountAdminService(jdbi);
        admin = principal(TestAccounts.staff(jdbi, "root@portal.test", "admin"));
    }

    @Test
    void aNewStaffMemberNeedsEmailNamesAndARole() {
        assertThat(errors(service.createStaff(admin, new Forms.Staff("", " ", "", ""), IP)))
                .containsEntry("email", "admin.error.emailRequired")
                .containsEntry("first_name", "admin.error.firstNameRequired")
                .containsEntry("last_name", "admin.error.lastNameRequired")
                .containsEntry("role", "admin.error.role");
        assertThat(count("account")).isEqualTo(1);
    }

    @Test
    void emailsMustLookLikeEmailsAndFitTheSchema() {
        assertThat(errors(service.createStaff(admin, staff("not-an-email"), IP))).containsEntry("email", "admin.error.emailFormat");
        assertThat(errors(service.createStaff(admin, staff("two words@x.test"), IP))).containsEntry("email", "admin.error.emailFormat");
        String longest = "a".repeat(250 - "@x.test".length()) + "@x.test";
        assertThat(service.createStaff(admin, staff(longest), IP)).isInstanceOf(Outcome.Done.class);
        assertThat(errors(service.createStaff(admin, staff("a" + longest), IP))).containsEntry("email", "admin.error.emailTooLong");
    }

    @Test
    void namesFitTheSchemaLengths() {
        String hundred = "n".repeat(100);
        assertThat(service.createStaff(admin, new Forms.Staff("a@x.test", hundred, hundred, "planner"), IP))
                .isInstanceOf(Outcome.Done.class);
        assertThat(errors(service.createStaff(admin, new Forms.Staff("b@x.test", hundred + "n", hundred + "n", "planner"), IP)))
                .containsEntry("first_name", "admin.error.firstNameTooLong")
                .containsEntry("last_name", "admin.error.lastNameTooLong");
    }

    @Test
    void staffRolesAreAdminOrPlannerOnly() {
        for (String role : new String[] {"customer", "api", "ADMIN ", "root"}) {
            assertThat(errors(service.createStaff(admin, new Forms.Staff("x@x.test", "X", "Y", role), IP)))
                    .as(role).containsEntry("role", "admin.error.role");
        }
        assertThat(service.createStaff(admin, new Forms.Staff("x@x.test", "X", "Y", "admin"), IP)).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void aUsernameIsRefusedWhenTakenWhateverItsCase() {
        TestAccounts.customer(jdbi, "ACME", "Casey@Acme.Test");
        assertThat(errors(service.createStaff(admin, staff("casey@ACME.test"), IP))).containsEntry("email", "admin.error.usernameTaken");
        assertThat(errors(service.inviteCustomer(admin, invite("ACME", "CASEY@acme.test", "company"), IP)))
                .containsEntry("email", "admin.error.usernameTaken");
        assertThat(errors(service.createApiUser(admin, new Forms.ApiUser("casey@acme.TEST"), IP)))
                .containsEntry("username", "admin.error.usernameTaken");
        // a technician's username (an app_user without an account) is taken too
        jdbi.useHandle(h -> h.execute("INSERT INTO app_user (username) VALUES ('Tom.Wouters@x.test')"));
        assertThat(errors(service.createStaff(admin, staff("tom.wouters@X.test"), IP))).containsEntry("email", "admin.error.usernameTaken");
        assertThat(count("account")).isEqualTo(2);
    }

    @Test
    void creatingStaffMakesTheUserTheAccountAnUnusablePasswordAndALinkInOneGo() {
        AccountAdminService.Issued issued = done(service.createStaff(admin, new Forms.Staff(" maria@x.test ", "Maria", "Lopez", "planner"), IP));

        assertThat(issued.username()).isEqualTo("maria@x.test");
        assertThat(issued.apiPassword()).isFalse();
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("""
                SELECT a.role, a.password_hash, u.username, u.email, u.firstname, u.lastname
                  FROM account a JOIN app_user u ON u.id = a.app_user_id WHERE a.id = ?""")
                .bind(0, issued.accountId()).mapToMap().one());
        assertThat(row).containsEntry("role", "planner").containsEntry("username", "maria@x.test")
                .containsEntry("email", "maria@x.test").containsEntry("firstname", "Maria").containsEntry("lastname", "Lopez");
        String hash = (String) row.get("password_hash");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(Passwords.verify("", hash) || Passwords.verify(issued.secret(), hash)).isFalse();

        OffsetDateTime expires = jdbi.withHandle(h -> h.createQuery(
                "SELECT expires_at FROM password_link WHERE token_hash = ? AND account_id = ? AND used_at IS NULL")
                .bind(0, Tokens.sha256(issued.secret())).bind(1, issued.accountId()).mapTo(OffsetDateTime.class).one());
        assertThat(Duration.between(OffsetDateTime.now(), expires)).isBetween(Duration.ofHours(71), Duration.ofHours(72));

        assertThat(audit()).containsExactly(
                "root@portal.test account_created maria@x.test (planner) " + IP,
                "root@portal.test password_link_issued maria@x.test " + IP);
    }

    @Test
    void nothingIsHalfSaved() {
        // the account insert fails after the app_user insert succeeded: neither stays, nor the audit entry
        jdbi.useHandle(h -> h.execute("""
                CREATE FUNCTION refuse_account() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
                CREATE TRIGGER refuse_account BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION refuse_account();"""));
        assertThatThrownBy(() -> service.createStaff(admin, staff("half@x.test"), IP)).hasMessageContaining("refused for the test");
        assertThatThrownBy(() -> service.inviteCustomer(admin, invite(company("ACME"), "half@x.test", "company"), IP))
                .hasMessageContaining("refused for the test");
        assertThat(count("app_user")).isEqualTo(1);
        assertThat(count("contact")).isZero();
        assertThat(count("password_link")).isZero();
        assertThat(count("audit_log")).isZero();
    }

    @Test
    void anAdminCantDemoteThemself() {
        UUID self = admin.accountId();
        assertThat(errors(service.updateStaff(admin, self, new Forms.Staff("root@portal.test", "Pat", "Planner", "planner"), IP)))
                .containsEntry("role", "admin.error.selfDemote");
        assertThat(role(self)).isEqualTo("admin");
        // but may change their own name
        assertThat(service.updateStaff(admin, self, new Forms.Staff("root@portal.test", "Root", "Admin", "admin"), IP))
                .isInstanceOf(Outcome.Done.class);
    }

    @Test
    void editingStaffChangesNamesEmailAndRoleAndAuditsTheChange() {
        UUID planner = TestAccounts.staff(jdbi, "pat@x.test", "planner");
        assertThat(errors(service.updateStaff(admin, planner, new Forms.Staff("ROOT@portal.test", "Pat", "P", "planner"), IP)))
                .containsEntry("email", "admin.error.usernameTaken");
        assertThat(errors(service.updateStaff(admin, planner, new Forms.Staff("pat@x.test", "Pat", "P", "customer"), IP)))
                .containsEntry("role", "admin.error.role");

        // the same username in another case is not taken: it is this person's own
        assertThat(service.updateStaff(admin, planner, new Forms.Staff("Pat.New@x.test", "Patricia", "Planner", "admin"), IP))
                .isInstanceOf(Outcome.Done.class);
        AdminAccountDao.AccountRow row = service.find(planner).orElseThrow();
        assertThat(row.username()).isEqualTo("Pat.New@x.test");
        assertThat(row.role()).isEqualTo("admin");
        assertThat(row.name()).isEqualTo("Patricia Planner");
        assertThat(audit()).containsExactly("root@portal.test account_updated pat@x.test: email pat@x.test → Pat.New@x.test, "
                + "first name Pat → Patricia, role planner → admin " + IP);
    }

    @Test
    void onlyStaffIsEditedAsStaff() {
        UUID customer = TestAccounts.customer(jdbi, "ACME", "casey@acme.test");
        assertThat(service.updateStaff(admin, customer, staff("casey@acme.test"), IP)).isInstanceOf(Outcome.NotFound.class);
        assertThat(service.updateStaff(admin, UUID.randomUUID(), staff("x@x.test"), IP)).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void anAdminCantDisableOrResetThemself() {
        assertThat(errors(service.setDisabled(admin, admin.accountId(), true, IP))).containsEntry("account", "admin.error.selfDisable");
        assertThat(errors(service.reset(admin, admin.accountId(), IP))).containsEntry("account", "admin.error.selfReset");
        boolean disabled = jdbi.withHandle(h -> h.createQuery("SELECT disabled FROM account WHERE id = ?")
                .bind(0, admin.accountId()).mapTo(Boolean.class).one());
        assertThat(disabled).isFalse();
        assertThat(count("audit_log")).isZero();
    }

    @Test
    void disablingAndEnablingAreAuditedOnceEach() {
        UUID planner = TestAccounts.staff(jdbi, "pat@x.test", "planner");
        assertThat(service.setDisabled(admin, planner, true, IP)).isInstanceOf(Outcome.Done.class);
        assertThat(service.setDisabled(admin, planner, true, IP)).isInstanceOf(Outcome.Done.class);
        assertThat(service.find(planner).orElseThrow().status()).isEqualTo("disabled");
        assertThat(service.setDisabled(admin, planner, false, IP)).isInstanceOf(Outcome.Done.class);
        assertThat(service.find(planner).orElseThrow().status()).isEqualTo("active");
        assertThat(audit()).containsExactly("root@portal.test account_disabled pat@x.test " + IP,
                "root@portal.test account_enabled pat@x.test " + IP);
    }

    @Test
    void anInvitationNeedsAnExistingCompanyAndAKnownScope() {
        company("ACME");
        jdbi.useHandle(h -> h.execute("INSERT INTO company (code, name, archived) VALUES ('GONE', 'Gone Ltd', true)"));
        assertThat(errors(service.inviteCustomer(admin, invite("", "c@x.test", "company"), IP)))
                .containsEntry("company", "admin.error.companyRequired");
        assertThat(errors(service.inviteCustomer(admin, invite("NOPE", "c@x.test", "company"), IP)))
                .containsEntry("company", "admin.error.companyUnknown");
        assertThat(errors(service.inviteCustomer(admin, invite("GONE", "c@x.test", "company"), IP)))
                .containsEntry("company", "admin.error.companyUnknown");
        assertThat(errors(service.inviteCustomer(admin, invite("ACME", "c@x.test", "everything"), IP)))
                .containsEntry("scope", "admin.error.scope");
        assertThat(errors(service.inviteCustomer(admin, new Forms.Invite("ACME", "", "", "c@x.test", ""), IP)))
                .containsOnlyKeys("last_name");
        assertThat(count("contact")).isZero();
    }

    @Test
    void aCompanyCodeIsFoundWhateverItsCaseButAnExactMatchComesFirst() {
        jdbi.useHandle(h -> h.execute("INSERT INTO company (code, name) VALUES ('Acme', 'Acme mixed'), ('ACME', 'Acme upper')"));
        AccountAdminService.Issued exact = done(service.inviteCustomer(admin, invite("Acme", "a@x.test", "company"), IP));
        assertThat(service.find(exact.accountId()).orElseThrow().companyName()).isEqualTo("Acme mixed");
        assertThat(service.inviteCustomer(admin, invite("acme", "b@x.test", "company"), IP)).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void anInvitationMakesTheContactAndTheCustomerAccount() {
        company("ACME");
        AccountAdminService.Issued issued = done(service.inviteCustomer(admin,
                new Forms.Invite("acme", "", "Customer", "casey@acme.test", "own_requests"), IP));
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("""
                SELECT a.role, c.firstname, c.lastname, c.email, c.portal_scope, co.code
                  FROM account a JOIN contact c ON c.id = a.contact_id JOIN company co ON co.id = c.company_id
                 WHERE a.id = ?""").bind(0, issued.accountId()).mapToMap().one());
        assertThat(row).containsEntry("role", "customer").containsEntry("firstname", null).containsEntry("lastname", "Customer")
                .containsEntry("email", "casey@acme.test").containsEntry("portal_scope", "own_requests").containsEntry("code", "ACME");
        assertThat(service.stillValid(issued.accountId(), issued.secret())).isPresent();
    }

    @Test
    void aResetReplacesThePasswordEndsTheSessionsAndLeavesOnlyTheNewestLink() {
        AccountAdminService.Issued first = done(service.createStaff(admin, staff("maria@x.test"), IP));
        UUID account = first.accountId();
        jdbi.useHandle(h -> {
            h.execute("UPDATE account SET password_hash = ? WHERE id = ?", Passwords.hash("old-password"), account);
            h.execute("INSERT INTO web_session (token_hash, account_id, csrf_token) VALUES (?, ?, 'x')", Tokens.sha256("s"), account);
        });

        AccountAdminService.Issued second = done(service.reset(admin, account, IP));

        String hash = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM account WHERE id = ?")
                .bind(0, account).mapTo(String.class).one());
        assertThat(Passwords.verify("old-password", hash)).isFalse();
        int sessions = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM web_session WHERE account_id = ?")
                .bind(0, account).mapTo(Integer.class).one());
        assertThat(sessions).isZero();
        assertThat(service.stillValid(account, first.secret())).isEmpty();
        assertThat(service.stillValid(account, second.secret())).isPresent();
    }

    @Test
    void anApiUserGetsAStrongGeneratedPasswordAndANewOneOnReset() {
        assertThat(errors(service.createApiUser(admin, new Forms.ApiUser("two words"), IP))).containsEntry("username", "admin.error.usernameSpaces");
        AccountAdminService.Issued issued = done(service.createApiUser(admin, new Forms.ApiUser("erp@x.test"), IP));
        assertThat(issued.apiPassword()).isTrue();
        assertThat(issued.secret()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Passwords.verify(issued.secret(), passwordHash(issued.accountId()))).isTrue();

        AccountAdminService.Issued renewed = done(service.reset(admin, issued.accountId(), IP));
        assertThat(Passwords.verify(issued.secret(), passwordHash(issued.accountId()))).isFalse();
        assertThat(Passwords.verify(renewed.secret(), passwordHash(issued.accountId()))).isTrue();
        assertThat(count("password_link")).isZero();
    }

    @Test
    void theListFiltersByRoleAndTextAndPages() {
        company("GLOBEX");
        for (int i = 0; i < 60; i++) {
            TestAccounts.customer(jdbi, "GLOBEX", "c" + i + "@globex.test");
        }
        TestAccounts.staff(jdbi, "pat@x.test", "planner");
        AccountAdminService.Page all = service.list(AccountAdminService.Filter.of(null, null, null, null));
        assertThat(all.total()).isEqualTo(62);
        assertThat(all.rows()).hasSize(50);
        assertThat(all.pages()).isEqualTo(2);
        assertThat(service.list(AccountAdminService.Filter.of(null, null, null, "2")).rows()).hasSize(12);
        assertThat(service.list(AccountAdminService.Filter.of("planner", null, "name", null)).rows())
                .extracting(AdminAccountDao.AccountRow::username).containsExactly("pat@x.test");
        assertThat(service.list(AccountAdminService.Filter.of(null, "globex ltd", null, null)).total()).isEqualTo(60);
        assertThat(service.list(AccountAdminService.Filter.of("customer", "C1", "name", null)).rows())
                .extracting(AdminAccountDao.AccountRow::username)
                .containsExactlyInAnyOrder("c1@globex.test", "c10@globex.test", "c11@globex.test", "c12@globex.test",
                        "c13@globex.test", "c14@globex.test", "c15@globex.test", "c16@globex.test", "c17@globex.test",
                        "c18@globex.test", "c19@globex.test");
        TestAccounts.staff(jdbi, "Zoe@x.test", "planner");
        TestAccounts.staff(jdbi, "amy@x.test", "planner");
        assertThat(service.list(AccountAdminService.Filter.of("planner", null, "name", null)).rows())
                .extracting(AdminAccountDao.AccountRow::username).containsExactly("amy@x.test", "pat@x.test", "Zoe@x.test");
        assertThat(service.list(AccountAdminService.Filter.of("planner", null, "newest", null)).rows())
                .extracting(AdminAccountDao.AccountRow::username).startsWith("amy@x.test");
        // LIKE wildcards typed by the administrator are taken literally
        assertThat(service.list(AccountAdminService.Filter.of(null, "%", null, null)).total()).isZero();
        assertThat(service.list(AccountAdminService.Filter.of(null, "_", null, null)).total()).isZero();
    }

    private Principal principal(UUID account) {
        return jdbi.withExtension(AccountDao.class, dao -> dao.findActivePrincipal(account)).orElseThrow().toPrincipal();
    }

    private static Forms.Staff staff(String email) {
        return new Forms.Staff(email, "Maria", "Lopez", "planner");
    }

    private static Forms.Invite invite(String company, String email, String scope) {
        return new Forms.Invite(company, "Casey", "Customer", email, scope);
    }

    private String company(String code) {
        TestAccounts.company(jdbi, code);
        return code;
    }

    private static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }

    private static Map<String, String> errors(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        // the message keys by field, in the order the form tells them
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        ((Outcome.Invalid<?>) outcome).errors().forEach((field, error) -> keys.put(field, error.key()));
        return keys;
    }

    private int count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    private String role(UUID account) {
        return jdbi.withHandle(h -> h.createQuery("SELECT role FROM account WHERE id = ?").bind(0, account).mapTo(String.class).one());
    }

    private String passwordHash(UUID account) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM account WHERE id = ?")
                .bind(0, account).mapTo(String.class).one());
    }

    /** "who event detail address", oldest first. */
    private java.util.List<String> audit() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT concat_ws(' ', username, event, detail, client_address) FROM audit_log ORDER BY id").mapTo(String.class).list());
    }
}
