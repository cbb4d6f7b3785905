package com.fieldservice.portal.auth;

import com.fieldservice.portal.web.Cookies;
import com.fieldservice.portal.web.InputGuard;
import com.fieldservice.portal.web.RequestScope;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.BasicAuthCredentials;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route: finds who is asking (a session cookie for people, HTTP
 * Basic for integrations under /api), refuses those the route's roles leave out, and checks that
 * every request that changes state carries the CSRF token and was not sent from another site.
 * Deny by default: a route that declares no role is refused to all.
 */
public final class AccessControl {

    public static final String SESSION_COOKIE = "portal_session";
    /** Double-submit token for the forms people use before signing in (sign-in, tracking). */
    public static final String ANONYMOUS_CSRF_COOKIE = "portal_csrf";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /**
     * The one-click unsubscribe of RFC 8058: a mail program POSTs the link of a message's
     * List-Unsubscribe header, from no page and without a CSRF token. The signed token in the
     * link is the proof; it can do nothing but turn off that one preference.
     */
    public static final Set<String> CSRF_EXEMPT = Set.of("/unsubscribe");

    private static final Set<HandlerType> SAFE_METHODS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final SessionStore sessions;
    private final SignInService signIn;
    private final Audit audit;
    private final Cookies cookies;

    public AccessControl(SessionStore sessions, SignInService signIn, Audit audit, Cookies cookies) {
        this.sessions = sessions;
        this.signIn = signIn;
        this.audit = audit;
        this.cookies = cookies;
    }

    public void check(Context ctx) {
        Set<RouteRole> allowed = ctx.routeRoles();
        if (ctx.path().startsWith("/api/")) {
            checkApi(ctx, allowed);
            return;
        }
        if (allowed.contains(Role.ANYONE) && SAFE_METHODS.contains(ctx.method())) {
            RequestScope.identifyWhenAsked(ctx, () -> identify(ctx));
            return;
        }
        Optional<SessionStore.Session> session = identify(ctx);

        if (!allowed.contains(Role.ANYONE)) {
            if (session.isEmpty()) {
                refuseAnonymous(ctx);
                return;
            }
            if (!allowed.contains(session.get().principal().role())) {
                refuse(ctx, session.get().principal(), HttpStatus.FORBIDDEN);
                return;
            }
        }
        if (!SAFE_METHODS.contains(ctx.method()) && !CSRF_EXEMPT.contains(ctx.path())
                && (sentFromAnotherSite(ctx) || !csrfTokenMatches(ctx))) {
            String from = sentFromAnotherSite(ctx) ? " sent from " + sendingPage(ctx) : "";
            audit.record(session.map(SessionStore.Session::principal).map(Principal::accountId),
                    session.map(s -> s.principal().username()).orElse(null), Audit.CSRF_REFUSED,
                    ctx.method() + " " + ctx.path() + from, ctx.ip());
            ctx.status(HttpStatus.FORBIDDEN).render("errors/403.html", Map.of("csrf", true));
            ctx.skipRemainingHandlers();
        }
    }

    /** The visitor's session, if any, made known to handlers and templates with its CSRF token. */
    private Optional<SessionStore.Session> identify(Context ctx) {
        Optional<SessionStore.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(s -> {
            RequestScope.setPrincipal(ctx, s.principal());
            RequestScope.setCsrfToken(ctx, s.csrfToken());
        });
        if (session.isEmpty()) {
            RequestScope.setCsrfToken(ctx, anonymousCsrfToken(ctx));
        }
        return session;
    }

    private void checkApi(Context ctx, Set<RouteRole> allowed) {
        if (allowed.contains(Role.ANYONE)) {
            return;
        }
        BasicAuthCredentials credentials = basicCredentials(ctx);
        if (credentials == null) {
            challenge(ctx, "Authentication required: HTTP Basic with an API user's credentials.");
            return;
        }
        SignInService.Outcome outcome = signIn.authenticateApi(credentials.getUsername(), credentials.getPassword(), ctx.ip());
        if (outcome instanceof SignInService.SignedIn signedIn) {
            RequestScope.setPrincipal(ctx, signedIn.principal());
            if (!allowed.contains(signedIn.principal().role())) {
                refuse(ctx, signedIn.principal(), HttpStatus.FORBIDDEN);
            }
        } else if (outcome instanceof SignInService.Throttled throttled) {
            ctx.header("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).json(Map.of("status", 429, "error", "too_many_attempts",
                    "message", "Too many failed attempts. Try again in " + throttled.retryAfter().toSeconds() + " s."));
            ctx.skipRemainingHandlers();
        } else {
            challenge(ctx, "Wrong API credentials.");
        }
    }

    private static BasicAuthCredentials basicCredentials(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            BasicAuthCredentials credentials = ctx.basicAuthCredentials();
            boolean storable = credentials != null && InputGuard.storable(credentials.getUsername())
                    && InputGuard.storable(credentials.getPassword());
            return storable ? credentials : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private void challenge(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Basic realm=\"work-order portal API\", charset=\"UTF-8\"");
        ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("status", 401, "error", "unauthorized", "message", message));
        ctx.skipRemainingHandlers();
    }

    private void refuseAnonymous(Context ctx) {
        String target = SAFE_METHODS.contains(ctx.method()) ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : null;
        ctx.redirect(target == null ? "/login" : "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    private void refuse(Context ctx, Principal who, HttpStatus status) {
        audit.record(who, Audit.ACCESS_REFUSED, ctx.method() + " " + ctx.path(), ctx.ip());
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("status", status.getCode(), "error", "forbidden", "message", "This account may not use this."));
        } else {
            ctx.render("errors/403.html", Map.of("csrf", false));
        }
        ctx.skipRemainingHandlers();
    }

    /**
     * Browsers name the page a request comes from: in Origin, or (older ones, some same-site
     * forms) only in Referer. A state change from a page of another host is refused even with a
     * valid token; a request naming no page at all (programs, privacy tools) relies on the token.
     */
    private static boolean sentFromAnotherSite(Context ctx) {
        String page = sendingPage(ctx);
        if (page == null) {
            return false;
        }
        try {
            String authority = new URI(page).getRawAuthority();
            return authority == null || !authority.equalsIgnoreCase(ctx.header("Host"));
        } catch (URISyntaxException unreadable) {
            return true;
        }
    }

    private static String sendingPage(Context ctx) {
        String origin = ctx.header("Origin");
        return origin != null ? origin : ctx.header("Referer");
    }

    private boolean csrfTokenMatches(Context ctx) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null) {
            given = ctx.formParam(CSRF_FIELD);
        }
        return Tokens.same(RequestScope.csrfToken(ctx), given);
    }

    private String anonymousCsrfToken(Context ctx) {
        String token = ctx.cookie(ANONYMOUS_CSRF_COOKIE);
        if (token == null || token.length() < 40) {
            token = Tokens.random();
            cookies.set(ctx, ANONYMOUS_CSRF_COOKIE, token);
        }
        return token;
    }
}
