package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HEAD is a GET without its body, under the same rules; a request's method is the one it was sent with. */
class HttpMethodsTest {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        TestAccounts.staff(portal.jdbi(), "planner@methods.test", "planner");
        TestAccounts.customer(portal.jdbi(), "METHODS", "customer@methods.test");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() {
        for (String path : new String[] {"/login", "/health", "/static/css/portal.css", "/webjars/bootstrap/5.3.8/css/bootstrap.min.css"}) {
            HttpResponse<String> get = portal.get(path);
            HttpResponse<String> head = portal.send(head(path).build());
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).as(path).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.body()).as(path).isEmpty();
        }
    }

    @Test
    void headFollowsTheRoutesRolesAndAnAllowedHeadIsNoRefusal() {
        WebSession planner = portal.signedIn("planner@methods.test");
        assertThat(planner.send(head("/backoffice").build()).statusCode()).isEqualTo(200);
        assertThat(refusalsLogged()).isZero();

        assertThat(portal.signedIn("customer@methods.test").send(head("/backoffice").build()).statusCode()).isEqualTo(403);
        assertThat(refusalsLogged()).isEqualTo(1);

        HttpResponse<String> anonymous = portal.send(head("/backoffice").build());
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login?next=%2Fbackoffice");
    }

    @Test
    void aMethodOverrideHeaderIsIgnored() {
        WebSession planner = portal.signedIn("planner@methods.test");
        HttpResponse<String> postAsGet = planner.send(HttpRequest.newBuilder(URI.create(portal.url("/backoffice/jobs/new")))
                .header("X-HTTP-Method-Override", "GET")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=no+token")).build());
        assertThat(postAsGet.statusCode()).as("still a POST, so still needs its CSRF token").isEqualTo(403);

        HttpResponse<String> getAsDelete = portal.send(HttpRequest.newBuilder(URI.create(portal.url("/login")))
                .header("X-HTTP-Method-Override", "DELETE").GET().build());
        assertThat(getAsDelete.statusCode()).isEqualTo(200);
    }

    private static HttpRequest.Builder head(String path) {
        return HttpRequest.newBuilder(URI.create(portal.url(path))).method("HEAD", HttpRequest.BodyPublishers.noBody());
    }

    private static int refusalsLogged() {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE event = 'access_refused'")
                .mapTo(Integer.class).one());
    }
}
