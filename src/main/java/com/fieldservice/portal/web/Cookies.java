package com.fieldservice.portal.web;

import io.javalin.http.Context;

/** The portal's cookies: always HttpOnly and SameSite=Lax; Secure when the portal runs behind HTTPS. */
public final class Cookies {

    private final boolean secure;

    public Cookies(boolean secure) {
        this.secure = secure;
    }

    public void set(Context ctx, String name, String value) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    public void clear(Context ctx, String name) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }
}
