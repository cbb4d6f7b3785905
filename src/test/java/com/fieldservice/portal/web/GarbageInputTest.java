package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.jobs.FieldSpec;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import com.fieldservice.portal.auth.AccessControl;
import com.fieldservice.portal.auth.Role;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the whole route table as every kind of visitor with garbage in every parameter the
 * portal reads (path, query, form fields with a valid CSRF token, multipart fields and file
 * names): no answer may be a 5xx. Text the database can't keep gets the 400 page.
 */
class GarbageInputTest {

    /** Past every column (and the audit log's detail), yet an address the server still reads. */
    static final String LONG_TEXT = "x".repeat(3000);
    /** Garbage as it travels in a URL or a form body: already percent-encoded, so invalid UTF-8 stays invalid. */
    static final List<String> GARBAGE = List.of(
            "a%00b",                                // NUL
            "%ED%A0%80",                            // a lone surrogate, as CESU-8
            "%C3%28", "%FF%FE",                     // invalid UTF-8
            "-1", "-9223372036854775809", "99999999999999999999999",
            "8ba9da71-ef32-423a-zzzz-ae767315f55c", "00000000-0000-0000-0000-00000000000000",
            "-999999999-01-01T00%3A00%3A00Z", "10000-01-01", "0000-00-00", "2024-02-30T25%3A61",
            "%27%22%3C%3E%3B--", "%E2%80%AE%F0%9F%92%A5",
            LONG_TEXT);
    static final int LONGEST_SHORT_GARBAGE = 100;
    /** What multipart bodies carry: numbers and dates travel there as in any form, text is decoded differently. */
    static final List<String> TEXT_GARBAGE = List.of("a%00b", "%ED%A0%80", "%C3%28", "%FF%FE", "%27%22%3C%3E%3B--",
            "%E2%80%AE%F0%9F%92%A5");
    static final String ONE_MEGABYTE = "x".repeat(1_000_000);

    static final List<String> VISITOR_ORDER = List.of("anonymous", "customer", "planner", "admin", "api");

    static TestPortal portal;
    static Map<String, Visitor> visitors;
    static List<String> parameterNames;
    static List<Routes.Route> routes;

    /** Someone sending requests: a browser session (with its CSRF token), or the integration with HTTP Basic. */
    record Visitor(WebSession session, String basicAuthorization) {
        /**
         * Once more on a new connection when the server had closed the pooled one: it does so
         * after refusing a request whose body it did not read, and the client only notices on reuse.
         */
        HttpResponse<String> send(HttpRequest.Builder request) {
            if (basicAuthorization != null) {
                request.header("Authorization", basicAuthorization);
            }
            HttpRequest built = request.build();
            try {
                return session.send(built);
            } catch (UncheckedIOException closedMeanwhile) {
                return session.send(built);
            }
        }
    }

    @BeforeAll
    static void start() throws IOException {
        portal = TestPortal.start();
        TestAccounts.staff(portal.jdbi(), "planner@garbage.test", "planner");
        TestAccounts.staff(portal.jdbi(), "admin@garbage.test", "admin");
        TestAccounts.customer(portal.jdbi(), "GARBAGE", "customer@garbage.test");
        WebSession anonymous = portal.visitor();
        anonymous.get("/login");
        visitors = Map.of("anonymous", new Visitor(anonymous, null),
                "customer", new Visitor(portal.signedIn("customer@garbage.test"), null),
                "planner", new Visitor(portal.signedIn("planner@garbage.test"), null),
                "admin", new Visitor(portal.signedIn("admin@garbage.test"), null),
                "api", new Visitor(portal.visitor(), TestPortal.apiAuthorization()));
        parameterNames = everyParameterName();
        // signing out last, so that every other route is walked while signed in
        routes = portal.app().routeTable().stream()
                .sorted(Comparator.comparing((Routes.Route r) -> r.path().equals("/logout")))
                .toList();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theWalkKnowsTheFormsFields() {
        assertThat(parameterNames).contains("q", "next", "comment", "files", "visibility", "version", "name", "due_date");
    }

    @Test
    void noRouteAnswers5xxToGarbageInAnyParameterForAnyone() {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Routes.Route route : routes) {
            for (Map.Entry<String, Visitor> visitor : visitors.entrySet()) { // each role
                for (String garbage : garbageFor(route, visitor.getKey())) {
                    HttpResponse<String> answer;
                    try {
                        answer = visitor.getValue().send(request(route, garbage, visitor.getValue().session()));
                    } catch (UncheckedIOException refusedUnread) {
                        // a megabyte-long address may be refused before the server has read all of it
                        assertThat(garbage).as(route + " closed without an answer").isSameAs(ONE_MEGABYTE);
                        continue;
                    }
                    requests++;
                    if (answer.statusCode() >= 500) {
                        failures.add(visitor.getKey() + " " + route.method() + " " + route.path() + " with "
                                + abbreviated(garbage) + ": " + answer.statusCode());
                    }
                }
            }
        }
        assertThat(failures).as("out of %d requests", requests).isEmpty();
    }

    @Test
    void multipartFieldsAndFileNamesWithGarbageNeverGet5xx() {
        List<String> failures = new ArrayList<>();
        for (Routes.Route route : routes) {
            if (route.method() != HandlerType.POST) {
                continue;
            }
            for (Map.Entry<String, Visitor> visitor : visitors.entrySet()) { // each role
                for (String garbage : garbageFor(route, visitor.getKey()).stream().filter(TEXT_GARBAGE::contains).toList()) {
                    HttpResponse<String> answer = visitor.getValue().send(
                            multipart(concrete(route.path(), "1"), percentDecoded(garbage), visitor.getValue().session()));
                    if (answer.statusCode() >= 500) {
                        failures.add(visitor.getKey() + " " + route.path() + " with " + garbage + ": " + answer.statusCode());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aNulByteInAFormFieldGetsTheBadRequestPage() {
        Visitor planner = visitors.get("planner");
        HttpResponse<String> answer = planner.send(HttpRequest.newBuilder(URI.create(portal.url("/backoffice/jobs/new")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + planner.session().csrfToken() + "&name=a%00b")));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("Request not understood");
    }

    @Test
    void textThatCameAsInvalidUtf8OrHalfASurrogatePairIsRefusedWherePostgresWouldFailOrGarbleIt() {
        assertThat(portal.visitor().get("/backoffice/find?q=a%00b").statusCode()).isEqualTo(400);
        Visitor planner = visitors.get("planner");
        for (String raw : List.of("a%00b", "%ED%A0%80", "%C3%28", "%FF")) {
            HttpResponse<String> answer = planner.send(HttpRequest.newBuilder(URI.create(portal.url("/backoffice/find?q=" + raw))));
            assertThat(answer.statusCode()).as(raw).isEqualTo(400);
        }
        assertThat(InputGuard.storable("Zoë 🔧 naïve")).isTrue();
        assertThat(InputGuard.storable("\uD83D")).isFalse();
        assertThat(InputGuard.storable("\uDD27x")).isFalse();
    }

    @Test
    void aMalformedMultipartBodyGets400NotAnIncident() {
        Visitor customer = visitors.get("customer");
        customer.session().get("/portal/report");
        String boundary = "broken-boundary";
        HttpResponse<String> answer = customer.send(HttpRequest.newBuilder(URI.create(portal.url("/portal/report")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(com.fieldservice.portal.auth.AccessControl.CSRF_HEADER, customer.session().csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"summary\"\r\n"
                        + "no blank line, no end")));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).select("h1").text()).isEqualTo("Request not understood");
    }

    @Test
    void aFileNameWithANulByteGets400() {
        Visitor customer = visitors.get("customer");
        customer.session().get("/portal/report");
        HttpResponse<String> answer = customer.session().postMultipart("/portal/report", Map.of("summary", "Boiler"),
                List.of(new WebSession.FilePart("files", "photo\u0000.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        assertThat(answer.statusCode()).isEqualTo(400);
    }

    @Test
    void aHeaderValueWithANulOrInvalidUtf8GetsA400() throws IOException {
        String cookies = "Cookie: " + AccessControl.SESSION_COOKIE + "=x\r\n";
        assertThat(rawStatus("GET /portal HTTP/1.1\r\nHost: localhost\r\nUser-Agent: a\u0000b\r\n" + cookies))
                .isEqualTo(400);
        assertThat(rawStatus("GET /portal HTTP/1.1\r\nHost: localhost\r\nUser-Agent: \u00c3\u0028\r\n" + cookies))
                .isBetween(300, 499);
    }

    /** The status of a request written byte for byte (ISO-8859-1), as no HTTP client would send it. */
    private static int rawStatus(String head) throws IOException {
        try (Socket socket = new Socket("localhost", portal.app().port())) {
            socket.getOutputStream().write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    @Test
    void garbageInTheIntegrationsCredentialsIsAnsweredAsWrongCredentials() {
        for (String credentials : List.of("a\u0000b:x", "api:\u0000", "\uFFFD:x")) {
            HttpResponse<String> answer = portal.send(HttpRequest.newBuilder(URI.create(portal.url("/api/jobs/8ba9da71-ef32-423a-bb50-ae767315f55c")))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .build());
            assertThat(answer.statusCode()).as(credentials).isEqualTo(401);
        }
    }

    /**
     * The first visitor the route is meant for gets everything (public routes: the anonymous
     * one); every other visitor gets a taste, which is enough to show their answer is no 5xx.
     */
    private static List<String> garbageFor(Routes.Route route, String visitor) {
        String fullWalker = VISITOR_ORDER.stream().filter(v -> v.equals("anonymous") ? route.roles().contains(Role.ANYONE)
                : route.roles().contains(Role.valueOf(v.toUpperCase(Locale.ROOT)))).findFirst().orElseThrow();
        return visitor.equals(fullWalker) ? Stream.concat(GARBAGE.stream(), Stream.of(ONE_MEGABYTE)).toList()
                : List.of("a%00b", "%C3%28", LONG_TEXT);
    }

    /**
     * GET: the garbage in every path and query parameter. POST: in every path parameter and
     * form field. Long garbage would make every address too long for the server to read, so it
     * goes in one query parameter (GET) or the body only (POST), where the handlers get it.
     */
    private static HttpRequest.Builder request(Routes.Route route, String garbage, WebSession session) {
        boolean isLong = garbage.length() > LONGEST_SHORT_GARBAGE;
        if (route.method() == HandlerType.GET) {
            String query = isLong ? "q=" + garbage
                    : parameterNames.stream().map(name -> name + "=" + garbage).collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(URI.create(portal.url(concrete(route.path(), garbage) + "?" + query))).GET();
        }
        String path = concrete(route.path(), isLong && garbage.length() > 4000 ? "1" : garbage);
        // with a megabyte in all, the body alone is past the size limit for forms
        String value = garbage == ONE_MEGABYTE ? "x".repeat(ONE_MEGABYTE.length() / parameterNames.size()) : garbage;
        String body = parameterNames.stream().map(name -> name + "=" + value)
                .collect(Collectors.joining("&", "_csrf=" + session.csrfToken() + "&", ""));
        return HttpRequest.newBuilder(URI.create(portal.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder multipart(String path, byte[] garbage, WebSession session) {
        String boundary = "garbage-walk";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session.csrfToken() + "\r\n");
        for (String name : parameterNames) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            body.writeBytes(garbage);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"");
        body.writeBytes(garbage);
        write(body, ".png\"\r\nContent-Type: image/png\r\n\r\n");
        body.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        write(body, "\r\n--" + boundary + "--\r\n");
        return HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes a percent-encoded value stands for, invalid UTF-8 included. */
    static byte[] percentDecoded(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    static String concrete(String path, String garbage) {
        return path.replaceAll("\\{[^}]+}", Matcher.quoteReplacement(garbage));
    }

    private static String abbreviated(String garbage) {
        return garbage.length() > 40 ? garbage.length() + " characters" : garbage;
    }

    /**
     * Every parameter name the portal reads: those its handlers ask for by name, those its
     * forms send, and every field of a work order.
     */
    static List<String> everyParameterName() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        collect(Path.of("src/main/java"), Pattern.compile("(?:query|form)Params?(?:AsClass)?\\(\"([^\"]+)\""), names);
        collect(Path.of("templates"), Pattern.compile("name=\"([A-Za-z_]+)\""), names);
        JobFields.ALL.stream().map(FieldSpec::name).forEach(names::add);
        names.remove("_csrf");
        return List.copyOf(names);
    }

    private static void collect(Path root, Pattern pattern, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
