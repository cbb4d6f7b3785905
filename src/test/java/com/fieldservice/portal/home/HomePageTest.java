package com.fieldservice.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestPortal;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HomePageTest {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void homePageSaysWhatThePortalIsAndLinksToSignIn() {
        HttpResponse<String> response = portal.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Work-order portal");
        assertThat(page.select("a#sign-in").attr("href")).isEqualTo("/login");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
                .contains("/webjars/bootstrap/5.3.8/css/bootstrap.min.css", "/static/css/portal.css");
    }

    @Test
    void stylesheetsTheLayoutUsesAreServed() {
        assertThat(portal.get("/webjars/bootstrap/5.3.8/css/bootstrap.min.css").statusCode()).isEqualTo(200);
        assertThat(portal.get("/static/css/portal.css").statusCode()).isEqualTo(200);
    }
}
