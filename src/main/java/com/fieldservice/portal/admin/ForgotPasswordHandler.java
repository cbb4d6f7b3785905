package com.fieldservice.portal.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/** GET and POST /password/forgot (public): asks for a link to choose a new password by email. */
public final class ForgotPasswordHandler {

    private final ForgotPasswordService service;

    public ForgotPasswordHandler(ForgotPasswordService service) {
        this.service = service;
    }

    /** GET /password/forgot */
    public void form(Context ctx) {
        render(ctx, "form", "", null);
    }

    /** POST /password/forgot with {@code email} */
    public void submit(Context ctx) {
        String email = ctx.formParam("email");
        ForgotPasswordService.Outcome outcome = service.request(email, ctx.ip());
        if (outcome instanceof ForgotPasswordService.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            render(ctx, "throttled", email, seconds);
        } else if (outcome instanceof ForgotPasswordService.Invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, "invalid", email, null);
        } else {
            render(ctx, "sent", "", null);
        }
    }

    private static void render(Context ctx, String state, String email, Long retryAfter) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state);
        model.put("email", email == null ? "" : email);
        model.put("retryAfter", retryAfter);
        model.put("validMinutes", ForgotPasswordService.VALIDITY.toMinutes());
        ctx.render("auth/forgot-password.html", model);
    }
}
