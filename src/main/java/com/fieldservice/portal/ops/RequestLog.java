package com.fieldservice.portal.ops;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.web.RequestScope;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Every request gets an id: the trusted proxy's X-Request-Id, or a new one. It is answered in
 * X-Request-Id, put in every log line written while the request is handled (MDC key
 * {@value #MDC_KEY}), shown on error pages as the incident reference (the request attribute
 * {@value #ATTRIBUTE}, which templates read as {@code ${requestId}}), and closes the request with
 * one access line: request id, route template, method, status, duration and account id. Never
 * the address's query, headers, cookies or the body: those may hold passwords and tokens.
 */
public final class RequestLog {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "requestId";
    public static final String MDC_KEY = "requestId";
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestLog() {
    }

    /** Before every request. */
    public static void begin(Context ctx) {
        MDC.clear();
        String offered = ctx.header(HEADER);
        boolean trusted = Boolean.TRUE.equals(ctx.attribute(ClientAddresses.FROM_TRUSTED_PROXY));
        String id = trusted && offered != null && ACCEPTED.matcher(offered).matches()
                ? offered : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        ctx.header(HEADER, id);
    }

    /** The request's id; one is made if {@link #begin} did not run (an answer Jetty gave itself). */
    public static String id(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : UUID.randomUUID().toString();
    }

    /** After every request, as Javalin's request logger. */
    public static void finish(Context ctx, float millis) {
        try {
            ACCESS.info("{} {} {} {} {}", kv("method", ctx.method().name()), kv("route", route(ctx)),
                    kv("status", ctx.statusCode()), kv("duration_ms", Math.round(millis * 10) / 10.0),
                    kv("account", RequestScope.knownPrincipal(ctx).map(Principal::accountId).map(UUID::toString).orElse("-")));
        } finally {
            MDC.clear();
        }
    }

    /**
     * The route template Javalin matched ({@code /backoffice/jobs/{number}}), never the address
     * itself: it holds numbers, names and tokens, and would make every address its own series.
     */
    public static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        String path = Optional.ofNullable(ctx.path()).orElse("");
        if (path.startsWith("/static/")) {
            return "/static/*";
        }
        if (path.startsWith("/webjars/")) {
            return "/webjars/*";
        }
        return "unmatched";
    }
}
