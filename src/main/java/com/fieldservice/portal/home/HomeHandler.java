package com.fieldservice.portal.home;

import io.javalin.http.Context;

/** The public home page: what the portal is, and the way to sign in. */
public final class HomeHandler {

    public void show(Context ctx) {
        ctx.render("home/index.html");
    }
}
