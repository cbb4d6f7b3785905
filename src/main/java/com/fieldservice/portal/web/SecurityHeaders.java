package com.fieldservice.portal.web;

import io.javalin.http.Context;

/**
 * Headers every answer carries. Every script, style and image is served by the portal itself,
 * so the policy allows nothing inline and nothing from elsewhere.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** A year: browsers that once reached the portal over HTTPS never try plain HTTP again. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final boolean https;

    /** @param https the portal is reached over HTTPS (PORTAL_SECURE_COOKIES=true) */
    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        if (https) {
            ctx.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    /**
     * What is answered to a signed-in person is kept by no cache, so that Back after signing out
     * (or the next person at the same browser) shows nothing private.
     */
    public static void keepPrivate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
