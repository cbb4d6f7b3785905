package com.fieldservice.portal.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Tells, in the standard Server-Timing header, how long the portal spent on an answer, from
 * the request's arrival at Jetty's connector to the end of the last handler (the page
 * rendered). Browsers' developer tools show it; the benchmarks read it to separate the
 * server's time from the load generator's on the same machine. Streamed answers
 * (CSV) have sent their headers before they end, and carry none.
 */
public final class ServerTiming {

    private static final String STARTED = "portal.startedNanos";

    private ServerTiming() {
    }

    public static void start(Context ctx) {
        // from the moment the request reached Jetty's connector: waiting for a thread counts too
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        ctx.attribute(STARTED, request != null ? request.getBeginNanoTime() : System.nanoTime());
    }

    public static void finish(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started != null && !ctx.res().isCommitted()) {
            ctx.header("Server-Timing", "app;dur=" + millis(System.nanoTime() - started));
        }
    }

    /** Milliseconds with two decimals ("12.05"), without a Formatter: it ran for every answer. */
    static String millis(long nanos) {
        long hundredths = Math.round(nanos / 10_000.0);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
