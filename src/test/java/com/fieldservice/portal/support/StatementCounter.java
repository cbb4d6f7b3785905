package com.fieldservice.portal.support;

import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Handlers served over a Jdbi that records every SQL statement it executes, to prove that a page
 * costs a fixed few statements, never one per row.
 */
public final class StatementCounter implements AutoCloseable {

    /**
     * The portal's own workers (notify/MailSender, ops/CacheEvents): they run on their own
     * schedule, not for a request, and would land in whichever page's count they fall into.
     */
    private static final Set<String> BACKGROUND_THREADS = Set.of("mail-sender", "portal-cache-events");

    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin server;

    /** Starts recording the statements of this Jdbi. */
    public static StatementCounter recording(Jdbi jdbi) {
        StatementCounter counter = new StatementCounter();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                if (!BACKGROUND_THREADS.contains(Thread.currentThread().getName())) {
                    counter.statements.add(context.getRenderedSql());
                }
            }
        });
        return counter;
    }

    /** Serves the routes that the configuration registers, with the portal's templates. */
    public StatementCounter serving(Consumer<JavalinConfig> routes) {
        server = Javalin.create(config -> {
            config.fileRenderer(new ThymeleafRenderer(TestClock.DATES));
            routes.accept(config);
        }).start(0);
        return this;
    }

    /** The status of a GET; the statements it cost are in {@link #statements()}. */
    public int get(String path) {
        return TestPortal.send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A GET as a browser asking for a language: its answer; the statements it cost are in {@link #statements()}. */
    public HttpResponse<String> get(String path, String acceptLanguage) {
        return TestPortal.send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Accept-Language", acceptLanguage).build(), HttpResponse.BodyHandlers.ofString());
    }

    public List<String> statements() {
        return statements;
    }

    public void forget() {
        statements.clear();
    }

    @Override
    public void close() {
        server.stop();
    }
}
