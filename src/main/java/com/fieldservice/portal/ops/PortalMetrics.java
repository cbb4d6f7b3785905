package com.fieldservice.portal.ops;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The portal's metrics in Prometheus' format at GET /metrics, for the bearer of
 * PORTAL_METRICS_TOKEN only (without the variable the route answers 404, as if it did not
 * exist). HTTP requests by route template, method and status, with latency buckets; the
 * connection pool (Hikari's own meters); the JVM; statements by DAO method ({@link
 * StatementTimings}); and the business counters of {@link BusinessEvents}.
 */
public final class PortalMetrics implements AutoCloseable {

    /** Latency buckets of the HTTP and statement histograms: enough to tell 10 ms from a second. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Optional<byte[]> token;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public PortalMetrics(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // the counters services increment where the thing happens reach this registry too
        Metrics.addRegistry(registry);
    }

    /** The pool reports its connections, waits and timeouts (hikaricp_connections_*). */
    public void observe(HikariConfig pool) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** Every statement run through this Jdbi is timed, by the DAO method that ran it. */
    public void observe(Jdbi jdbi, String database) {
        jdbi.setSqlLogger(new StatementTimings(registry, database));
    }

    /** One finished request, from the request logger. */
    public void request(Context ctx, float millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("route", RequestLog.route(ctx))
                .tag("method", ctx.method().name())
                .tag("status", String.valueOf(ctx.statusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** GET /metrics. */
    public void scrape(Context ctx) {
        if (token.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        String authorization = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        byte[] offered = (authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : "")
                .getBytes(StandardCharsets.UTF_8);
        // the same time whatever the offered token shares with the right one
        if (!MessageDigest.isEqual(offered, token.get())) {
            ctx.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").result("");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        gc.close();
        registry.close();
    }
}
