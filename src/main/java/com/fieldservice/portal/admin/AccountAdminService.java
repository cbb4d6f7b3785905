package com.fieldservice.portal.admin;

import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.auth.AccountDao;
import com.fieldservice.portal.auth.Audit;
import com.fieldservice.portal.auth.AuditDao;
import com.fieldservice.portal.auth.Passwords;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.SessionDao;
import com.fieldservice.portal.auth.Tokens;
import com.fieldservice.portal.notify.Kind;
import com.fieldservice.portal.notify.Notifications;
import com.fieldservice.portal.web.RequestValues;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What an administrator does to accounts: list them, create back-office users, invite customer
 * contacts, create integrations, edit staff, reset, disable and enable. Each change is one
 * transaction, audit entry included: it happens whole, with its audit entry, or not at all.
 */
public final class AccountAdminService {

    public static final Set<String> STAFF_ROLES = Set.of("admin", "planner");
    public static final List<String> ROLES = List.of("admin", "planner", "customer", "api");
    public static final String SCOPE_COMPANY = "company";
    public static final String SCOPE_OWN_REQUESTS = "own_requests";
    public static final Set<String> SCOPES = Set.of(SCOPE_COMPANY, SCOPE_OWN_REQUESTS);
    public static final Duration LINK_VALIDITY = Duration.ofHours(72);
    public static final int PAGE_SIZE = 50;
    /** Up to this many companies the invitation offers a list to pick from; beyond, the company's code is typed. */
    public static final int COMPANY_CHOICES_MAX = 300;

    /**
     * A secret shown once to the administrator: a set-password link's token, or an integration's
     * password. {@code emailed}: a message with the link is on its way to the account's address.
     */
    public record Issued(UUID accountId, String username, boolean apiPassword, String secret, boolean emailed) {
        @Override
        public String toString() {
            return "Issued[" + accountId + ", " + username + "]";
        }
    }

    public record Filter(Optional<String> role, Optional<String> text, boolean newest, int page) {
        public static Filter of(String role, String text, String sort, String page) {
            Optional<String> knownRole = Optional.ofNullable(role).map(String::strip).filter(ROLES::contains);
            Optional<String> words = Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty())
                    .map(t -> t.length() > 100 ? t.substring(0, 100) : t);
            return new Filter(knownRole, words, !"name".equals(sort), RequestValues.pageNumber(page, 1_000_000));
        }

        public String sort() {
            return newest ? "newest" : "name";
        }
    }

    public record Page(List<AdminAccountDao.AccountRow> rows, int total, int page, int pages) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    private final Jdbi jdbi;

    public AccountAdminService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Page list(Filter filter) {
        String role = filter.role().orElse(null);
        String pattern = filter.text().map(t -> "%" + likeEscape(t.toLowerCase(Locale.ROOT)) + "%").orElse(null);
        return jdbi.inTransaction(handle -> {
            AdminAccountDao dao = handle.attach(AdminAccountDao.class);
            int total = dao.count(role, pattern);
            int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            int page = Math.min(filter.page(), pages);
            return new Page(dao.search(role, pattern, filter.newest(), PAGE_SIZE, (page - 1) * PAGE_SIZE), total, page, pages);
        });
    }

    public Optional<AdminAccountDao.AccountRow> find(UUID id) {
        return jdbi.withExtension(AdminAccountDao.class, dao -> dao.find(id));
    }

    /** The companies to pick from when inviting, or empty when there are too many for a list. */
    public Optional<List<AdminAccountDao.CompanyOption>> companyChoices() {
        return jdbi.withExtension(AdminAccountDao.class, dao -> dao.companyCount() <= COMPANY_CHOICES_MAX
                ? Optional.of(dao.companies(COMPANY_CHOICES_MAX)) : Optional.empty());
    }

    /** A new back-office user, who gets a link to choose their password. */
    public Outcome<Issued> createStaff(Principal admin, Forms.Staff form, String clientAddress) {
        Map<String, FieldError> errors = form.check();
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        String unusable = unusablePasswordHash();
        return unlessUsernameTaken("email", () -> jdbi.inTransaction(handle -> {
            AdminAccountDao dao = handle.attach(AdminAccountDao.class);
            if (dao.usernameTaken(form.email(), null, null)) {
                return invalid("email", "admin.error.usernameTaken");
            }
            UUID user = dao.insertAppUser(form.email(), form.firstName(), form.lastName());
            UUID account = dao.insertAccount(form.email(), unusable, form.role(), user, null);
            audit(handle, admin, Audit.ACCOUNT_CREATED, form.email() + " (" + form.role() + ")", clientAddress);
            return new Outcome.Done<>(email(handle, Kind.INVITATION, issueLink(handle, admin, account, form.email(), clientAddress)));
        }));
    }

    /** Edits a back-office user's names, email (their username) and role. */
    public Outcome<UUID> updateStaff(Principal admin, UUID id, Forms.Staff form, String clientAddress) {
        return unlessUsernameTaken("email", () -> jdbi.inTransaction(handle -> {
            AdminAccountDao dao = handle.attach(AdminAccountDao.class);
            Optional<AdminAccountDao.AccountRow> found = dao.find(id).filter(AdminAccountDao.AccountRow::isStaff);
            if (found.isEmpty()) {
                return new Outcome.NotFound<>();
            }
            AdminAccountDao.AccountRow before = found.get();
            Map<String, FieldError> errors = form.check();
            if (id.equals(admin.accountId()) && !"admin".equals(form.role())) {
                errors.put("role", FieldError.of("admin.error.selfDemote"));
            }
            if (!errors.containsKey("email") && dao.usernameTaken(form.email(), id, before.appUserId())) {
                errors.put("email", FieldError.of("admin.error.usernameTaken"));
            }
            if (!errors.isEmpty()) {
                return new Outcome.Invalid<>(errors);
            }
            List<String> changes = new ArrayList<>();
            change(changes, "email", before.username(), form.email());
            change(changes, "first name", before.firstName(), form.firstName());
            change(changes, "last name", before.lastName(), form.lastName());
            change(changes, "role", before.role(), form.role());
            if (!changes.isEmpty()) {
                dao.updateAppUser(before.appUserId(), form.email(), form.firstName(), form.lastName());
                dao.updateAccount(id, form.email(), form.role());
                audit(handle, admin, Audit.ACCOUNT_UPDATED, before.username() + ": " + String.join(", ", changes), clientAddress);
            }
            return new Outcome.Done<>(id);
        }));
    }

    /** A new customer contact of a company with their portal account, who gets a link to choose their password. */
    public Outcome<Issued> inviteCustomer(Principal admin, Forms.Invite form, String clientAddress) {
        Map<String, FieldError> formErrors = form.check();
        String unusable = unusablePasswordHash();
        return unlessUsernameTaken("email", () -> jdbi.inTransaction(handle -> {
            AdminAccountDao dao = handle.attach(AdminAccountDao.class);
            Map<String, FieldError> errors = new LinkedHashMap<>(formErrors);
            Optional<UUID> company = errors.containsKey("company") ? Optional.empty() : dao.companyId(form.company());
            if (!errors.containsKey("company") && company.isEmpty()) {
                errors.put("company", FieldError.of("admin.error.companyUnknown"));
            }
            if (!errors.containsKey("email") && dao.usernameTaken(form.email(), null, null)) {
                errors.put("email", FieldError.of("admin.error.usernameTaken"));
            }
            if (!errors.isEmpty()) {
                return new Outcome.Invalid<>(FieldError.inOrder(errors, List.of("company", "first_name", "last_name", "email", "scope", "language")));
            }
            UUID contact = dao.insertContact(company.get(), form.firstName().isEmpty() ? null : form.firstName(),
                    form.lastName(), form.email(), form.scope());
            UUID account = dao.insertAccount(form.email(), unusable, "customer", null, contact);
            if (form.languageOrDefault() != null) {
                handle.attach(AccountDao.class).changeLanguage(account, form.languageOrDefault());
            }
            audit(handle, admin, Audit.ACCOUNT_CREATED,
                    form.email() + " (customer of " + form.company() + ", sees " + form.scope() + ")", clientAddress);
            return new Outcome.Done<>(email(handle, Kind.INVITATION, issueLink(handle, admin, account, form.email(), clientAddress)));
        }));
    }

    /** A new integration with a generated password, shown once. */
    public Outcome<Issued> createApiUser(Principal admin, Forms.ApiUser form, String clientAddress) {
        Map<String, FieldError> errors = form.check();
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        String password = Tokens.random();
        String hash = Passwords.hash(password);
        return unlessUsernameTaken("username", () -> jdbi.inTransaction(handle -> {
            AdminAccountDao dao = handle.attach(AdminAccountDao.class);
            if (dao.usernameTaken(form.username(), null, null)) {
                return invalid("username", "admin.error.usernameTaken");
            }
            UUID account = dao.insertAccount(form.username(), hash, "api", null, null);
            audit(handle, admin, Audit.ACCOUNT_CREATED, form.username() + " (api)", clientAddress);
            return new Outcome.Done<>(new Issued(account, form.username(), true, password, false));
        }));
    }

    /**
     * Takes the account's password away and issues a new one-time link, emailed to the account's
     * address: the old password stops
     * working at once, the account's sessions end, older links become unusable. An integration
     * gets a new generated password instead. Administrators reset their own password elsewhere
     * (a reset would sign them out with no way back in).
     */
    public Outcome<Issued> reset(Principal admin, UUID id, String clientAddress) {
        String secret = Tokens.random();
        String hash = Passwords.hash(secret);
        return jdbi.inTransaction(handle -> {
            AdminAccountDao dao = handle.attach(AdminAccountDao.class);
            Optional<AdminAccountDao.AccountRow> found = dao.find(id);
            if (found.isEmpty()) {
                return new Outcome.NotFound<>();
            }
            AdminAccountDao.AccountRow account = found.get();
            if (id.equals(admin.accountId())) {
                return invalid("account", "admin.error.selfReset");
            }
            if (!account.active()) {
                return invalid("account", "admin.error.resetInactive");
            }
            // a random secret nobody will ever know: an Argon2id hash like any other, so sign-in takes as long as usual
            dao.setPasswordHash(id, hash);
            handle.attach(SessionDao.class).deleteAllOf(id);
            if (account.isApi()) {
                audit(handle, admin, Audit.PASSWORD_CHANGED, account.username() + ": new generated password", clientAddress);
                return new Outcome.Done<>(new Issued(id, account.username(), true, secret, false));
            }
            return new Outcome.Done<>(email(handle, Kind.ACCOUNT_RESET, issueLink(handle, admin, id, account.username(), clientAddress)));
        });
    }

    /** Disables (the database ends the account's sessions at once) or enables an account. */
    public Outcome<UUID> setDisabled(Principal admin, UUID id, boolean disabled, String clientAddress) {
        return jdbi.inTransaction(handle -> {
            AdminAccountDao dao = handle.attach(AdminAccountDao.class);
            Optional<AdminAccountDao.AccountRow> found = dao.find(id);
            if (found.isEmpty()) {
                return new Outcome.NotFound<>();
            }
            if (disabled && id.equals(admin.accountId())) {
                return invalid("account", "admin.error.selfDisable");
            }
            if (found.get().disabled() != disabled) {
                dao.setDisabled(id, disabled);
                audit(handle, admin, disabled ? Audit.ACCOUNT_DISABLED : Audit.ACCOUNT_ENABLED, found.get().username(),
                        clientAddress);
            }
            return new Outcome.Done<>(id);
        });
    }

    /**
     * The secret just issued for this account, if this is it and it still works: a live link of
     * the account, or the integration's current password. Anything else is not shown.
     */
    public Optional<Issued> stillValid(UUID id, String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.attach(AdminAccountDao.class).find(id).flatMap(account -> {
            if (account.isApi()) {
                String hash = handle.attach(AccountDao.class).passwordHash(id);
                return Passwords.verify(secret, hash) ? Optional.of(new Issued(id, account.username(), true, secret, false))
                        : Optional.empty();
            }
            return handle.attach(PasswordLinkDao.class).findLive(Tokens.sha256(secret))
                    .filter(holder -> holder.accountId().equals(id))
                    .map(holder -> new Issued(id, account.username(), false, secret, false));
        }));
    }

    private static Issued issueLink(Handle handle, Principal admin, UUID accountId, String username, String clientAddress) {
        String token = Tokens.random();
        PasswordLinkDao links = handle.attach(PasswordLinkDao.class);
        links.expireUnused(accountId);
        links.insert(Tokens.sha256(token), accountId, LINK_VALIDITY.toSeconds());
        audit(handle, admin, Audit.PASSWORD_LINK_ISSUED, username, clientAddress);
        return new Issued(accountId, username, false, token, false);
    }

    /**
     * The link goes out by email too (a new account's invitation, a reset account's new link), in
     * the same transaction, in the account's language: to the address on record, if it has one.
     */
    private static Issued email(Handle handle, Kind kind, Issued issued) {
        boolean emailed = Notifications.passwordLink(handle, issued.accountId(), kind, issued.secret(), LINK_VALIDITY);
        return new Issued(issued.accountId(), issued.username(), false, issued.secret(), emailed);
    }

    private static void audit(Handle handle, Principal admin, String event, String detail, String clientAddress) {
        handle.attach(AuditDao.class).insert(admin.accountId(), admin.username(), event, detail, clientAddress);
    }

    /** An Argon2id hash of a random secret that is thrown away: no password matches it. */
    static String unusablePasswordHash() {
        return Passwords.hash(Tokens.random());
    }

    private static <T> Outcome<T> invalid(String field, String key) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        errors.put(field, FieldError.of(key));
        return new Outcome.Invalid<>(errors);
    }

    /** Two administrators creating the same username at once: the unique index refuses the second. */
    private static <T> Outcome<T> unlessUsernameTaken(String field, java.util.function.Supplier<Outcome<T>> action) {
        try {
            return action.get();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return invalid(field, "admin.error.usernameTaken");
            }
            throw e;
        }
    }

    private static void change(List<String> changes, String what, String before, String after) {
        String old = before == null ? "" : before;
        if (!old.equals(after)) {
            changes.add(what + " " + (old.isEmpty() ? "–" : old) + " → " + (after.isEmpty() ? "–" : after));
        }
    }

    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
