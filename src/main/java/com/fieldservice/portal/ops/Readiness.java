package com.fieldservice.portal.ops;

import com.fieldservice.portal.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * GET /ready, for the load balancer: 200 while this instance should get requests; 503 once it
 * drains (it was asked to stop), while the database doesn't answer, or when the schema lacks
 * this version's migrations. GET /health stays the plain "alive" check.
 */
public final class Readiness {

    private final Database database;
    private volatile boolean draining;

    public Readiness(Database database) {
        this.database = database;
    }

    public void show(Context ctx) {
        String state = draining ? "draining" : !database.isUp() ? "database down"
                : !database.isMigrated() ? "migrations pending" : "ready";
        ctx.status(state.equals("ready") ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", state));
    }

    /** From now on /ready answers 503; requests keep being served until the server stops. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }
}
