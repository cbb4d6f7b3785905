package com.fieldservice.portal.customer;

import static com.fieldservice.portal.customer.PortalFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /track: the right number and reference show one work order's essentials; every wrong pair the same answer. */
class TrackTest {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        PortalFixtures.insert(portal.jdbi());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static HttpResponse<String> track(String number, String reference) {
        WebSession visitor = portal.visitor();
        assertThat(visitor.get("/track").statusCode()).isEqualTo(200);
        return visitor.post("/track", Map.of("number", number, "customer_reference", reference));
    }

    @Test
    void theFormHasLabelledFieldsAndAToken() {
        Document form = Jsoup.parse(portal.visitor().get("/track").body());
        assertThat(form.select("label[for=number]").text()).isEqualTo("Work-order number");
        assertThat(form.select("label[for=customer_reference]").text()).isEqualTo("Your reference");
        assertThat(form.select("#track-form input[name=_csrf]").val()).isNotEmpty();
    }

    @Test
    void theRightPairShowsTheStatusTheReportedDayAndTheNextVisitsDayOnly() {
        HttpResponse<String> answer = track(" " + PLANNED + " ", "po-shared");
        assertThat(answer.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#tracked-heading").text()).isEqualTo("Work order " + PLANNED);
        assertThat(page.select("#tracked-job .badge").text()).isEqualTo("Scheduled");
        assertThat(page.select("#tracked-reported").text()).isEqualTo("5 Jan 2030");
        assertThat(page.select("#tracked-next-visit").text()).isEqualTo("4 May 2099");
        // nothing a person typed (name, description, comments, the technician's name), nothing else of the work order
        assertThat(answer.body()).doesNotContain("Boiler makes a noise", ACME_MARK, "Loud banging", "Tomasz", REPLY,
                "09:30", "Acme main boiler", "Antwerpen", "Olivia", "SN-BOILER");
        SENTINELS.forEach(sentinel -> assertThat(answer.body()).doesNotContainIgnoringCase(sentinel));
        // sending it again is harmless: the same page
        assertThat(Jsoup.parse(track(String.valueOf(PLANNED), "PO-SHARED").body()).select("#tracked-next-visit").text())
                .isEqualTo("4 May 2099");
        Document received = Jsoup.parse(track(String.valueOf(RECEIVED), "PO-SHARED").body());
        assertThat(received.select("#tracked-next-visit").text()).isEqualTo("Not planned yet");
    }

    @Test
    void everyWrongPairGetsTheSameAnswer() {
        List<List<String>> wrong = List.of(
                List.of(String.valueOf(PLANNED), "PO-WRONG"),       // right number, wrong reference
                List.of("987654", "PO-SHARED"),                      // unknown number, a real reference
                List.of(String.valueOf(CANCELLED), "anything"),      // a work order without reference
                List.of(String.valueOf(GLOBEX_JOB), "PO-SHARED"),    // a real number with another's reference
                List.of("12ab", "PO-SHARED"));                       // not a number
        String expected = null;
        for (List<String> pair : wrong) {
            HttpResponse<String> answer = track(pair.get(0), pair.get(1));
            assertThat(answer.statusCode()).as(pair.toString()).isEqualTo(200);
            Document page = Jsoup.parse(answer.body());
            assertThat(page.select("#track-error").text()).isEqualTo("No work order matches this number and reference.");
            assertThat(page.select("#tracked-job")).isEmpty();
            // what the visitor typed stays in the form; apart from that, the pages are identical
            assertThat(page.select("#number").val()).isEqualTo(pair.get(0));
            page.select("#number, #customer_reference").forEach(input -> input.attr("value", ""));
            page.select("input[name=_csrf]").forEach(input -> input.attr("value", ""));
            String normalized = page.outerHtml();
            if (expected == null) {
                expected = normalized;
            }
            assertThat(normalized).as(pair.toString()).isEqualTo(expected);
            SENTINELS.forEach(sentinel -> assertThat(answer.body()).doesNotContainIgnoringCase(sentinel));
            assertThat(answer.body()).doesNotContain(ACME_MARK, GLOBEX_MARK);
        }
    }

    @Test
    void emptyFieldsAreNamedAndTiedToTheirField() {
        HttpResponse<String> answer = track("", "");
        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#number-error").text()).isEqualTo("Enter the work-order number.");
        assertThat(page.select("#number").attr("aria-describedby")).contains("number-error");
        assertThat(page.select("#customer_reference").attr("aria-describedby")).contains("customer_reference-error");
    }

    @Test
    void withoutTheFormsTokenNothingIsLookedUp() {
        HttpResponse<String> answer = portal.visitor().postRaw("/track",
                Map.of("number", String.valueOf(PLANNED), "customer_reference", "PO-SHARED"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain(ACME_MARK);
    }

    @Test
    void hostileTextIsNeitherShownNorRun() {
        HttpResponse<String> answer = track(String.valueOf(XSS), IMG);
        assertThat(Jsoup.parse(answer.body()).select("#tracked-job")).hasSize(1);
        assertThat(Jsoup.parse(answer.body()).select("#tracked-job").text()).doesNotContain(SCRIPT, IMG);
        PortalReadTest.assertInert(answer.body(), "/track");
        // what a visitor types is echoed inertly too
        PortalReadTest.assertInert(track(SCRIPT, IMG).body(), "/track echo");
    }

    @Test
    void theSignInPageLeadsToTracking() {
        Document login = Jsoup.parse(portal.visitor().get("/login").body());
        assertThat(login.select("a#track-link").attr("href")).isEqualTo("/track");
    }
}
