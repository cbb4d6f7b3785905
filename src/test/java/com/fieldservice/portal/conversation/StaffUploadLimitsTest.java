package com.fieldservice.portal.conversation;

import static com.fieldservice.portal.customer.Samples.file;
import static com.fieldservice.portal.customer.Samples.photo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.customer.ReportService;
import com.fieldservice.portal.customer.Samples;
import com.fieldservice.portal.customer.Upload;
import com.fieldservice.portal.support.AcmeReports;
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

/**
 * A planner's files on a work order are held to the customer's limits: no file over 10 MB, and
 * at most 20 files per work order, the team's internal files counted too. A refused upload saves
 * nothing, not even the files of it that would have passed.
 */
class StaffUploadLimitsTest {

    static TestPortal portal;
    static WebSession planner;
    static AcmeReports reports;

    @BeforeAll
    static void start() {
        ConversationParties parties = ConversationParties.start("planner@upload-limits.test");
        portal = parties.portal();
        reports = new AcmeReports(portal.jdbi(), parties.alice());
        planner = parties.planner();
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static int count(String sql, int number) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).bind("n", number).mapTo(Integer.class).one());
    }

    static int filesOf(int number) {
        return count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = :n", number);
    }

    static int historyOf(int number) {
        return count("SELECT count(*) FROM job_history h JOIN jobs j ON j.id = h.job_id WHERE j.id2 = :n", number);
    }

    static HttpResponse<String> addFiles(int number, String visibility, WebSession.FilePart... files) {
        planner.get("/backoffice/jobs/" + number);
        return planner.postMultipart("/backoffice/jobs/" + number + "/files", Map.of("visibility", visibility), List.of(files));
    }

    static Document refused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        return Jsoup.parse(answer.body());
    }

    @Test
    void aFileOverTenMegabytesIsRefusedAndNothingOfItsUploadIsSaved() {
        int number = reports.report(Map.of("description", "The pump hums."), List.of());
        int history = historyOf(number);
        WebSession.FilePart huge = file("huge.png", "image/png", Samples.pngOfSize((int) Upload.MAX_BYTES + 1));

        for (String visibility : new String[] {"customer", "internal"}) {
            Document page = refused(addFiles(number, visibility, photo("fine.png"), huge));
            assertThat(page.select("#reply-files-error").text()).isEqualTo("“huge.png” is larger than 10 MB.");
            assertThat(page.select("#conversation-refused")).hasSize(1);
        }
        assertThat(filesOf(number)).isZero();
        assertThat(historyOf(number)).isEqualTo(history);

        // exactly 10 MB is within the limit
        HttpResponse<String> atTheLimit = addFiles(number, "internal",
                file("gauge.png", "image/png", Samples.pngOfSize((int) Upload.MAX_BYTES)));
        assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(303);
        assertThat(filesOf(number)).isEqualTo(1);
    }

    @Test
    void aWorkOrderHoldingTwentyFilesTakesNoMoreFromThePlannerInternalOnesCounted() {
        int number = reports.report(Map.of("description", "The valve leaks."), List.of());
        // one place left; most of the files there are the team's own, which the customer does not see
        portal.jdbi().useHandle(h -> h.execute("""
                INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes, visibility)
                SELECT j.id, 'filler-' || n || '.png', 'image/png', 1, '\\x89'::bytea,
                       CASE WHEN n % 4 = 0 THEN 'customer' ELSE 'internal' END
                  FROM jobs j, generate_series(1, ?) n
                 WHERE j.id2 = ?""", ReportService.MAX_FILES_PER_JOB - 1, number));
        int history = historyOf(number);

        Document twoForOne = refused(addFiles(number, "customer", photo("a.png"), photo("b.png")));
        assertThat(twoForOne.select("#reply-files-error").text()).isEqualTo("A work order holds at most 20 files: 1 more fit.");
        assertThat(filesOf(number)).isEqualTo(19);
        assertThat(historyOf(number)).isEqualTo(history);

        assertThat(addFiles(number, "internal", photo("last.png")).statusCode()).isEqualTo(303);
        assertThat(filesOf(number)).isEqualTo(20);
        int full = historyOf(number);

        for (String visibility : new String[] {"customer", "internal"}) {
            Document more = refused(addFiles(number, visibility, photo("one-more.png")));
            assertThat(more.select("#reply-files-error").text()).isEqualTo("A work order holds at most 20 files: 0 more fit.");
        }
        assertThat(filesOf(number)).isEqualTo(20);
        assertThat(historyOf(number)).isEqualTo(full);
    }
}
