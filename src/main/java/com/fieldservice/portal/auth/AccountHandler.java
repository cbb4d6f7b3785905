package com.fieldservice.portal.auth;

import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.RequestScope;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * GET /account, a signed-in person's own page (their language, a link to change their password),
 * and POST /account/language ({@code language} = en, fr or nl): the language is kept on their
 * account and every page follows it from the next answer on.
 */
public final class AccountHandler {

    private final Jdbi jdbi;

    public AccountHandler(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void page(Context ctx) {
        render(ctx, Language.of(ctx).code(), Map.of(), ctx.queryParam("saved") != null);
    }

    public void changeLanguage(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        Optional<Language> chosen = Language.of(ctx.formParam("language"));
        if (chosen.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, Language.of(ctx).code(), Map.of("language", FieldError.of("account.language.unknown")), false);
            return;
        }
        jdbi.useExtension(AccountDao.class, dao -> dao.changeLanguage(who.accountId(), chosen.get().code()));
        ctx.redirect("/account?saved", HttpStatus.SEE_OTHER);
    }

    private static void render(Context ctx, String selected, Map<String, FieldError> errors, boolean saved) {
        ctx.render("auth/account.html", Map.of("selected", selected, "errors", errors, "saved", saved));
    }
}
