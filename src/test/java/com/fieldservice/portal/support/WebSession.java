package com.fieldservice.portal.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * A person's browser without the browser: keeps cookies, reads the CSRF token off the pages it
 * gets, and posts forms with it, as the portal's own forms do.
 */
public final class WebSession {

    private final TestPortal portal;
    private final HttpClient http;
    private String csrfToken;

    WebSession(TestPortal portal) {
        this.portal = portal;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return getFrom(portal, path);
    }

    /** The same browser, cookies and all, on another instance of the portal. */
    public HttpResponse<String> getFrom(TestPortal instance, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(instance.url(path))).GET().build());
        String token = Jsoup.parse(response.body()).select("input[name=_csrf]").attr("value");
        if (!token.isEmpty()) {
            csrfToken = token;
        }
        return response;
    }

    /** Posts the form fields with the CSRF token of the last page read. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            form.putIfAbsent("_csrf", csrfToken);
        }
        return postRaw(path, form);
    }

    /** Posts exactly these fields, without adding a CSRF token. */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in on the form; when it works, opens the page it leads to, as a browser would (and so learns the session's CSRF token). */
    public HttpResponse<String> signIn(String username, String password) {
        get("/login");
        HttpResponse<String> answer = post("/login", Map.of("username", username, "password", password));
        answer.headers().firstValue("Location").filter(to -> answer.statusCode() == 303).ifPresent(this::get);
        return answer;
    }

    public String csrfToken() {
        return csrfToken;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestPortal.send(http, request);
    }
}
