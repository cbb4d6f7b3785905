package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No cache keeps what a signed-in person saw; behind HTTPS, browsers are told to stay on HTTPS. */
class SecurityHeadersTest {

    @Test
    void whatASignedInPersonIsShownIsNeverStoredAndPublicPagesStayCacheable() {
        try (TestPortal portal = TestPortal.start()) {
            TestAccounts.staff(portal.jdbi(), "planner@headers.test", "planner");
            TestAccounts.customer(portal.jdbi(), "HEADERS", "customer@headers.test");
            WebSession planner = portal.signedIn("planner@headers.test");
            for (String path : new String[] {"/backoffice", "/backoffice/jobs", "/backoffice/jobs.csv", "/account/password", "/track"}) {
                assertThat(planner.get(path).headers().firstValue("Cache-Control")).as(path).contains("no-store");
            }
            assertThat(portal.signedIn("customer@headers.test").get("/portal/jobs.csv").headers().firstValue("Cache-Control"))
                    .contains("no-store");
            assertThat(portal.apiGet("/api/jobs/8ba9da71-ef32-423a-bb50-ae767315f55c").headers().firstValue("Cache-Control"))
                    .contains("no-store");

            assertThat(portal.get("/track").headers().firstValue("Cache-Control")).isEmpty();
            assertThat(planner.get("/static/css/portal.css").headers().firstValue("Cache-Control")).as("the portal's own assets")
                    .hasValueSatisfying(v -> assertThat(v).doesNotContain("no-store"));
        }
    }

    @Test
    void strictTransportSecurityOnlyBehindHttps() {
        try (TestPortal https = TestPortal.start(Map.of("PORTAL_SECURE_COOKIES", "true"))) {
            HttpResponse<String> answer = https.get("/login");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        }
        try (TestPortal http = TestPortal.start()) {
            assertThat(http.get("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }
}
