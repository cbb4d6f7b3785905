package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import com.fieldservice.portal.web.Routes;
import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the whole route table: every route that is not public refuses anonymous visitors
 * (pages: to /login; API: 401), customers get 403 on back-office and admin routes, planners on
 * admin routes. A new route is covered the day it is registered.
 */
class RouteAccessTest {

    static TestPortal portal;
    static List<Routes.Route> routes;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        TestAccounts.staff(portal.jdbi(), "planner@walk.test", "planner");
        TestAccounts.customer(portal.jdbi(), "WALK", "customer@walk.test");
        routes = portal.app().routeTable();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theTableHoldsEveryKindOfRoute() {
        assertThat(routes).extracting(Routes.Route::path).contains("/login", "/logout", "/backoffice", "/portal",
                "/api/jobs/{id}");
        assertThat(routes).allSatisfy(route -> assertThat(route.roles()).isNotEmpty());
    }

    @Test
    void anonymousVisitorsAreSentToSignInOrGet401FromTheApi() {
        WebSession anonymous = portal.visitor();
        anonymous.get("/login");
        for (Routes.Route route : routes) {
            if (route.roles().contains(Role.ANYONE)) {
                continue;
            }
            HttpResponse<String> answer = call(anonymous, route);
            if (route.path().startsWith("/api/")) {
                assertThat(answer.statusCode()).as(route.toString()).isEqualTo(401);
                assertThat(answer.headers().firstValue("WWW-Authenticate")).as(route.toString())
                        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
            } else {
                assertThat(answer.statusCode()).as(route.toString()).isEqualTo(303);
                assertThat(answer.headers().firstValue("Location")).as(route.toString())
                        .hasValueSatisfying(v -> assertThat(v).startsWith("/login"));
            }
        }
    }

    @Test
    void customersGet403OnEveryRouteNotMeantForThem() {
        assertRefused(portal.signedIn("customer@walk.test"), Role.CUSTOMER);
    }

    @Test
    void plannersGet403OnAdminRoutes() {
        assertRefused(portal.signedIn("planner@walk.test"), Role.PLANNER);
    }

    @Test
    void integrationsCannotUsePages() {
        for (Routes.Route route : routes) {
            if (route.roles().contains(Role.ANYONE) || route.path().startsWith("/api/")) {
                continue;
            }
            HttpResponse<String> answer = portal.apiGet(concrete(route.path()));
            if (route.method() == HandlerType.GET) {
                assertThat(answer.statusCode()).as(route.toString()).isEqualTo(303);
            }
        }
    }

    private static void assertRefused(WebSession session, Role role) {
        int checked = 0;
        for (Routes.Route route : routes) {
            if (route.roles().contains(Role.ANYONE) || route.roles().contains(role)) {
                continue;
            }
            HttpResponse<String> answer = call(session, route);
            int expected = route.path().startsWith("/api/") ? 401 : 403;
            assertThat(answer.statusCode()).as(role + " on " + route).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    private static HttpResponse<String> call(WebSession session, Routes.Route route) {
        String path = concrete(route.path());
        if (route.method() == HandlerType.GET) {
            return session.get(path);
        }
        // a valid CSRF token, so that a refusal can only come from the role
        return session.post(path, Map.of());
    }

    /** A real URL for a route pattern: any id or number will do, refusal comes first. */
    static String concrete(String path) {
        return path.replace("{id}", "8ba9da71-ef32-423a-bb50-ae767315f55c").replaceAll("\\{[^}]+}", "1");
    }

}
