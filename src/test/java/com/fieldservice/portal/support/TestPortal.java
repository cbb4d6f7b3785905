package com.fieldservice.portal.support;

import com.fieldservice.portal.App;
import com.fieldservice.portal.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The whole portal, started on a free port over its own fresh test database. */
public final class TestPortal implements AutoCloseable {

    public static final String API_USER = "integration@portal.test";

    private final App app;
    private final String databaseUrl;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestPortal(App app, String databaseUrl) {
        this.app = app;
        this.databaseUrl = databaseUrl;
    }

    public static TestPortal start() {
        return start(Map.of());
    }

    /** Starts the portal with these PORTAL_* variables on top of a fresh database and a free port. */
    public static TestPortal start(Map<String, String> environment) {
        TestPortal portal = startOn(TestDatabase.freshDatabaseUrl(), environment);
        TestAccounts.apiUser(portal.jdbi(), API_USER);
        return portal;
    }

    /** A second instance over the same database, as behind a load balancer or after a restart. */
    public static TestPortal startOn(String databaseUrl) {
        return startOn(databaseUrl, Map.of());
    }

    private static TestPortal startOn(String url, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORTAL_DB_URL", url);
        env.put("PORTAL_DB_USER", "postgres");
        env.putIfAbsent("PORTAL_PORT", "0");
        return new TestPortal(App.start(Settings.from(env)), url);
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    /** A new visitor with their own cookies. */
    public WebSession visitor() {
        return new WebSession(this);
    }

    /** A visitor signed in with a test account's password. */
    public WebSession signedIn(String username) {
        WebSession session = visitor();
        HttpResponse<String> answer = session.signIn(username, TestAccounts.PASSWORD);
        if (answer.statusCode() != 303) {
            throw new IllegalStateException(username + " could not sign in: " + answer.statusCode());
        }
        return session;
    }

    public App app() {
        return app;
    }

    /**
     * Returns once this instance has taken in every change committed so far, from any instance
     * or straight in the database (its caches forgot what changed): the barrier a test passes
     * before checking that another instance's change is in effect here.
     */
    public void settle() {
        if (!app.cacheEvents().awaitProcessed()) {
            throw new IllegalStateException("the portal's change listener did not catch up");
        }
    }

    /** GET as the test integration (HTTP Basic). */
    public HttpResponse<String> apiGet(String path) {
        return apiGet(path, "application/json");
    }

    public HttpResponse<String> apiGet(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept)
                .header("Authorization", apiAuthorization()).GET().build());
    }

    /** The Authorization header of the test integration. */
    public static String apiAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (API_USER + ":" + TestAccounts.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public Jdbi jdbi() {
        return TestDatabase.jdbi(databaseUrl);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Sends and reads the answer as text; a failure to connect fails the test. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        return send(client, request, HttpResponse.BodyHandlers.ofString());
    }

    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            app.close();
        }
    }
}
