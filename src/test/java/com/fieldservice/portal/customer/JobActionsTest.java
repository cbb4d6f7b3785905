package com.fieldservice.portal.customer;

import static com.fieldservice.portal.customer.Samples.file;
import static com.fieldservice.portal.customer.Samples.photo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.HeldLock;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a customer does on their job after reporting it, and who gets its files. */
class JobActionsTest {

    static TestPortal portal;
    static WebSession alice;
    static WebSession bob;
    static WebSession planner;
    static UUID acmeInstallation;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 100);
        alice = ReportTestSupport.signIn(portal, "alice@acme.demo.test");
        bob = ReportTestSupport.signIn(portal, "bob@globex.demo.test");
        TestAccounts.staff(portal.jdbi(), "planner@actions.test", "planner");
        planner = portal.signedIn("planner@actions.test");
        acmeInstallation = uuid(ReportTest.openInstallation("ACME", false));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static UUID uuid(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapTo(UUID.class).one());
    }

    static String text(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    static int count(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /** Alice reports a problem with these files; the new job's number. */
    static int reported(WebSession.FilePart... files) {
        String token = Jsoup.parse(alice.get("/portal/report").body()).select("input[name=submission]").val();
        HttpResponse<String> answer = alice.postMultipart("/portal/report", Map.of("submission", token,
                "project_id", acmeInstallation.toString(), "description", "The fan is noisy"), List.of(files));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return Integer.parseInt(answer.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
    }

    static String status(int number) {
        return text("SELECT s.code FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE j.id2 = " + number);
    }

    static HttpResponse<String> comment(WebSession who, int number, String text) {
        who.get("/portal");
        return who.post("/portal/jobs/" + number + "/comments", Map.of("comment", text));
    }

    @Test
    void aCustomerCommentsOnTheirOpenJobAndSeesItAfterTheRedirect() {
        int number = reported();
        HttpResponse<String> answer = comment(alice, number, "The noise is loudest at night.\nIt started Monday.");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location"))
                .contains("/portal/jobs/" + number + "?actions=comment-added#job-customer-actions");

        Document page = Jsoup.parse(alice.get("/portal/jobs/" + number + "/activity?actions=comment-added").body());
        assertThat(page.select("#job-customer-actions .job-comment-text").text())
                .isEqualTo("The noise is loudest at night. It started Monday.");
        assertThat(page.select(".job-comment .fw-semibold").text()).isEqualTo(text(
                "SELECT concat_ws(' ', firstname, lastname) FROM contact c JOIN account a ON a.contact_id = c.id "
                        + "WHERE a.username = 'alice@acme.demo.test'"));
        assertThat(page.select("#actions-notice").text()).isEqualTo("Your comment was added.");
        assertThat(page.select("label[for]")).allSatisfy(label ->
                assertThat(page.getElementById(label.attr("for"))).as(label.text()).isNotNull());
        assertThat(page.html()).doesNotContain("style=", "<script>");
        assertThat(count("SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = " + number
                + " AND c.by_customer AND c.account_id = (SELECT id FROM account WHERE username = 'alice@acme.demo.test')"))
                .isEqualTo(1);
    }

    @Test
    void anEmptyOrTooLongCommentComesBackWithItsMessageAndTheText() {
        int number = reported();
        HttpResponse<String> empty = comment(alice, number, "   ");
        assertThat(empty.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(empty.body());
        assertThat(page.select("#comment-error").text()).isEqualTo("Required.");
        assertThat(page.select("textarea#comment").attr("aria-describedby")).isEqualTo("comment-error");

        HttpResponse<String> tooLong = comment(alice, number, "c".repeat(4001));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        Document again = Jsoup.parse(tooLong.body());
        assertThat(again.select("#comment-error").text()).isEqualTo("At most 4000 characters (this has 4001).");
        assertThat(again.select("textarea#comment").text()).hasSize(4001);
        assertThat(count("SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = " + number)).isZero();
    }

    @Test
    void anotherCompanysJobIsNotFoundForEveryAction() {
        int number = reported(photo("mine.png"));
        UUID fileId = uuid("SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number);
        bob.get("/portal");
        assertThat(bob.post("/portal/jobs/" + number + "/comments", Map.of("comment", "hello")).statusCode()).isEqualTo(404);
        assertThat(bob.post("/portal/jobs/" + number + "/cancel", Map.of()).statusCode()).isEqualTo(404);
        assertThat(bob.postMultipart("/portal/jobs/" + number + "/files", Map.of(), List.of(photo("x.png"))).statusCode())
                .isEqualTo(404);
        assertThat(bob.get("/portal/jobs/" + number + "/activity").statusCode()).isEqualTo(404);
        assertThat(bob.getBytes("/portal/jobs/" + number + "/files/" + fileId).statusCode()).isEqualTo(404);
        assertThat(bob.get("/backoffice/jobs/" + number + "/files/" + fileId).statusCode()).isEqualTo(403);
        assertThat(status(number)).isEqualTo("Open");
        assertThat(count("SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = " + number)).isZero();
        assertThat(count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number)).isEqualTo(1);
    }

    @Test
    void filesAreServedAsWhatTheyAreOnlyToThoseWhoMaySeeTheJob() {
        int number = reported(file("gauge.png", "image/png", Samples.png()), file("report.pdf", "image/png", Samples.pdf()));
        UUID png = uuid("SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number
                + " AND a.file_name = 'gauge.png'");
        UUID pdf = uuid("SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number
                + " AND a.file_name = 'report.pdf'");

        HttpResponse<byte[]> image = alice.getBytes("/portal/jobs/" + number + "/files/" + png);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(Samples.png());
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("inline;"));
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(image.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).startsWith("sandbox"));

        HttpResponse<byte[]> document = alice.getBytes("/portal/jobs/" + number + "/files/" + pdf);
        assertThat(document.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(document.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");

        HttpResponse<byte[]> backOffice = planner.getBytes("/backoffice/jobs/" + number + "/files/" + pdf);
        assertThat(backOffice.statusCode()).isEqualTo(200);
        assertThat(backOffice.body()).isEqualTo(Samples.pdf());

        // a file is reached only through its own job
        int other = reported();
        assertThat(alice.getBytes("/portal/jobs/" + other + "/files/" + png).statusCode()).isEqualTo(404);
        assertThat(planner.getBytes("/backoffice/jobs/" + other + "/files/" + png).statusCode()).isEqualTo(404);
        assertThat(alice.getBytes("/portal/jobs/" + number + "/files/not-a-guid").statusCode()).isEqualTo(404);
    }

    /** A download is read and written a part at a time: every byte arrives, whatever side of a part's end. */
    @Test
    void aFileIsDownloadedWholeAcrossItsPartsToEitherSide() {
        int part = JobActionsHandler.FILE_PART_BYTES;
        int[] sizes = {part - 1, part, part + 1, 2 * part + part / 2, 10 * 1000 * 1000};
        for (int size : sizes) {
            byte[] bytes = Samples.pngOfSize(size);
            for (int i = Samples.png().length; i < size; i++) {
                bytes[i] = (byte) (i * 31 + i / part); // no two parts alike: a part read twice or skipped shows
            }
            int number = reported(file("big-" + size + ".png", "image/png", bytes));
            UUID id = uuid("SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number);

            HttpResponse<byte[]> customer = alice.getBytes("/portal/jobs/" + number + "/files/" + id);
            assertThat(customer.statusCode()).as("size %d", size).isEqualTo(200);
            assertThat(customer.body()).as("size %d", size).hasSize(size).isEqualTo(bytes);
            HttpResponse<byte[]> backOffice = planner.getBytes("/backoffice/jobs/" + number + "/files/" + id);
            assertThat(backOffice.body()).as("size %d", size).isEqualTo(bytes);
            HttpResponse<String> head = alice.send(HttpRequest.newBuilder(URI.create(portal.url("/portal/jobs/" + number + "/files/" + id)))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).as("HEAD, size %d", size).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(head.body()).isEmpty();
        }
        assertThat(text("SELECT attstorage FROM pg_attribute WHERE attrelid = 'job_attachment'::regclass AND attname = 'bytes'"))
                .as("stored out of line, uncompressed: a part reads only its own chunks").isEqualTo("e");
    }

    /** A browser that stops reading a large file (a page left, a download cancelled) is no incident. */
    @Test
    void aDownloadTheBrowserStopsReadingIsLoggedAsSuchNotAsAnIncident() throws Exception {
        byte[] bytes = Samples.pngOfSize((int) Upload.MAX_BYTES);
        int number = reported(file("huge.png", "image/png", bytes));
        UUID id = uuid("SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.list = new CopyOnWriteArrayList<>(); // the server's threads append while the test reads
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            HttpResponse<InputStream> download = alice.getStream("/portal/jobs/" + number + "/files/" + id);
            assertThat(download.statusCode()).isEqualTo(200);
            try (InputStream body = download.body()) {
                assertThat(body.readNBytes(1000)).hasSize(1000);
            }
            // the server is done with the request once it has logged its access line
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (log.list.stream().noneMatch(e -> e.getLoggerName().equals("access") && e.getFormattedMessage().contains("/files/"))) {
                assertThat(System.nanoTime()).as("the download's access line").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).isEmpty();
            assertThat(log.list).anyMatch(e -> e.getFormattedMessage().equals("file " + id + " not sent whole: the client closed the connection"));
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void filesAddedLaterFollowTheSameRulesAndAJobHoldsAtMostTwenty() {
        int number = reported(photo("first.png"));
        alice.get("/portal");
        HttpResponse<String> added = alice.postMultipart("/portal/jobs/" + number + "/files", Map.of(),
                List.of(file("later.jpg", "image/jpeg", Samples.jpeg()), file("later.pdf", "application/pdf", Samples.pdf())));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).contains("/portal/jobs/" + number + "?actions=files-added#job-customer-actions");

        HttpResponse<String> impostor = alice.postMultipart("/portal/jobs/" + number + "/files", Map.of(),
                List.of(photo("ok.png"), file("virus.jpg", "image/jpeg", "MZ this is not a photo".getBytes())));
        assertThat(impostor.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(impostor.body()).select("#job-files-error").text()).contains("virus.jpg");
        assertThat(Jsoup.parse(impostor.body()).select("input#job-files").attr("aria-describedby")).isEqualTo("job-files-error");

        HttpResponse<String> none = alice.postMultipart("/portal/jobs/" + number + "/files", Map.of(), List.of());
        assertThat(none.statusCode()).isEqualTo(422);

        portal.jdbi().useHandle(h -> h.execute("""
                INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes)
                SELECT j.id, 'filler-' || n || '.png', 'image/png', 1, '\\x89'::bytea FROM jobs j, generate_series(1, 16) n
                 WHERE j.id2 = ?""", number));
        HttpResponse<String> full = alice.postMultipart("/portal/jobs/" + number + "/files", Map.of(),
                List.of(photo("a.png"), photo("b.png")));
        assertThat(full.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(full.body()).select("#job-files-error").text()).isEqualTo("A work order holds at most 20 files: 1 more fit.");
        assertThat(count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number)).isEqualTo(19);
    }

    @Test
    void aCustomerCancelsWhileOpenAndTheHistorySaysWhoThenCommentsForThirtyDaysOnly() {
        int number = reported();
        alice.get("/portal");
        HttpResponse<String> cancel = alice.post("/portal/jobs/" + number + "/cancel", Map.of());
        assertThat(cancel.statusCode()).isEqualTo(303);
        assertThat(cancel.headers().firstValue("Location")).contains("/portal/jobs/" + number + "?actions=canceled#job-customer-actions");
        assertThat(status(number)).isEqualTo("Canceled");
        assertThat(text("""
                SELECT a.username FROM job_history h JOIN jobs j ON j.id = h.job_id JOIN account a ON a.id = h.account_id
                 WHERE j.id2 = %d AND h.kind = 'status' ORDER BY h.id DESC LIMIT 1""".formatted(number)))
                .isEqualTo("alice@acme.demo.test");

        HttpResponse<String> again = alice.post("/portal/jobs/" + number + "/cancel", Map.of());
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(again.body()).select("#actions-refused").text()).startsWith("This work order can no longer be canceled");

        // closed 30 days ago (on the business calendar): still takes what she has to add
        closedDaysAgo(number, 30);
        Document closed = Jsoup.parse(alice.get("/portal/jobs/" + number).body());
        assertThat(closed.select("#actions-closed").text()).isEqualTo(
                "This work order is closed. For 30 days after it closed, you may still add comments and files.");
        assertThat(closed.select("#comment-form, #files-form")).hasSize(2);
        assertThat(comment(alice, number, "Thanks, all good now.").statusCode()).isEqualTo(303);

        // 31 days: the forms make way for whom to call, and what is sent anyway is refused, nothing saved
        closedDaysAgo(number, 31);
        Document tooLate = Jsoup.parse(alice.get("/portal/jobs/" + number).body());
        assertThat(tooLate.select("#comment-form, #files-form, #cancel-form")).isEmpty();
        assertThat(tooLate.select("#actions-call").text()).isEqualTo("This work order closed more than 30 days ago and takes "
                + "no more comments or files. To talk about it, please call our service team.");
        HttpResponse<String> late = comment(alice, number, "Still there?");
        assertThat(late.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(late.body());
        assertThat(page.select("#actions-refused").text()).isEqualTo("This work order closed too long ago: it takes no more comments or files.");
        assertThat(page.select("#comment-form, #files-form, #cancel-form")).isEmpty();
        HttpResponse<String> lateFiles = alice.postMultipart("/portal/jobs/" + number + "/files", Map.of(), List.of(photo("late.png")));
        assertThat(lateFiles.statusCode()).isEqualTo(422);
        assertThat(count("SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = " + number)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number)).isZero();
    }

    @Test
    void withoutASupportPhoneTheReportFormLeavesTheEmergencyLineOut() {
        Document form = Jsoup.parse(alice.get("/portal/report").body());
        assertThat(form.select("#job_priority_id")).hasSize(1);
        assertThat(form.select("#job_priority_id-hint")).isEmpty();
        assertThat(form.select("#job_priority_id").hasAttr("aria-describedby")).isFalse();
        assertThat(form.text()).doesNotContain("emergency");
    }

    @Test
    void twoUploadsAtOnceNeverPassTheLimitPerWorkOrder() throws Exception {
        int number = reported();
        portal.jdbi().useHandle(h -> h.execute("INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes)"
                + " SELECT j.id, 'page-' || n || '.pdf', 'application/pdf', 8, decode('255044462d312e34', 'hex')"
                + " FROM jobs j, generate_series(1, 16) n WHERE j.id2 = ?", number));
        alice.get("/portal/jobs/" + number);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<HttpResponse<String>> a;
            java.util.concurrent.Future<HttpResponse<String>> b;
            // both get into their transactions and queue at the work order's row; released, they race
            try (HeldLock row = HeldLock.take(portal.jdbi(), "SELECT id FROM jobs WHERE id2 = " + number + " FOR NO KEY UPDATE")) {
                a = pool.submit(() -> alice.postMultipart("/portal/jobs/" + number + "/files", Map.of(),
                        List.of(photo("a1.png"), photo("a2.png"), photo("a3.png"))));
                b = pool.submit(() -> alice.postMultipart("/portal/jobs/" + number + "/files", Map.of(),
                        List.of(photo("b1.png"), photo("b2.png"), photo("b3.png"))));
                assertThat(row.awaitWaiting(2, java.time.Duration.ofSeconds(20)))
                        .allSatisfy(query -> assertThat(query).contains("FROM jobs j"));
            }
            assertThat(List.of(a.get().statusCode(), b.get().statusCode())).containsExactlyInAnyOrder(303, 422);
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number))
                .isEqualTo(19);
    }

    /** Moves the day the work order closed back this many days of the business calendar (at 10:00 that day). */
    static void closedDaysAgo(int number, int days) {
        java.time.OffsetDateTime closedOn = com.fieldservice.portal.support.TestClock.DEFAULT.today().minusDays(days)
                .atTime(10, 0).atZone(com.fieldservice.portal.support.TestClock.DEFAULT.zone()).toOffsetDateTime();
        portal.jdbi().useHandle(h -> h.execute("UPDATE jobs SET date_closed = ? WHERE id2 = ?", closedOn, number));
    }

    @Test
    void onceAPlannerMovedItOnTheCustomerCanNoLongerCancelButStillComments() {
        int number = reported();
        planner.get("/backoffice");
        assertThat(planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", "ToBePlanned")).statusCode())
                .isEqualTo(303);
        Document before = Jsoup.parse(alice.get("/portal/jobs/" + number + "/activity").body());
        assertThat(before.select("#cancel-form")).isEmpty();

        alice.get("/portal");
        HttpResponse<String> cancel = alice.post("/portal/jobs/" + number + "/cancel", Map.of());
        assertThat(cancel.statusCode()).isEqualTo(422);
        assertThat(status(number)).isEqualTo("ToBePlanned");
        assertThat(comment(alice, number, "When will you come?").statusCode()).isEqualTo(303);
    }

    @Test
    void aContactWhoSeesOnlyTheirOwnRequestsCantActOnAColleaguesJob() {
        int number = reported(photo("alice.png"));
        TestAccounts.customer(portal.jdbi(), "ACME", "own@acme.actions.test");
        portal.jdbi().useHandle(h -> h.execute("""
                UPDATE contact SET portal_scope = 'own_requests'
                 WHERE id = (SELECT contact_id FROM account WHERE username = 'own@acme.actions.test')"""));
        WebSession own = portal.signedIn("own@acme.actions.test");
        UUID fileId = uuid("SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number);
        assertThat(own.get("/portal/jobs/" + number + "/activity").statusCode()).isEqualTo(404);
        assertThat(own.getBytes("/portal/jobs/" + number + "/files/" + fileId).statusCode()).isEqualTo(404);
        assertThat(comment(own, number, "not mine").statusCode()).isEqualTo(404);
        assertThat(own.postMultipart("/portal/jobs/" + number + "/files", Map.of(), List.of(photo("mine.png")))
                .statusCode()).isEqualTo(404);
        assertThat(own.post("/portal/jobs/" + number + "/cancel", Map.of()).statusCode()).isEqualTo(404);
        assertThat(own.get("/portal/report/done/" + number).statusCode()).isEqualTo(404);
        assertThat(status(number)).isEqualTo("Open");
        assertThat(count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number))
                .isEqualTo(1);
    }
}
