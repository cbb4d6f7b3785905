package com.fieldservice.portal.conversation;

import static com.fieldservice.portal.customer.Samples.file;
import static com.fieldservice.portal.customer.Samples.photo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.customer.Samples;
import com.fieldservice.portal.support.AcmeReports;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conversation on a work order, from both sides: what the customer reports reaches the
 * planner (text, photo, phone), the planner answers the customer or notes for the team only,
 * and an internal entry never reaches a customer, anywhere.
 */
class ConversationTest {

    static TestPortal portal;
    static WebSession alice;
    static WebSession planner;
    static AcmeReports reports;

    @BeforeAll
    static void start() {
        ConversationParties parties = ConversationParties.start("planner@conversation.test");
        portal = parties.portal();
        alice = parties.alice();
        planner = parties.planner();
        reports = new AcmeReports(portal.jdbi(), alice);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static int count(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /** Alice reports a problem with this reference, phone (or none) and files; the new job's number. */
    static int reported(String reference, String phone, WebSession.FilePart... files) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("description", "Water drips under the boiler.",
                "customer_reference", reference));
        if (phone != null) {
            fields.put("contact_phone", phone);
        }
        return reports.report(fields, List.of(files));
    }

    static HttpResponse<String> reply(int number, String comment, String visibility) {
        planner.get("/backoffice/jobs/" + number);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("comment", comment);
        if (visibility != null) {
            fields.put("visibility", visibility);
        }
        return planner.post("/backoffice/jobs/" + number + "/comments", fields);
    }

    static HttpResponse<String> addFiles(int number, String visibility, WebSession.FilePart... files) {
        planner.get("/backoffice/jobs/" + number);
        return planner.postMultipart("/backoffice/jobs/" + number + "/files",
                visibility == null ? Map.of() : Map.of("visibility", visibility), List.of(files));
    }

    static Document page(WebSession who, String path) {
        HttpResponse<String> answer = who.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    static int entriesOf(int number) {
        return count("SELECT (SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = " + number
                + ") + (SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number
                + ") + (SELECT count(*) FROM job_history h JOIN jobs j ON j.id = h.job_id WHERE j.id2 = " + number + ")");
    }

    @Test
    void thePlannerSeesTheReportItsPhotoAndThePhoneAndTheReplyReachesTheCustomer() {
        int number = reported("CONV-1", "+32 3 555 01 00", photo("leak.png"));
        Document job = page(planner, "/backoffice/jobs/" + number);
        assertThat(job.select("#reported-phone a").attr("href")).isEqualTo("tel:+3235550100");
        assertThat(job.select("#reported-phone a").text()).isEqualTo("+32 3 555 01 00");
        assertThat(job.select("#conversation-timeline .job-comment")).as("the phone is no comment").isEmpty();
        assertThat(job.select("#conversation-timeline [data-kind=report] .timeline-report-text").text())
                .isEqualTo("Water drips under the boiler.");
        assertThat(job.select("#conversation-timeline [data-kind=report] .timeline-author").text()).isNotBlank();
        UUID photo = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = :n")
                .bind("n", number).mapTo(UUID.class).one());
        assertThat(job.select("#conversation-timeline [data-kind=file] img.timeline-thumb").attr("src"))
                .isEqualTo("/backoffice/jobs/" + number + "/files/" + photo);
        assertThat(job.select("#conversation-timeline [data-kind=status] .timeline-status").text()).isEqualTo("Status now: Received");

        HttpResponse<String> answer = reply(number, "We come on Monday.\r\nPlease leave the door open.", "customer");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location"))
                .hasValue("/backoffice/jobs/" + number + "?conversation=comment-added#conversation");
        Document after = page(planner, "/backoffice/jobs/" + number + "?conversation=comment-added");
        assertThat(after.select("#conversation-notice").text()).isEqualTo("Your message is added.");
        assertThat(after.select("#conversation-timeline .job-comment .timeline-author").text()).isEqualTo("Pat Planner");

        Document customer = page(alice, "/portal/jobs/" + number);
        assertThat(customer.select("#conversation-timeline .job-comment-text").text())
                .isEqualTo("We come on Monday. Please leave the door open.");
        assertThat(customer.select("#conversation-timeline .job-comment .timeline-author").text()).isEqualTo("Service team · Pat");
        assertThat(customer.select("#conversation-timeline [data-kind=file] img.timeline-thumb").attr("src"))
                .isEqualTo("/portal/jobs/" + number + "/files/" + photo);
        assertThat(customer.html()).doesNotContain("Planner");
    }

    @Test
    void entriesOfOneMomentReadInTheOrderTheyWereWrittenOnBothSides() {
        int number = reported("CONV-MOMENT", null);
        // one moment, and rows stored in another order than they were written (their ids)
        portal.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO job_comment (id, job_id, author_name, by_customer, text, visibility, date_create) OVERRIDING SYSTEM VALUE
                    SELECT v.id, j.id, 'Alice', true, v.text, 'customer', timestamptz '2026-11-20 10:00+01'
                      FROM jobs j, (VALUES (900000003, 'third'), (900000001, 'first'), (900000002, 'second')) v(id, text)
                     WHERE j.id2 = ?""", number);
            h.execute("""
                    INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes, visibility, date_create)
                    SELECT j.id, v.name, 'application/pdf', 8, decode('255044462d312e34', 'hex'), 'customer',
                           timestamptz '2026-11-20 10:00+01'
                      FROM jobs j, (VALUES ('b-offer.pdf'), ('c-plan.pdf'), ('a-invoice.pdf')) v(name) WHERE j.id2 = ?""", number);
        });
        for (WebSession who : List.of(planner, alice)) {
            String path = (who == planner ? "/backoffice/jobs/" : "/portal/jobs/") + number;
            for (int read = 0; read < 3; read++) {
                Document page = page(who, path);
                assertThat(page.select("#conversation-timeline .job-comment-text").eachText()).as(path)
                        .containsExactly("first", "second", "third");
                assertThat(page.select("#conversation-timeline .timeline-file-link").eachText()).as(path)
                        .containsExactly("a-invoice.pdf", "b-offer.pdf", "c-plan.pdf");
            }
        }
    }

    @Test
    void aCustomersCommentReachesThePlannerUnderTheirName() {
        int number = reported("CONV-2", null);
        alice.get("/portal/jobs/" + number);
        assertThat(alice.post("/portal/jobs/" + number + "/comments", Map.of("comment", "Any news?")).statusCode())
                .isEqualTo(303);
        Document job = page(planner, "/backoffice/jobs/" + number);
        assertThat(job.select("#conversation-timeline .job-comment-text").text()).isEqualTo("Any news?");
        assertThat(job.select("#conversation-timeline .job-comment").attr("data-visibility")).isEqualTo("customer");
        assertThat(job.select("#reported-phone").text()).isEqualTo("—");
    }

    @Test
    void anInternalNoteOrFileNeverReachesTheCustomer() {
        String reference = "CONV-INTERNAL";
        int number = reported(reference, null);
        assertThat(reply(number, "NOTE-FOR-THE-TEAM-ONLY: the customer owes us", "internal").statusCode()).isEqualTo(303);
        assertThat(addFiles(number, "internal", file("team-only-quote.pdf", "application/pdf", Samples.pdf())).statusCode())
                .isEqualTo(303);
        UUID internalFile = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = :n AND a.visibility = 'internal'")
                .bind("n", number).mapTo(UUID.class).one());

        Document job = page(planner, "/backoffice/jobs/" + number);
        assertThat(job.select("#conversation-timeline [data-visibility=internal]")).hasSize(2);
        assertThat(job.select("#conversation-timeline [data-visibility=internal] .timeline-internal-mark").eachText())
                .containsOnly("internal");

        List<String> answers = new ArrayList<>();
        for (String path : List.of("/portal", "/portal/jobs/" + number, "/portal/jobs/" + number + "/activity", "/portal/jobs",
                "/portal/jobs?q=" + number, "/portal/jobs?tab=closed", "/portal/jobs.csv", "/portal/jobs.csv?tab=closed",
                "/portal/lookup?customer_reference=" + reference, "/portal/report/done/" + number, "/portal/report")) {
            HttpResponse<String> answer = alice.get(path);
            assertThat(answer.statusCode()).as(path).isIn(200, 303);
            answers.add(answer.body());
        }
        WebSession stranger = portal.visitor();
        stranger.get("/track");
        HttpResponse<String> tracked = stranger.post("/track", Map.of("number", String.valueOf(number),
                "customer_reference", reference));
        assertThat(tracked.statusCode()).isEqualTo(200);
        answers.add(tracked.body());
        UUID id = portal.jdbi().withHandle(h -> h.createQuery("SELECT id FROM jobs WHERE id2 = :n").bind("n", number)
                .mapTo(UUID.class).one());
        answers.add(portal.apiGet("/api/jobs/" + id).body());
        assertThat(answers).allSatisfy(body -> assertThat(body)
                .doesNotContain("NOTE-FOR-THE-TEAM-ONLY", "team-only-quote", internalFile.toString()));

        HttpResponse<byte[]> fetched = alice.getBytes("/portal/jobs/" + number + "/files/" + internalFile);
        assertThat(fetched.statusCode()).isEqualTo(404);
        assertThat(new String(fetched.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(planner.getBytes("/backoffice/jobs/" + number + "/files/" + internalFile).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedReplyComesBackWithWhatWasTypedAndSavesNothing() {
        int number = reported("CONV-REFUSED", null);
        int before = entriesOf(number);

        Document empty = Jsoup.parse(expect422(reply(number, "  ", "customer")));
        assertThat(empty.select("#reply-comment-error").text()).isEqualTo("Required.");
        assertThat(empty.select("#conversation-refused")).hasSize(1);
        assertThat(empty.select("#reply-visibility-customer").hasAttr("checked")).isTrue();

        Document tooLong = Jsoup.parse(expect422(reply(number, "c".repeat(4001), "internal")));
        assertThat(tooLong.select("#reply-comment-error").text()).isEqualTo("At most 4000 characters (this has 4001).");
        assertThat(tooLong.select("textarea#reply-comment").text()).hasSize(4001);
        assertThat(tooLong.select("#reply-visibility-internal").hasAttr("checked")).isTrue();

        for (String visibility : new String[] {"everyone", null}) {
            Document unknown = Jsoup.parse(expect422(reply(number, "Hello there", visibility)));
            assertThat(unknown.select("#reply-visibility-error").text()).isEqualTo("Choose who reads it.");
            assertThat(unknown.select("textarea#reply-comment").text()).isEqualTo("Hello there");
        }

        Document notAFile = Jsoup.parse(expect422(addFiles(number, "customer",
                file("photo.png", "image/png", "not an image".getBytes(StandardCharsets.UTF_8)))));
        assertThat(notAFile.select("#reply-files-error").text()).contains("photo.png");
        Document noVisibility = Jsoup.parse(expect422(addFiles(number, null, photo("leak.png"))));
        assertThat(noVisibility.select("#files-visibility-error").text()).isEqualTo("Choose who reads it.");
        assertThat(noVisibility.select("#reply-visibility-error")).as("the other form is not blamed").isEmpty();
        assertThat(noVisibility.select("#conversation-refused")).hasSize(1);
        Document tooMany = Jsoup.parse(expect422(addFiles(number, "customer", photo("1.png"), photo("2.png"), photo("3.png"),
                photo("4.png"), photo("5.png"), photo("6.png"))));
        assertThat(tooMany.select("#reply-files-error").text()).isNotBlank();
        Document none = Jsoup.parse(expect422(addFiles(number, "customer")));
        assertThat(none.select("#reply-files-error").text()).isNotBlank();

        assertThat(entriesOf(number)).isEqualTo(before);
        assertThat(reply(999_999, "Hello", "customer").statusCode()).isEqualTo(404);
    }

    static String expect422(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        return answer.body();
    }

    @Test
    void everyCommentAndFileIsInTheHistoryWithWhoAndWhen() {
        int number = reported("CONV-HISTORY", null, photo("leak.png"));
        alice.get("/portal/jobs/" + number);
        assertThat(alice.post("/portal/jobs/" + number + "/comments", Map.of("comment", "Still dripping.")).statusCode())
                .isEqualTo(303);
        assertThat(reply(number, "Ask for the parts first.", "internal").statusCode()).isEqualTo(303);
        assertThat(addFiles(number, "customer", file("quote.pdf", "application/pdf", Samples.pdf())).statusCode())
                .isEqualTo(303);

        List<Map<String, Object>> history = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT h.kind, h.changed_by, h.changes ->> 'visibility' AS visibility, h.account_id IS NOT NULL AS who_known,
                       h.changed_at > now() - interval '2 minutes' AS just_now
                  FROM job_history h JOIN jobs j ON j.id = h.job_id
                 WHERE j.id2 = :n AND h.kind IN ('comment', 'file') ORDER BY h.id""").bind("n", number).mapToMap().list());
        assertThat(history).extracting(row -> row.get("kind") + "/" + row.get("visibility") + "/" + row.get("changed_by"))
                .containsExactly("file/customer/" + history.get(0).get("changed_by"),
                        "comment/customer/" + history.get(0).get("changed_by"),
                        "comment/internal/Pat Planner", "file/customer/Pat Planner");
        assertThat(history).allSatisfy(row -> assertThat(row).containsEntry("who_known", true).containsEntry("just_now", true));
        assertThat((String) history.get(0).get("changed_by")).contains("Alice");

        Document job = page(planner, "/backoffice/jobs/" + number);
        String shown = job.select("#history").text();
        assertThat(shown).contains("Pat Planner", "comment", "file added", "Ask for the parts first.", "quote.pdf",
                "The service team only (internal)", "The customer and the service team");
    }

    // ------------------------------------------------------------------ who waits for whom

    static int dashboardAwaiting() {
        Document home = page(planner, "/backoffice");
        assertThat(home.select("#dash-awaiting-reply").attr("href")).isEqualTo("/backoffice/jobs?awaiting_reply=1");
        return Integer.parseInt(home.select("#dash-awaiting-reply .fs-3").text().replace(",", ""));
    }

    /** The grid filtered on work orders awaiting a reply: whether this one is listed, and with its mark. */
    static boolean awaitingInTheGrid(int number) {
        Document grid = page(planner, "/backoffice/jobs?awaiting_reply=1&size=100");
        assertThat(grid.select("#f-awaiting_reply").hasAttr("checked")).isTrue();
        assertThat(grid.select("#jobs tbody tr[data-number]")).allSatisfy(row ->
                assertThat(row.select(".awaiting-reply").text()).isEqualTo("awaiting reply"));
        boolean listed = !grid.select("#jobs tr[data-number=" + number + "]").isEmpty();
        Document all = page(planner, "/backoffice/jobs?q=" + number);
        assertThat(all.select("#jobs tr[data-number=" + number + "] .awaiting-reply").isEmpty()).isEqualTo(!listed);
        return listed;
    }

    static void aliceComments(int number, String text) {
        alice.get("/portal/jobs/" + number);
        assertThat(alice.post("/portal/jobs/" + number + "/comments", Map.of("comment", text)).statusCode()).isEqualTo(303);
    }

    @Test
    void aCustomersMessageAwaitsTheTeamsReplyUntilAnsweredOrMarkedRead() {
        int number = reported("WAIT-1", null, photo("leak.png"));
        int before = dashboardAwaiting();
        assertThat(awaitingInTheGrid(number)).as("a report, even with a photo, is no message awaiting a reply").isFalse();

        aliceComments(number, "Is anyone coming?");
        assertThat(dashboardAwaiting()).isEqualTo(before + 1);
        assertThat(awaitingInTheGrid(number)).isTrue();
        Document grid = page(planner, "/backoffice/jobs?awaiting_reply=1");
        assertThat(grid.select("#active-filters .filter-chip[data-filter=awaiting_reply]").text()).contains("Awaiting our reply");
        assertThat(page(planner, "/backoffice/jobs/" + number).select("#awaiting-reply #mark-read")).hasSize(1);

        assertThat(reply(number, "Checking with the technician.", "internal").statusCode()).isEqualTo(303);
        assertThat(awaitingInTheGrid(number)).as("an internal note answers nobody").isTrue();
        assertThat(reply(number, "Tomorrow morning.", "customer").statusCode()).isEqualTo(303);
        assertThat(awaitingInTheGrid(number)).isFalse();
        assertThat(dashboardAwaiting()).isEqualTo(before);
        assertThat(page(planner, "/backoffice/jobs/" + number).select("#awaiting-reply")).isEmpty();

        alice.get("/portal/jobs/" + number);
        assertThat(alice.postMultipart("/portal/jobs/" + number + "/files", Map.of(), List.of(photo("more.png"))).statusCode())
                .isEqualTo(303);
        assertThat(awaitingInTheGrid(number)).as("a file is a message too").isTrue();
        assertThat(planner.postRaw("/backoffice/jobs/" + number + "/read", Map.of()).statusCode())
                .as("without the form's token").isEqualTo(403);
        assertThat(awaitingInTheGrid(number)).isTrue();
        HttpResponse<String> read = planner.post("/backoffice/jobs/" + number + "/read", Map.of());
        assertThat(read.statusCode()).isEqualTo(303);
        assertThat(read.headers().firstValue("Location")).hasValue("/backoffice/jobs/" + number + "?conversation=marked-read#conversation");
        assertThat(awaitingInTheGrid(number)).isFalse();
        assertThat(dashboardAwaiting()).isEqualTo(before);
        Document job = page(planner, "/backoffice/jobs/" + number);
        assertThat(job.select("#history li").eachText()).anySatisfy(entry ->
                assertThat(entry).contains("Pat Planner", "customer’s message marked as read"));
        assertThat(planner.post("/backoffice/jobs/999999/read", Map.of()).statusCode()).isEqualTo(404);
    }

    /** Whether this customer's list marks the work order with a reply they haven't opened. */
    static boolean newReplyFor(WebSession who, int number) {
        Document list = page(who, "/portal/jobs");
        org.jsoup.select.Elements row = list.select("#jobs-table tbody tr:has(a[href=/portal/jobs/" + number + "])");
        assertThat(row).as("listed").hasSize(1);
        return !row.select(".new-reply").isEmpty();
    }

    @Test
    void eachContactSeesTheTeamsReplyAsNewUntilTheyOpenTheWorkOrder() {
        TestAccounts.customer(portal.jdbi(), "ACME", "carol@conversation.test");
        WebSession carol = portal.signedIn("carol@conversation.test");
        int number = reported("UNREAD-1", null);
        assertThat(reply(number, "Only for us: check the warranty.", "internal").statusCode()).isEqualTo(303);
        assertThat(newReplyFor(alice, number)).as("an internal note is no reply").isFalse();

        assertThat(reply(number, "We come on Friday.", "customer").statusCode()).isEqualTo(303);
        assertThat(newReplyFor(alice, number)).isTrue();
        assertThat(newReplyFor(carol, number)).isTrue();
        assertThat(page(alice, "/portal/jobs").select(".new-reply").first().text()).isEqualTo("New reply");

        assertThat(page(alice, "/portal/jobs/" + number).select("#conversation-timeline .job-comment-text").text())
                .isEqualTo("We come on Friday.");
        assertThat(newReplyFor(alice, number)).as("read once she opened it").isFalse();
        assertThat(newReplyFor(carol, number)).as("her colleague has not read it").isTrue();

        assertThat(addFiles(number, "customer", file("quote.pdf", "application/pdf", Samples.pdf())).statusCode()).isEqualTo(303);
        assertThat(newReplyFor(alice, number)).as("a file from the team is a reply too").isTrue();
        page(carol, "/portal/jobs/" + number);
        assertThat(newReplyFor(carol, number)).isFalse();
    }

    @Test
    void openingTheWorkOrderAgainWithNothingNewWritesNothing() {
        int number = reported("UNREAD-AGAIN", null);
        assertThat(reply(number, "We come on Monday.", "customer").statusCode()).isEqualTo(303);
        page(alice, "/portal/jobs/" + number);
        String version = readMarkVersion(number);
        page(alice, "/portal/jobs/" + number);
        page(alice, "/portal/jobs/" + number + "/activity");
        assertThat(readMarkVersion(number)).as("no new row version for a page view").isEqualTo(version);

        assertThat(reply(number, "Bring the key, please.", "customer").statusCode()).isEqualTo(303);
        assertThat(newReplyFor(alice, number)).isTrue();
        page(alice, "/portal/jobs/" + number);
        assertThat(newReplyFor(alice, number)).isFalse();
        assertThat(readMarkVersion(number)).isNotEqualTo(version);
    }

    /** The row version (xmin) of what Alice has read of this work order's replies. */
    private static String readMarkVersion(int number) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT r.xmin::text FROM job_replies_read r JOIN jobs j ON j.id = r.job_id
                  JOIN contact c ON c.id = r.contact_id WHERE j.id2 = :number AND c.email = 'alice@acme.demo.test'""")
                .bind("number", number).mapTo(String.class).one());
    }

    @Test
    void readingOnlyTheActivityPageReadsTheRepliesToo() {
        TestAccounts.customer(portal.jdbi(), "ACME", "dana@conversation.test");
        WebSession dana = portal.signedIn("dana@conversation.test");
        int number = reported("UNREAD-ACTIVITY", null);
        assertThat(reply(number, "The part is ordered.", "customer").statusCode()).isEqualTo(303);
        assertThat(newReplyFor(alice, number)).isTrue();
        assertThat(newReplyFor(dana, number)).isTrue();

        String activity = "/portal/jobs/" + number + "/activity";
        HttpResponse<String> head = alice.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal.url(activity)))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(newReplyFor(alice, number)).as("a HEAD reads nothing").isTrue();

        assertThat(page(dana, activity).select("#conversation-timeline").text()).contains("The part is ordered.");
        assertThat(newReplyFor(dana, number)).as("read on the activity page").isFalse();
        assertThat(newReplyFor(alice, number)).as("her colleague's reading is not hers").isTrue();

        assertThat(page(alice, activity).select("#conversation-timeline").text()).contains("The part is ordered.");
        assertThat(newReplyFor(alice, number)).isFalse();
    }

    @Test
    void theReportReadsAsTheCustomerWroteItAfterAPlannerEditsTheDescription() {
        int number = reported("CONV-ORIGINAL", null);
        Map<String, String> form = com.fieldservice.portal.support.FormValues.of(planner.get("/backoffice/jobs/" + number + "/edit").body());
        form.put("description", "Planner's words: leak at the pressure valve.");
        HttpResponse<String> edited = planner.post("/backoffice/jobs/" + number + "/edit", form);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
        for (Document job : List.of(page(planner, "/backoffice/jobs/" + number), page(alice, "/portal/jobs/" + number))) {
            assertThat(job.select("#conversation-timeline [data-kind=report] .timeline-report-text").text())
                    .isEqualTo("Water drips under the boiler.");
        }
    }

    // ------------------------------------------------------------------ status changes

    static void changeStatus(int number, String status) {
        planner.get("/backoffice/jobs/" + number);
        HttpResponse<String> changed = planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", status));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
    }

    /** The status entries of a side's timeline as "who: what" (who as the page names them). */
    static List<String> statusEntries(Document page) {
        return page.select("#conversation-timeline [data-kind=status]").stream()
                .map(li -> li.select(".timeline-author").text() + ": " + li.select(".timeline-status").text()).toList();
    }

    /**
     * Both sides' timelines show a status change as the customer reads it: a change between two
     * statuses the customer reads alike (To be Planned is "Received" as Open is) is in neither, only
     * in the back office's history; a change they read once, in their words. Staff are the team to
     * the customer and by name to planners.
     */
    @Test
    void aStatusChangeTheCustomerReadsAlikeIsNoEntryAndTheTeamChangesStatusWithoutAName() {
        int number = reported("STATUS-ALIKE", null);
        changeStatus(number, "ToBePlanned");
        Document customer = page(alice, "/portal/jobs/" + number);
        Document staff = page(planner, "/backoffice/jobs/" + number);
        assertThat(statusEntries(customer)).hasSize(1).allSatisfy(entry -> assertThat(entry).endsWith(": Status now: Received"));
        assertThat(statusEntries(staff)).hasSize(1).allSatisfy(entry -> assertThat(entry).endsWith(": Status now: Received"));
        assertThat(staff.select("#history").text()).as("the back office's history keeps it").contains("To be Planned");
        assertThat(staff.select("#job-status").text()).contains("To be Planned");

        changeStatus(number, "Canceled");
        List<String> customers = statusEntries(page(alice, "/portal/jobs/" + number));
        assertThat(customers).hasSize(2).last().isEqualTo("Service team: Status now: Cancelled");
        List<String> planners = statusEntries(page(planner, "/backoffice/jobs/" + number));
        assertThat(planners).hasSize(2).last().isEqualTo("Pat Planner: Status now: Cancelled");
        assertThat(page(alice, "/portal/jobs/" + number + "/activity").select("#conversation-timeline [data-kind=status]").text())
                .doesNotContain("Planner", "To be Planned");
    }

    @Test
    void theCustomersOwnCancellationReadsUnderTheirNameOnBothSides() {
        int number = reported("STATUS-OWN", null);
        alice.get("/portal/jobs/" + number);
        assertThat(alice.post("/portal/jobs/" + number + "/cancel", Map.of()).statusCode()).isEqualTo(303);
        String who = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT h.changed_by FROM job_history h JOIN jobs j ON j.id = h.job_id
                 WHERE j.id2 = :n AND h.kind = 'status' ORDER BY h.id DESC LIMIT 1""").bind("n", number).mapTo(String.class).one());
        assertThat(who).contains("Alice");
        for (Document side : List.of(page(alice, "/portal/jobs/" + number), page(planner, "/backoffice/jobs/" + number))) {
            assertThat(statusEntries(side)).hasSize(2).last().isEqualTo(who + ": Status now: Cancelled");
            assertThat(side.select("#conversation-timeline [data-kind=status]").last().hasClass("border-primary"))
                    .as("the customer's own").isTrue();
        }
    }
}
