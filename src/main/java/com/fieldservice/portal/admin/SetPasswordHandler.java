package com.fieldservice.portal.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * GET and POST /set-password (public): the person who got a one-time link chooses their
 * password, then signs in.
 */
public final class SetPasswordHandler {

    private final SetPasswordService service;

    public SetPasswordHandler(SetPasswordService service) {
        this.service = service;
    }

    /** GET /set-password?token=... */
    public void form(Context ctx) {
        String token = ctx.queryParam("token");
        answer(ctx, token, service.check(token, ctx.ip()));
    }

    /** POST /set-password */
    public void submit(Context ctx) {
        String token = ctx.formParam("token");
        SetPasswordService.Outcome outcome = service.set(token, ctx.formParam("new_password"),
                ctx.formParam("confirm_password"), ctx.ip());
        if (outcome instanceof SetPasswordService.PasswordSet) {
            ctx.redirect("/login?password-set", HttpStatus.SEE_OTHER);
            return;
        }
        answer(ctx, token, outcome);
    }

    private static void answer(Context ctx, String token, SetPasswordService.Outcome outcome) {
        // the token must not stay in a cache; the referrer policy already keeps it from other sites
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("errors", Map.of());
        if (outcome instanceof SetPasswordService.Usable usable) {
            model.put("state", "form");
            model.put("username", usable.username());
        } else if (outcome instanceof SetPasswordService.Invalid invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            model.put("state", "form");
            model.put("username", invalid.username());
            model.put("errors", invalid.errors());
        } else if (outcome instanceof SetPasswordService.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            model.put("state", "throttled");
            model.put("retryAfter", seconds);
        } else {
            // unknown, expired or used: one answer for all
            ctx.status(HttpStatus.GONE);
            model.put("state", "unusable");
        }
        ctx.render("admin/set-password.html", model);
    }
}
