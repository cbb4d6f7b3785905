package com.fieldservice.portal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

/** Placeholder until the reference read API lands. */
public final class JobApiHandler {
    public JobApiHandler(Jdbi jdbi, ObjectMapper json) {
    }

    public void show(Context ctx) {
        ctx.status(501);
    }
}
