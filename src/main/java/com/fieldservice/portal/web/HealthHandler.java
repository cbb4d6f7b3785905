package com.fieldservice.portal.web;

import com.fieldservice.portal.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** GET /health: 200 when the database answers, 503 when it doesn't (for load balancers and monitors). */
public final class HealthHandler {

    private final Database database;

    public HealthHandler(Database database) {
        this.database = database;
    }

    public void show(Context ctx) {
        boolean up = database.isUp();
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", up ? "up" : "down", "database", up ? "up" : "down"));
    }
}
