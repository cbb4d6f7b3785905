package com.fieldservice.portal.ops;

import com.fieldservice.portal.db.Database;
import com.zaxxer.hikari.HikariConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What running the portal as one of several instances needs, wired in one place: who the client
 * is, request ids and the access log, metrics, readiness and draining, the caches' change
 * events and the read replica's routing.
 */
public final class Operations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final OpsSettings settings;
    private final boolean secureCookies;
    private final PortalMetrics metrics;
    private Readiness readiness;
    private CacheEvents caches;

    public Operations(OpsSettings settings, boolean secureCookies) {
        this.settings = settings;
        this.secureCookies = secureCookies;
        this.metrics = new PortalMetrics(settings.metricsToken());
    }

    /** Before the pools open: they report to the metrics. */
    public void observe(HikariConfig pool) {
        metrics.observe(pool);
    }

    /** Once the database is open and migrated. */
    public void attach(Database database) {
        metrics.observe(database.jdbi(), "primary");
        if (database.hasReplica()) {
            metrics.observe(database.readJdbi(), "read");
        }
        readiness = new Readiness(database);
        caches = new CacheEvents(database::newConnection, database.jdbi());
    }

    /** The change events the caches register with, then start. */
    public CacheEvents caches() {
        return caches;
    }

    /** Before any route: the client's address, the request id, the access log, the read routing. */
    public void configure(JavalinConfig c) {
        c.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ClientAddresses(settings.trustedProxies())));
        ReadRouting reads = new ReadRouting(Clock.systemUTC(), secureCookies);
        c.routes.before(RequestLog::begin);
        c.routes.before(reads::begin);
        c.routes.after(reads::afterWrite);
        c.routes.after(this::settleCaches);
        c.requestLogger.http((ctx, millis) -> {
            try {
                metrics.request(ctx, millis);
                RequestLog.finish(ctx, millis);
            } finally {
                ReadRouting.finish();
            }
        });
    }

    /**
     * A request that may have changed something answers once this instance's caches have caught
     * up with it (and with every other change committed before), so that the person's next
     * request, sent to this instance, finds a signed-out session gone or a new language in use.
     */
    private void settleCaches(Context ctx) {
        HandlerType method = ctx.method();
        if (method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS
                && caches.listening() && !caches.awaitProcessed()) {
            LOG.warn("the caches had not caught up with {} {} after a few seconds", method, ctx.path());
        }
    }

    public Readiness readiness() {
        return readiness;
    }

    public PortalMetrics metrics() {
        return metrics;
    }

    /**
     * The first step of stopping: /ready answers 503 for PORTAL_DRAIN_SECONDS, so that the load
     * balancer sends no new requests, while this instance still serves those it gets.
     */
    public void drain() {
        readiness.drain();
        Duration wait = settings.drain();
        if (!wait.isZero()) {
            LOG.info("draining: /ready answers 503 for {} s before the server stops", wait.toSeconds());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (caches != null) {
            caches.close();
        }
        metrics.close();
    }
}
