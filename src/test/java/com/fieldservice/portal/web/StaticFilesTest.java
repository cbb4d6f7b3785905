package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestPortal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The assets under /static and /webjars, and nothing else of the class path. */
class StaticFilesTest {

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
    void assetsAreServedWithTheirTypeAndAnswerAConditionalRequestWithNotModified() {
        String[][] assets = {
                {"/static/css/portal.css", "text/css"},
                {"/static/img/favicon.svg", "image/svg+xml"},
                {"/webjars/bootstrap/5.3.8/css/bootstrap.min.css", "text/css"},
                {"/webjars/bootstrap/5.3.8/js/bootstrap.bundle.min.js", "text/javascript"},
        };
        for (String[] asset : assets) {
            HttpResponse<String> first = portal.get(asset[0]);
            assertThat(first.statusCode()).as(asset[0]).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).as(asset[0]).hasValueSatisfying(type -> assertThat(type).startsWith(asset[1]));
            assertThat(first.body()).as(asset[0]).isNotEmpty();
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> again = portal.send(HttpRequest.newBuilder(URI.create(portal.url(asset[0])))
                    .header("If-None-Match", etag).build());
            assertThat(again.statusCode()).as(asset[0]).isEqualTo(304);
            assertThat(again.body()).as(asset[0]).isEmpty();
        }
    }

    @Test
    void nothingOutsideTheAssetFoldersIsServed() {
        String[] escapes = {
                "/static/../com/fieldservice/portal/App.class",
                "/static/%2e%2e/com/fieldservice/portal/App.class",
                "/static/css/..%2f..%2fcom/fieldservice/portal/App.class",
                "/static/..%5ccom%5cfieldservice%5cportal%5cApp.class",
                "/static//com/fieldservice/portal/App.class",
                "/webjars/../logback.xml",
                "/webjars/%2e%2e/%2e%2e/%2e%2e/logback.xml",
                "/webjars/bootstrap/5.3.8/../../../../../logback.xml",
                "/static/../db/migration/V1__reference_tables.sql",
                "/static/../templates/layout.html",
                "/static/../logback.xml",
                "/logback.xml",
                "/com/fieldservice/portal/App.class",
                "/templates/layout.html",
                "/static/css/",
                "/webjars/",
        };
        for (String path : escapes) {
            HttpResponse<String> answer = portal.get(path);
            assertThat(answer.statusCode()).as(path).isIn(400, 404);
            assertThat(answer.body()).as(path).doesNotContain("<configuration", "CREATE TABLE", "th:fragment", "java/lang/Object");
        }
    }
}
