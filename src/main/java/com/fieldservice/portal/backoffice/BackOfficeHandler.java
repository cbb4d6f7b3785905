package com.fieldservice.portal.backoffice;

import io.javalin.http.Context;

/** The back office's landing page, where planners arrive after signing in. */
public final class BackOfficeHandler {

    public void home(Context ctx) {
        ctx.render("backoffice/home.html");
    }
}
