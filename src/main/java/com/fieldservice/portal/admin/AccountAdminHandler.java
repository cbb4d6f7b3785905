package com.fieldservice.portal.admin;

import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.web.Cookies;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.RequestValues;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The administration's account pages (role ADMIN). Thin: read the request, call one service
 * method, render or redirect.
 *
 * <p>A secret (set-password link, integration password) is shown once, and the pages still
 * follow post/redirect/get: the POST hands the secret to the administrator's browser in a
 * short-lived HttpOnly cookie and redirects to {@code /admin/accounts/{id}/issued}, which shows
 * it if it still works for that account and deletes the cookie. Reloading shows it no more.
 * When the portal sends email, a link that went to the account's address is not shown at all
 * ({@code ?emailed}): only its owner gets it.
 */
public final class AccountAdminHandler {

    static final String SECRET_COOKIE = "portal_issued_secret";

    private final AccountAdminService accounts;
    private final Cookies cookies;
    private final boolean https;
    private final boolean mailSends;

    /**
     * {@code https}: the portal runs behind HTTPS (its links are then https:// whatever the proxy tells it);
     * {@code mailSends}: PORTAL_SMTP_HOST is set, messages leave the machine.
     */
    public AccountAdminHandler(AccountAdminService accounts, Cookies cookies, boolean https, boolean mailSends) {
        this.accounts = accounts;
        this.cookies = cookies;
        this.https = https;
        this.mailSends = mailSends;
    }

    /** GET /admin/accounts */
    public void list(Context ctx) {
        AccountAdminService.Filter filter = AccountAdminService.Filter.of(ctx.queryParam("role"), ctx.queryParam("q"),
                ctx.queryParam("sort"), ctx.queryParam("page"));
        ctx.render("admin/accounts.html", Map.of("filter", filter, "result", accounts.list(filter),
                "roles", AccountAdminService.ROLES));
    }

    /** GET /admin/accounts/{id} */
    public void show(Context ctx) {
        Optional<UUID> id = id(ctx);
        Optional<AdminAccountDao.AccountRow> account = id.flatMap(accounts::find);
        if (account.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        renderAccount(ctx, account.get(), Map.of());
    }

    /** GET /admin/accounts/new-staff */
    public void newStaff(Context ctx) {
        renderStaffForm(ctx, null, Forms.Staff.empty(), Map.of());
    }

    /** POST /admin/accounts/new-staff */
    public void createStaff(Context ctx) {
        Forms.Staff form = staffForm(ctx);
        answerIssued(ctx, accounts.createStaff(admin(ctx), form, ctx.ip()),
                errors -> renderStaffForm(ctx, null, form, errors));
    }

    /** GET /admin/accounts/{id}/edit */
    public void editStaff(Context ctx) {
        Optional<AdminAccountDao.AccountRow> account = id(ctx).flatMap(accounts::find)
                .filter(AdminAccountDao.AccountRow::isStaff);
        if (account.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        AdminAccountDao.AccountRow row = account.get();
        renderStaffForm(ctx, row, new Forms.Staff(row.username(), row.firstName(), row.lastName(), row.role()), Map.of());
    }

    /** POST /admin/accounts/{id}/edit */
    public void updateStaff(Context ctx) {
        Optional<UUID> id = id(ctx);
        if (id.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        Forms.Staff form = staffForm(ctx);
        Outcome<UUID> outcome = accounts.updateStaff(admin(ctx), id.get(), form, ctx.ip());
        if (outcome instanceof Outcome.Done<UUID> done) {
            ctx.redirect("/admin/accounts/" + done.value() + "?updated", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof Outcome.Invalid<UUID> invalid) {
            renderStaffForm(ctx, accounts.find(id.get()).orElseThrow(), form, invalid.errors());
        } else {
            ctx.status(HttpStatus.NOT_FOUND);
        }
    }

    /** GET /admin/accounts/invite */
    public void newInvite(Context ctx) {
        renderInviteForm(ctx, Forms.Invite.empty(), Map.of());
    }

    /** POST /admin/accounts/invite */
    public void invite(Context ctx) {
        Forms.Invite form = new Forms.Invite(ctx.formParam("company"), ctx.formParam("first_name"),
                ctx.formParam("last_name"), ctx.formParam("email"), ctx.formParam("scope"), ctx.formParam("language"));
        answerIssued(ctx, accounts.inviteCustomer(admin(ctx), form, ctx.ip()), errors -> renderInviteForm(ctx, form, errors));
    }

    /** GET /admin/accounts/new-api */
    public void newApiUser(Context ctx) {
        renderApiForm(ctx, Forms.ApiUser.empty(), Map.of());
    }

    /** POST /admin/accounts/new-api */
    public void createApiUser(Context ctx) {
        Forms.ApiUser form = new Forms.ApiUser(ctx.formParam("username"));
        answerIssued(ctx, accounts.createApiUser(admin(ctx), form, ctx.ip()), errors -> renderApiForm(ctx, form, errors));
    }

    /** POST /admin/accounts/{id}/reset */
    public void reset(Context ctx) {
        Optional<UUID> id = id(ctx);
        if (id.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        answerIssued(ctx, accounts.reset(admin(ctx), id.get(), ctx.ip()), errors -> renderAccountRefusal(ctx, id.get(), errors));
    }

    /** POST /admin/accounts/{id}/disable */
    public void disable(Context ctx) {
        setDisabled(ctx, true);
    }

    /** POST /admin/accounts/{id}/enable */
    public void enable(Context ctx) {
        setDisabled(ctx, false);
    }

    /** GET /admin/accounts/{id}/issued: the secret just issued, once. */
    public void issued(Context ctx) {
        Optional<AdminAccountDao.AccountRow> account = id(ctx).flatMap(accounts::find);
        if (account.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        String secret = ctx.cookie(SECRET_COOKIE);
        if (secret != null) {
            cookies.clear(ctx, SECRET_COOKIE);
        }
        Optional<AccountAdminService.Issued> issued = accounts.stillValid(account.get().id(), secret);
        Map<String, Object> model = new HashMap<>();
        model.put("account", account.get());
        model.put("shown", issued.isPresent());
        model.put("emailed", issued.isEmpty() && ctx.queryParam("emailed") != null);
        model.put("secret", issued.filter(AccountAdminService.Issued::apiPassword).map(AccountAdminService.Issued::secret).orElse(null));
        model.put("link", issued.filter(i -> !i.apiPassword()).map(i -> baseUrl(ctx) + "/set-password?token=" + i.secret()).orElse(null));
        model.put("validHours", AccountAdminService.LINK_VALIDITY.toHours());
        ctx.header("Cache-Control", "no-store");
        ctx.render("admin/issued.html", model);
    }

    private void setDisabled(Context ctx, boolean disabled) {
        Optional<UUID> id = id(ctx);
        if (id.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        Outcome<UUID> outcome = accounts.setDisabled(admin(ctx), id.get(), disabled, ctx.ip());
        if (outcome instanceof Outcome.Done<UUID> done) {
            ctx.redirect("/admin/accounts/" + done.value() + (disabled ? "?disabled" : "?enabled"), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof Outcome.Invalid<UUID> invalid) {
            renderAccountRefusal(ctx, id.get(), invalid.errors());
        } else {
            ctx.status(HttpStatus.NOT_FOUND);
        }
    }

    private void answerIssued(Context ctx, Outcome<AccountAdminService.Issued> outcome,
                              java.util.function.Consumer<Map<String, FieldError>> invalid) {
        if (outcome instanceof Outcome.Done<AccountAdminService.Issued> done && done.value().emailed() && mailSends) {
            ctx.redirect("/admin/accounts/" + done.value().accountId() + "/issued?emailed", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof Outcome.Done<AccountAdminService.Issued> done) {
            cookies.set(ctx, SECRET_COOKIE, done.value().secret());
            ctx.redirect("/admin/accounts/" + done.value().accountId() + "/issued", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof Outcome.Invalid<AccountAdminService.Issued> refused) {
            invalid.accept(refused.errors());
        } else {
            ctx.status(HttpStatus.NOT_FOUND);
        }
    }

    private void renderAccountRefusal(Context ctx, UUID id, Map<String, FieldError> errors) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        renderAccount(ctx, accounts.find(id).orElseThrow(), errors);
    }

    private void renderAccount(Context ctx, AdminAccountDao.AccountRow account, Map<String, FieldError> errors) {
        String notice = ctx.queryParam("updated") != null ? "admin.account.updated"
                : ctx.queryParam("disabled") != null ? "admin.account.disabledNotice"
                : ctx.queryParam("enabled") != null ? "admin.account.enabledNotice" : null;
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("notice", notice);
        model.put("self", account.id().equals(admin(ctx).accountId()));
        ctx.render("admin/account.html", model);
    }

    private void renderStaffForm(Context ctx, AdminAccountDao.AccountRow editing, Forms.Staff form, Map<String, FieldError> errors) {
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("editing", editing);
        ctx.render("admin/staff-form.html", model);
    }

    private void renderInviteForm(Context ctx, Forms.Invite form, Map<String, FieldError> errors) {
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", new LinkedHashMap<>(errors));
        model.put("companies", accounts.companyChoices().orElse(null));
        ctx.render("admin/invite.html", model);
    }

    private void renderApiForm(Context ctx, Forms.ApiUser form, Map<String, FieldError> errors) {
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        ctx.render("admin/api-form.html", Map.of("form", form, "errors", new LinkedHashMap<>(errors)));
    }

    private static Forms.Staff staffForm(Context ctx) {
        return new Forms.Staff(ctx.formParam("email"), ctx.formParam("first_name"), ctx.formParam("last_name"),
                ctx.formParam("role"));
    }

    private static Principal admin(Context ctx) {
        return RequestScope.requirePrincipal(ctx);
    }

    private static Optional<UUID> id(Context ctx) {
        return RequestValues.guid(ctx.pathParam("id"));
    }

    /** Where this portal is reached, as the administrator's browser reached it. */
    private String baseUrl(Context ctx) {
        return (https ? "https" : ctx.scheme()) + "://" + ctx.host();
    }
}
