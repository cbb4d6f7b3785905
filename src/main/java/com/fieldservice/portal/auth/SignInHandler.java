package com.fieldservice.portal.auth;

import com.fieldservice.portal.web.Cookies;
import com.fieldservice.portal.web.RequestScope;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Sign-in, sign-out, and "/" sending each person to their home. */
public final class SignInHandler {

    private final SignInService signIn;
    private final SessionStore sessions;
    private final Audit audit;
    private final Cookies cookies;

    public SignInHandler(SignInService signIn, SessionStore sessions, Audit audit, Cookies cookies) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.audit = audit;
        this.cookies = cookies;
    }

    /** GET /: the signed-in person's home, or the sign-in page. */
    public void root(Context ctx) {
        ctx.redirect(RequestScope.principal(ctx).map(p -> p.role().home()).orElse("/login"), HttpStatus.SEE_OTHER);
    }

    /** GET /login */
    public void form(Context ctx) {
        Optional<Principal> principal = RequestScope.principal(ctx);
        if (principal.isPresent()) {
            ctx.redirect(principal.get().role().home(), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, "", safeNext(ctx.queryParam("next")), ctx.queryParam("signed-out") != null ? "signedOut"
                : ctx.queryParam("password-set") != null ? "passwordSet" : null);
    }

    /** POST /login */
    public void submit(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String next = safeNext(ctx.formParam("next"));
        SignInService.Outcome outcome = signIn.signIn(username, ctx.formParam("password"), ctx.ip());
        if (outcome instanceof SignInService.SignedIn signedIn) {
            // whoever signs in on this browser, the session it carried before ends here, not at its timeout
            Optional.ofNullable(ctx.cookie(AccessControl.SESSION_COOKIE)).ifPresent(sessions::end);
            SessionStore.Session session = sessions.open(signedIn.principal(), ctx.ip(), ctx.userAgent());
            cookies.set(ctx, AccessControl.SESSION_COOKIE, session.token());
            cookies.clear(ctx, AccessControl.ANONYMOUS_CSRF_COOKIE);
            ctx.redirect(next != null && allowedAfterSignIn(next, signedIn.principal()) ? next
                    : signedIn.principal().role().home(), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof SignInService.Throttled throttled) {
            long seconds = throttled.retryAfter().toSeconds();
            ctx.header("Retry-After", String.valueOf(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            render(ctx, username, next, "throttled", Map.of("retryAfter", seconds));
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, username, next, "refused");
        }
    }

    /** POST /logout */
    public void signOut(Context ctx) {
        RequestScope.principal(ctx).ifPresent(who -> audit.record(who, Audit.SIGN_OUT, null, ctx.ip()));
        Optional.ofNullable(ctx.cookie(AccessControl.SESSION_COOKIE)).ifPresent(sessions::end);
        cookies.clear(ctx, AccessControl.SESSION_COOKIE);
        ctx.redirect("/login?signed-out", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String username, String next, String message) {
        render(ctx, username, next, message, Map.of());
    }

    private void render(Context ctx, String username, String next, String message, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("username", username);
        model.put("next", next);
        model.put("message", message);
        ctx.render("auth/login.html", model);
    }

    /** A plain path of this site ({@link LocalPath}), and not the sign-in page itself (no loop). */
    static String safeNext(String next) {
        return LocalPath.of(next).filter(path -> !path.startsWith("/login")).orElse(null);
    }

    private static boolean allowedAfterSignIn(String next, Principal principal) {
        return principal.role().isBackOffice() ? !next.startsWith("/portal") : next.startsWith("/portal");
    }
}
