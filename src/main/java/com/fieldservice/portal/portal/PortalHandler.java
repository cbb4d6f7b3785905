package com.fieldservice.portal.portal;

import io.javalin.http.Context;

/** The customer portal's landing page, where customer contacts arrive after signing in. */
public final class PortalHandler {

    public void home(Context ctx) {
        ctx.render("portal/home.html");
    }
}
