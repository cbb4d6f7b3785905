package com.fieldservice.portal.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /** A file in a multipart form: the form field, the name the browser gives, the type it claims, the bytes. */
    public record FilePart(String field, String fileName, String contentType, byte[] bytes) {
    }

    /** Posts a multipart form (as a form with enctype="multipart/form-data" does) with the CSRF token of the last page read. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            form.putIfAbsent("_csrf", csrfToken);
        }
        return postMultipartRaw(path, form, files);
    }

    /** Posts exactly these fields and files as multipart/form-data, without adding a CSRF token. */
    public HttpResponse<String> postMultipartRaw(String path, Map<String, String> fields, List<FilePart> files) {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        for (FilePart file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.bytes());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** GET returning the bytes, for files. */
    public HttpResponse<byte[]> getBytes(String path) {
        return TestPortal.send(http, HttpRequest.newBuilder(URI.create(portal.url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET whose body the caller reads as far as it likes: a browser that stops reading. */
    public HttpResponse<InputStream> getStream(String path) {
        return TestPortal.send(http, HttpRequest.newBuilder(URI.create(portal.url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
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

    /** Sends any request with this browser's cookies: for requests the helpers above can't shape. */
    public HttpResponse<String> send(HttpRequest request) {
        return TestPortal.send(http, request);
    }
}
