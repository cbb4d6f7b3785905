package com.fieldservice.portal.web;

import com.fieldservice.portal.db.DatabaseException;
import com.fieldservice.portal.ops.RequestLog;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people and programs see when something goes wrong: a page in the portal's layout, or a
 * JSON body under /api. Never a stack trace; the log keeps it, under a reference the page shows.
 */
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private static final int RETRY_AFTER_SECONDS = 5;
    private static final String ANSWERED = "portal.errorAnswered";

    private ErrorPages() {
    }

    /** A handler that answers an error status with its own body marks it, so the generic page doesn't replace it. */
    public static void keepBody(Context ctx) {
        ctx.attribute(ANSWERED, true);
    }

    public static void notFound(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(ANSWERED))) {
            return;
        }
        if (isApi(ctx)) {
            ctx.json(Map.of("status", 404, "error", "not_found", "message", "Nothing here."));
        } else {
            ctx.render("errors/404.html");
        }
    }

    public static void unexpected(Exception e, Context ctx) {
        if (DatabaseException.isUnreachable(e)) {
            databaseDown(e, ctx);
            return;
        }
        // the request's id: the same in the log, in the X-Request-Id answer and on the page
        String incident = RequestLog.id(ctx);
        LOG.error("incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
        if (isApi(ctx)) {
            ctx.json(Map.of("status", 500, "error", "internal_error", "incident", incident,
                    "message", "Something went wrong on our side."));
        } else {
            ctx.render("errors/500.html", Map.of("incident", incident));
        }
    }

    /**
     * The database is restarting or out of reach: a passing state, not a bug. The answer says so
     * (503, try again shortly) instead of an incident page, and the log keeps one line.
     */
    private static void databaseDown(Exception e, Context ctx) {
        LOG.warn("database unreachable on {} {}: {}", ctx.method(), ctx.path(), DatabaseException.rootMessage(e));
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        if (isApi(ctx)) {
            ctx.json(Map.of("status", 503, "error", "unavailable", "message", "The database is not answering; try again shortly."));
        } else {
            ctx.render("errors/503.html");
        }
    }

    /** The request itself could not be read or holds text the portal cannot keep. */
    public static void badRequest(Context ctx) {
        ctx.status(HttpStatus.BAD_REQUEST);
        if (isApi(ctx)) {
            ctx.json(Map.of("status", 400, "error", "bad_request", "message", "The request could not be read."));
        } else {
            ctx.render("errors/400.html");
        }
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
