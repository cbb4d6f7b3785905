package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import com.fieldservice.portal.web.Routes;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the whole route table as every kind of visitor and asserts the answer to each: GET,
 * HEAD (the same as GET, without a body), and POST both without and with a valid CSRF token.
 * Refusals follow from the roles a route declares (anonymous visitors: to /login; the API: 401;
 * a signed-in person without the role: 403); what a route answers to those it serves is written
 * in {@link #SERVED}, so a new route fails here until its answer is written down.
 */
class RouteAccessTest {

    enum Visitor {
        ANONYMOUS(null), CUSTOMER(Role.CUSTOMER), PLANNER(Role.PLANNER), ADMIN(Role.ADMIN), API(Role.API);

        final Role role;

        Visitor(Role role) {
            this.role = role;
        }

        boolean signedIn() {
            return this == CUSTOMER || this == PLANNER || this == ADMIN;
        }
    }

    /** What each route answers, with made-up ids and an empty form, to a visitor it serves. */
    static final Map<String, Integer> SERVED = Map.ofEntries(
            Map.entry("GET /", 303),
            Map.entry("GET /health", 200),
            Map.entry("GET /ready", 200),
            Map.entry("GET /metrics", 404),
            Map.entry("GET /login", 200),
            Map.entry("POST /login", 401),
            Map.entry("POST /logout", 303),
            Map.entry("GET /account", 200),
            Map.entry("POST /account/language", 422),
            Map.entry("GET /account/password", 200),
            Map.entry("POST /account/password", 422),
            Map.entry("GET /backoffice", 200),
            Map.entry("GET /backoffice/jobs", 200),
            Map.entry("GET /backoffice/jobs.csv", 200),
            Map.entry("GET /backoffice/find", 200),
            Map.entry("GET /backoffice/jobs/new", 200),
            Map.entry("POST /backoffice/jobs/new", 422),
            Map.entry("GET /backoffice/jobs/{number}/edit", 404),
            Map.entry("POST /backoffice/jobs/{number}/edit", 404),
            Map.entry("POST /backoffice/jobs/{number}/status", 404),
            Map.entry("GET /backoffice/jobs/{number}", 404),
            Map.entry("POST /backoffice/jobs/{number}/visits", 404),
            Map.entry("POST /backoffice/jobs/{number}/visits/{id}", 404),
            Map.entry("POST /backoffice/jobs/{number}/visits/{id}/delete", 404),
            Map.entry("GET /backoffice/planning", 200),
            Map.entry("POST /backoffice/planning/technicians/{id}/calendar", 404),
            Map.entry("GET /calendar/{token}", 404),
            Map.entry("GET /portal/jobs/{number}/visits/{n}/calendar.ics", 404),
            Map.entry("GET /portal", 200),
            Map.entry("GET /portal/jobs", 200),
            Map.entry("GET /portal/jobs.csv", 200),
            Map.entry("GET /portal/jobs/{number}", 404),
            Map.entry("GET /portal/lookup", 200),
            Map.entry("GET /track", 200),
            Map.entry("POST /track", 400),
            Map.entry("GET /portal/report", 200),
            Map.entry("POST /portal/report", 422),
            Map.entry("GET /portal/report/done/{number}", 404),
            Map.entry("GET /portal/jobs/{number}/activity", 404),
            Map.entry("POST /portal/jobs/{number}/comments", 404),
            Map.entry("POST /portal/jobs/{number}/files", 404),
            Map.entry("POST /portal/jobs/{number}/cancel", 404),
            Map.entry("GET /portal/jobs/{number}/files/{id}", 404),
            Map.entry("GET /backoffice/jobs/{number}/files/{id}", 404),
            Map.entry("POST /backoffice/jobs/{number}/comments", 404),
            Map.entry("POST /backoffice/jobs/{number}/files", 404),
            Map.entry("POST /backoffice/jobs/{number}/read", 404),
            Map.entry("POST /backoffice/jobs/{number}/comments/{id}/visibility", 404),
            Map.entry("POST /backoffice/jobs/{number}/files/{id}/visibility", 404),
            Map.entry("GET /admin/accounts", 200),
            Map.entry("GET /admin/accounts/new-staff", 200),
            Map.entry("POST /admin/accounts/new-staff", 422),
            Map.entry("GET /admin/accounts/invite", 200),
            Map.entry("POST /admin/accounts/invite", 422),
            Map.entry("GET /admin/accounts/new-api", 200),
            Map.entry("POST /admin/accounts/new-api", 422),
            Map.entry("GET /admin/accounts/{id}", 404),
            Map.entry("GET /admin/accounts/{id}/edit", 404),
            Map.entry("POST /admin/accounts/{id}/edit", 404),
            Map.entry("GET /admin/accounts/{id}/issued", 404),
            Map.entry("POST /admin/accounts/{id}/reset", 404),
            Map.entry("POST /admin/accounts/{id}/disable", 404),
            Map.entry("POST /admin/accounts/{id}/enable", 404),
            Map.entry("GET /admin/audit", 200),
            Map.entry("GET /set-password", 410),
            Map.entry("POST /set-password", 410),
            Map.entry("GET /password/forgot", 200),
            Map.entry("POST /password/forgot", 422),
            Map.entry("GET /account/notifications", 200),
            Map.entry("POST /account/notifications", 303),
            Map.entry("GET /unsubscribe", 404),
            Map.entry("POST /unsubscribe", 404),
            Map.entry("GET /admin/outbox", 200),
            Map.entry("GET /admin/outbox/{id}", 404),
            Map.entry("POST /admin/outbox/{id}/retry", 404),
            Map.entry("GET /api/jobs/{id}", 404));

    /** Public routes answer a signed-in person differently from a stranger. */
    static final Map<String, Integer> SERVED_SIGNED_IN = Map.of(
            "GET /login", 303);

    static TestPortal portal;
    static List<Routes.Route> routes;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        TestAccounts.staff(portal.jdbi(), "planner@walk.test", "planner");
        TestAccounts.staff(portal.jdbi(), "admin@walk.test", "admin");
        TestAccounts.customer(portal.jdbi(), "WALK", "customer@walk.test");
        // signing out last, so that every other route is walked while signed in
        routes = portal.app().routeTable().stream()
                .sorted(Comparator.comparing((Routes.Route r) -> r.path().equals("/logout")))
                .toList();
    }

    /** Each walk fails sign-in on purpose (empty forms): no walk inherits another's slowdown. */
    @BeforeEach
    void forgetFailedSignIns() {
        portal.jdbi().useHandle(h -> h.execute("DELETE FROM sign_in_attempt"));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theTableHoldsEveryKindOfRouteAndEveryRoutesAnswerIsWrittenDown() {
        assertThat(routes).extracting(Routes.Route::path).contains("/login", "/logout", "/backoffice", "/portal",
                "/api/jobs/{id}");
        assertThat(routes).allSatisfy(route -> assertThat(route.roles()).isNotEmpty());
        assertThat(SERVED.keySet()).containsExactlyInAnyOrderElementsOf(routes.stream().map(RouteAccessTest::key).toList());
    }

    @Test
    void anonymousVisitorsGetTheExpectedAnswerFromEveryRoute() {
        walk(Visitor.ANONYMOUS);
    }

    @Test
    void customersGetTheExpectedAnswerFromEveryRoute() {
        walk(Visitor.CUSTOMER);
    }

    @Test
    void plannersGetTheExpectedAnswerFromEveryRoute() {
        walk(Visitor.PLANNER);
    }

    @Test
    void administratorsGetTheExpectedAnswerFromEveryRoute() {
        walk(Visitor.ADMIN);
    }

    @Test
    void integrationsGetTheExpectedAnswerFromEveryRoute() {
        walk(Visitor.API);
    }

    private static void walk(Visitor visitor) {
        WebSession session = session(visitor);
        List<String> wrong = new ArrayList<>();
        for (Routes.Route route : routes) {
            String path = concrete(route.path());
            if (route.method() == HandlerType.GET) {
                HttpResponse<String> get = send(visitor, session, HttpRequest.newBuilder(uri(path)).GET());
                check(wrong, visitor, route, "GET", get, expected(visitor, route, true));
                HttpResponse<String> head = send(visitor, session,
                        HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
                check(wrong, visitor, route, "HEAD", head, get.statusCode());
                if (!head.body().isEmpty() || !head.headers().firstValue("Location").equals(get.headers().firstValue("Location"))) {
                    wrong.add(visitor + " HEAD " + route.path() + ": not GET's answer without its body");
                }
                if (visitor.signedIn() && served(visitor, route) && !route.roles().contains(Role.ANYONE)
                        && !get.headers().firstValue("Cache-Control").equals(Optional.of("no-store"))) {
                    wrong.add(visitor + " GET " + route.path() + ": may be kept in a cache");
                }
            } else {
                check(wrong, visitor, route, "POST without token", post(visitor, session, path, null), expected(visitor, route, false));
                check(wrong, visitor, route, "POST with token", post(visitor, session, path, session.csrfToken()),
                        expected(visitor, route, true));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The answer the roles call for, or the route's own answer to those it serves. */
    private static int expected(Visitor visitor, Routes.Route route, boolean validToken) {
        boolean api = route.path().startsWith("/api/");
        if (!served(visitor, route)) {
            if (api) {
                return 401;
            }
            return visitor.signedIn() ? 403 : 303;
        }
        if (route.method() == HandlerType.POST && !validToken && !AccessControl.CSRF_EXEMPT.contains(route.path())) {
            return 403;
        }
        return visitor.signedIn() ? SERVED_SIGNED_IN.getOrDefault(key(route), SERVED.get(key(route))) : SERVED.get(key(route));
    }

    private static boolean served(Visitor visitor, Routes.Route route) {
        boolean api = route.path().startsWith("/api/");
        boolean allowed = route.roles().contains(Role.ANYONE) || (visitor.role != null && route.roles().contains(visitor.role));
        return allowed && (!api || visitor == Visitor.API);
    }

    private static void check(List<String> wrong, Visitor visitor, Routes.Route route, String call,
            HttpResponse<String> answer, int expected) {
        if (answer.statusCode() != expected) {
            wrong.add(visitor + " " + call + " " + route.path() + ": " + answer.statusCode() + ", expected " + expected);
        } else if (expected == 303 && !route.roles().contains(Role.ANYONE) && !visitor.signedIn()
                && !answer.headers().firstValue("Location").orElse("").startsWith("/login")) {
            wrong.add(visitor + " " + call + " " + route.path() + ": not sent to sign in");
        }
    }

    private static WebSession session(Visitor visitor) {
        return switch (visitor) {
            case ANONYMOUS, API -> {
                WebSession anonymous = portal.visitor();
                anonymous.get("/login");
                yield anonymous;
            }
            case CUSTOMER -> portal.signedIn("customer@walk.test");
            case PLANNER -> portal.signedIn("planner@walk.test");
            case ADMIN -> portal.signedIn("admin@walk.test");
        };
    }

    private static HttpResponse<String> post(Visitor visitor, WebSession session, String path, String token) {
        return send(visitor, session, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(token == null ? "" : "_csrf=" + token)));
    }

    /** The integration sends its HTTP Basic credentials everywhere; people send their cookies. */
    private static HttpResponse<String> send(Visitor visitor, WebSession session, HttpRequest.Builder request) {
        if (visitor == Visitor.API) {
            request.header("Authorization", TestPortal.apiAuthorization());
        }
        return session.send(request.build());
    }

    private static URI uri(String path) {
        return URI.create(portal.url(path));
    }

    private static String key(Routes.Route route) {
        return route.method() + " " + route.path();
    }

    /** A real URL for a route pattern: ids and numbers that exist nowhere. */
    static String concrete(String path) {
        return path.replace("{id}", "8ba9da71-ef32-423a-bb50-ae767315f55c").replaceAll("\\{[^}]+}", "1");
    }
}
