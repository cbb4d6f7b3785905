package com.fieldservice.portal.ops;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;

/**
 * Lets a stopping server finish every request it has taken, and refuse none. Jetty's own
 * GracefulHandler answers 503 to a request that arrives once the stop began, even on a connection
 * accepted a moment before the port closed; a load balancer may not send such a POST elsewhere,
 * so a person would see an error during a rolling restart. Here the server stops when no request
 * is in flight, and not before a short grace after the port closed, for a request accepted just
 * before that to reach a handler. A kept-alive connection with no request on it is closed after
 * the same grace, not Jetty's default second: every stop waited that long whenever a client
 * (a browser, a load balancer) kept a connection open.
 */
public final class FinishInFlight extends Handler.Wrapper implements Graceful {

    private static final long GRACE_MILLIS = 250;

    private final AtomicLong inFlight = new AtomicLong();
    private volatile long shutdownAt;
    private final Graceful.Shutdown tracker = new Graceful.Shutdown(this) {
        @Override
        public boolean isShutdownDone() {
            return inFlight.get() == 0 && System.nanoTime() - shutdownAt >= TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        }
    };

    @Override
    protected void doStart() throws Exception {
        for (Connector connector : getServer().getConnectors()) {
            if (connector instanceof AbstractConnector idleClosing) {
                idleClosing.setShutdownIdleTimeout(GRACE_MILLIS);
            }
        }
        super.doStart();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        inFlight.incrementAndGet();
        Callback done = Callback.from(callback, this::finished);
        try {
            boolean handled = super.handle(request, response, done);
            if (!handled) {
                finished();
            }
            return handled;
        } catch (Throwable t) {
            finished();
            throw t;
        }
    }

    private void finished() {
        inFlight.decrementAndGet();
        if (tracker.isShutdown()) {
            tracker.check();
        }
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        shutdownAt = System.nanoTime();
        CompletableFuture<Void> done = tracker.shutdown();
        CompletableFuture.delayedExecutor(GRACE_MILLIS + 10, TimeUnit.MILLISECONDS).execute(tracker::check);
        return done;
    }

    @Override
    public boolean isShutdown() {
        return tracker.isShutdown();
    }
}
