package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.HeldLock;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Stopping an instance (what SIGTERM's shutdown hook does): /ready answers 503 first, then the
 * server takes no new connection while a request in flight still runs, that request finishes
 * with its full answer, and only then the instance is stopped.
 */
class DrainTest {

    @Test
    void readyAnswers503ThenNewConnectionsAreRefusedWhileTheRequestInFlightFinishes() throws Exception {
        TestPortal portal = TestPortal.start(Map.of("PORTAL_DRAIN_SECONDS", "2"));
        TestAccounts.staff(portal.jdbi(), "planner@portal.test", "planner");
        int port = portal.app().port();
        WebSession planner = portal.signedIn("planner@portal.test");
        assertThat(portal.get("/ready").statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> inFlight;
        CompletableFuture<Void> stopping;
        try (HeldLock jobs = HeldLock.take(portal.jdbi(), "LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE")) {
            // the grid reads the jobs: it waits for the lock, in flight
            inFlight = CompletableFuture.supplyAsync(() -> planner.get("/backoffice/jobs"));
            jobs.awaitWaiting(1, Duration.ofSeconds(10));

            stopping = CompletableFuture.runAsync(portal::close);
            await("/ready answers 503", () -> portal.get("/ready").statusCode() == 503);
            await("new connections are refused", () -> !accepts(port));
            assertThat(inFlight).isNotDone();
            assertThat(stopping).isNotDone();
        }
        HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("</html>");
        stopping.get(20, TimeUnit.SECONDS);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1_000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
