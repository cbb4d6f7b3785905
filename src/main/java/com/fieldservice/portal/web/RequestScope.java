package com.fieldservice.portal.web;

import com.fieldservice.portal.auth.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/** What the access check learns about a request, for handlers and templates to read. */
public final class RequestScope {

    static final String PRINCIPAL = "portal.principal";
    static final String CSRF_TOKEN = "portal.csrfToken";
    static final String IDENTIFY = "portal.identify";

    private RequestScope() {
    }

    /**
     * For public routes: who is asking is looked up only when something asks (a page showing
     * the visitor's name, a form needing its token); a stylesheet or an image never does.
     */
    public static void identifyWhenAsked(Context ctx, Runnable identify) {
        ctx.attribute(IDENTIFY, identify);
    }

    private static void identifyNow(Context ctx) {
        Runnable identify = ctx.attribute(IDENTIFY);
        if (identify != null) {
            ctx.req().removeAttribute(IDENTIFY);
            identify.run();
        }
    }

    public static void setPrincipal(Context ctx, Principal principal) {
        ctx.attribute(PRINCIPAL, principal);
        SecurityHeaders.keepPrivate(ctx);
    }

    public static Optional<Principal> principal(Context ctx) {
        identifyNow(ctx);
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** The account the access check already found, without looking it up (for the access log). */
    public static Optional<Principal> knownPrincipal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** The signed-in account; only for routes that require one (the access check guarantees it). */
    public static Principal requirePrincipal(Context ctx) {
        return principal(ctx).orElseThrow(() -> new IllegalStateException("no principal on " + ctx.path()));
    }

    public static void setCsrfToken(Context ctx, String token) {
        ctx.attribute(CSRF_TOKEN, token);
    }

    public static String csrfToken(Context ctx) {
        identifyNow(ctx);
        return ctx.attribute(CSRF_TOKEN);
    }
}
