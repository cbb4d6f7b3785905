package com.fieldservice.portal.auth;

import com.fieldservice.portal.web.RequestScope;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET and POST /account/password: every signed-in person changes their own password. */
public final class PasswordHandler {

    private final PasswordService passwords;

    public PasswordHandler(PasswordService passwords) {
        this.passwords = passwords;
    }

    public void form(Context ctx) {
        ctx.render("auth/password.html", Map.of("errors", Map.of(), "changed", ctx.queryParam("changed") != null));
    }

    public void submit(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        PasswordService.Outcome outcome = passwords.change(who, ctx.formParam("current_password"),
                ctx.formParam("new_password"), ctx.formParam("confirm_password"), ctx.ip(),
                ctx.cookie(AccessControl.SESSION_COOKIE));
        if (outcome instanceof PasswordService.Changed) {
            ctx.redirect("/account/password?changed", HttpStatus.SEE_OTHER);
        } else if (outcome instanceof PasswordService.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.render("auth/password.html", Map.of("errors", Map.of(), "changed", false, "retryAfter", seconds));
        } else if (outcome instanceof PasswordService.Refused refused) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            ctx.render("auth/password.html", Map.of("errors", new LinkedHashMap<>(refused.errors()), "changed", false));
        } else {
            throw new IllegalStateException("a password change came to " + outcome);
        }
    }
}
