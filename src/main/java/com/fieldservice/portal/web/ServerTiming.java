package com.fieldservice.portal.web;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Tells, in the standard Server-Timing header, how long the portal spent on an answer, from
 * the first handler to the last. Browsers' developer tools show it; the benchmarks read it to
 * separate the server's time from the load generator's on the same machine. Streamed answers
 * (CSV) have sent their headers before they end, and carry none.
 */
public final class ServerTiming {

    private static final String STARTED = "portal.startedNanos";

    private ServerTiming() {
    }

    public static void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    public static void finish(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started != null && !ctx.res().isCommitted()) {
            double millis = (System.nanoTime() - started) / 1_000_000.0;
            ctx.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.2f", millis));
        }
    }
}
