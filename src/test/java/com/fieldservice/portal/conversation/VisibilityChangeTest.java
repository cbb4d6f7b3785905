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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A planner changes who reads a comment or a file the service team wrote, from the work order's
 * timeline: made internal, it leaves every customer page; shown to the customer, it is the team's
 * reply. Each change is in the work order's history; the customer's own entries keep theirs.
 */
class VisibilityChangeTest {

    static TestPortal portal;
    static WebSession alice;
    static WebSession planner;
    static WebSession sam;
    static AcmeReports reports;

    @BeforeAll
    static void start() {
        ConversationParties parties = ConversationParties.start("planner@visibility.test");
        portal = parties.portal();
        alice = parties.alice();
        planner = parties.planner();
        TestAccounts.staff(portal.jdbi(), "sam@visibility.test", "planner");
        portal.jdbi().useHandle(h -> h.execute("""
                UPDATE app_user SET firstname = 'Sam', lastname = 'Second' WHERE username = 'sam@visibility.test'"""));
        sam = portal.signedIn("sam@visibility.test");
        reports = new AcmeReports(portal.jdbi(), alice);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static int reported(String reference, WebSession.FilePart... files) {
        return reports.report(new LinkedHashMap<>(Map.of("description", "The heating is off.", "customer_reference", reference)),
                List.of(files));
    }

    static void write(WebSession who, int number, String comment, String visibility) {
        who.get("/backoffice/jobs/" + number);
        assertThat(who.post("/backoffice/jobs/" + number + "/comments", Map.of("comment", comment, "visibility", visibility))
                .statusCode()).isEqualTo(303);
    }

    static Document page(WebSession who, String path) {
        HttpResponse<String> answer = who.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    /** The planner's timeline entry holding this text (a comment's or a file's name). */
    static Element entry(int number, String text) {
        List<Element> found = page(planner, "/backoffice/jobs/" + number).select("#conversation-timeline > li").stream()
                .filter(li -> li.text().contains(text)).toList();
        assertThat(found).as(text).hasSize(1);
        return found.get(0);
    }

    /**
     * Presses the entry's change button as a browser would: the form it names (the page's token),
     * sent to the button's own address with the button's value.
     */
    static HttpResponse<String> pressChange(int number, String text) {
        Document page = page(planner, "/backoffice/jobs/" + number);
        Element button = page.select("#conversation-timeline > li").stream().filter(li -> li.text().contains(text))
                .map(li -> li.selectFirst("button.timeline-visibility")).findFirst().orElse(null);
        assertThat(button).as("a change button on " + text).isNotNull();
        Element form = page.getElementById(button.attr("form"));
        assertThat(form).as("the form of the change button").isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
        assertThat(fields).containsKey("_csrf");
        fields.put(button.attr("name"), button.val());
        return planner.postRaw(button.attr("formaction"), fields);
    }

    static long commentId(int number, String text) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.id FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = :n AND c.text = :t""")
                .bind("n", number).bind("t", text).mapTo(Long.class).one());
    }

    static UUID fileId(int number, String name) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT a.id FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = :n AND a.file_name = :f""")
                .bind("n", number).bind("f", name).mapTo(UUID.class).one());
    }

    static List<String> visibilityHistory(int number) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT concat_ws('/', h.changed_by, h.changes -> 'visibility' ->> 'old', h.changes -> 'visibility' ->> 'new',
                                 coalesce(h.changes ->> 'comment', h.changes ->> 'file'),
                                 (h.account_id IS NOT NULL AND h.changed_at > now() - interval '2 minutes')::text)
                  FROM job_history h JOIN jobs j ON j.id = h.job_id
                 WHERE j.id2 = :n AND h.kind = 'visibility' ORDER BY h.id""").bind("n", number).mapTo(String.class).list());
    }

    static int stored(int number) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT (SELECT count(*) FROM job_history h WHERE h.job_id = j.id)
                     + (SELECT count(*) FROM job_comment c WHERE c.job_id = j.id AND c.visibility = 'internal')
                     + (SELECT count(*) FROM job_attachment a WHERE a.job_id = j.id AND a.visibility = 'internal')
                     + (SELECT count(*) FROM notification n WHERE n.job_id = j.id)
                  FROM jobs j WHERE j.id2 = :n""").bind("n", number).mapTo(Integer.class).one());
    }

    static boolean awaitingReply(int number) {
        return portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT EXISTS (SELECT 1 FROM job_awaiting_reply ar JOIN jobs j ON j.id = ar.job_id WHERE j.id2 = :n)""")
                .bind("n", number).mapTo(Boolean.class).one());
    }

    static boolean newReplyForAlice(int number) {
        return !page(alice, "/portal/jobs").select("#jobs-table tbody tr:has(a[href=/portal/jobs/" + number + "]) .new-reply")
                .isEmpty();
    }

    @Test
    void madeInternalACommentAndAFileLeaveEveryCustomerPageAndTheHistorySaysWhoAndWhen() {
        int number = reported("VIS-INTERNAL");
        write(planner, number, "PRICE-TALK: 40% off for them", "customer");
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.postMultipart("/backoffice/jobs/" + number + "/files", Map.of("visibility", "customer"),
                List.of(file("margin-sheet.pdf", "application/pdf", Samples.pdf()))).statusCode()).isEqualTo(303);
        UUID sheet = fileId(number, "margin-sheet.pdf");
        assertThat(page(alice, "/portal/jobs/" + number).text()).contains("PRICE-TALK", "margin-sheet.pdf");
        assertThat(alice.getBytes("/portal/jobs/" + number + "/files/" + sheet).statusCode()).isEqualTo(200);

        assertThat(entry(number, "PRICE-TALK").select("button.timeline-visibility").text()).isEqualTo("Make internal");
        HttpResponse<String> changed = pressChange(number, "PRICE-TALK");
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location"))
                .hasValue("/backoffice/jobs/" + number + "?conversation=visibility-changed#conversation");
        assertThat(pressChange(number, "margin-sheet.pdf").statusCode()).isEqualTo(303);

        Document after = page(planner, "/backoffice/jobs/" + number + "?conversation=visibility-changed");
        assertThat(after.select("#conversation-notice").text()).isEqualTo("Who reads it has been changed.");
        assertThat(entry(number, "PRICE-TALK").attr("data-visibility")).isEqualTo("internal");
        assertThat(entry(number, "PRICE-TALK").select("button.timeline-visibility").text()).isEqualTo("Show to the customer");
        assertThat(entry(number, "margin-sheet.pdf").attr("data-visibility")).isEqualTo("internal");
        for (String path : List.of("/portal/jobs/" + number, "/portal/jobs/" + number + "/activity")) {
            assertThat(alice.get(path).body()).as(path).doesNotContain("PRICE-TALK", "margin-sheet", sheet.toString());
        }
        assertThat(alice.getBytes("/portal/jobs/" + number + "/files/" + sheet).statusCode()).isEqualTo(404);
        assertThat(planner.getBytes("/backoffice/jobs/" + number + "/files/" + sheet).statusCode()).isEqualTo(200);

        assertThat(visibilityHistory(number)).containsExactly(
                "Pat Planner/customer/internal/PRICE-TALK: 40% off for them/true",
                "Pat Planner/customer/internal/margin-sheet.pdf/true");
        String shown = after.select("#history").text();
        assertThat(shown).contains("visibility changed",
                "Who reads it: The customer and the service team → The service team only (internal)", "margin-sheet.pdf");
    }

    @Test
    void shownToTheCustomerANoteIsTheTeamsReplyUnderItsWritersName() {
        int number = reported("VIS-SHOWN");
        alice.get("/portal/jobs/" + number);
        assertThat(alice.post("/portal/jobs/" + number + "/comments", Map.of("comment", "Anyone there?")).statusCode())
                .isEqualTo(303);
        write(sam, number, "We come on Tuesday at nine.", "internal");
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.postMultipart("/backoffice/jobs/" + number + "/files", Map.of("visibility", "internal"),
                List.of(photo("boiler-plate.png"))).statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).isTrue();
        assertThat(newReplyForAlice(number)).isFalse();
        assertThat(page(alice, "/portal/jobs/" + number).text()).doesNotContain("Tuesday", "boiler-plate");

        assertThat(pressChange(number, "We come on Tuesday at nine.").statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).as("the customer has their answer").isFalse();
        assertThat(newReplyForAlice(number)).isTrue();
        List<Map<String, Object>> told = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT n.params ->> 'author' AS author, n.params ->> 'comment' AS comment FROM notification n
                  JOIN jobs j ON j.id = n.job_id WHERE j.id2 = :n AND n.kind = 'reply'""").bind("n", number).mapToMap().list());
        assertThat(told).isNotEmpty().allSatisfy(row -> assertThat(row)
                .containsEntry("author", "Sam").containsEntry("comment", "We come on Tuesday at nine."));

        Document customer = page(alice, "/portal/jobs/" + number);
        assertThat(customer.select("#conversation-timeline .job-comment-text").eachText()).contains("We come on Tuesday at nine.");
        assertThat(customer.select("#conversation-timeline .timeline-visibility")).as("no change form for customers").isEmpty();
        assertThat(newReplyForAlice(number)).as("read once she opened it").isFalse();

        assertThat(pressChange(number, "boiler-plate.png").statusCode()).isEqualTo(303);
        assertThat(newReplyForAlice(number)).as("a file shown is a reply too").isTrue();
        UUID plate = fileId(number, "boiler-plate.png");
        assertThat(alice.getBytes("/portal/jobs/" + number + "/files/" + plate).statusCode()).isEqualTo(200);
        assertThat(visibilityHistory(number)).containsExactly(
                "Pat Planner/internal/customer/We come on Tuesday at nine./true",
                "Pat Planner/internal/customer/boiler-plate.png/true");
    }

    @Test
    void theCustomersOwnEntriesAWrongVisibilityAndOtherWorkOrdersEntriesChangeNothing() {
        int number = reported("VIS-REFUSED", photo("their-photo.png"));
        int other = reported("VIS-OTHER");
        alice.get("/portal/jobs/" + number);
        assertThat(alice.post("/portal/jobs/" + number + "/comments", Map.of("comment", "My own words.")).statusCode())
                .isEqualTo(303);
        write(planner, number, "Team words.", "customer");
        assertThat(entry(number, "My own words.").select("button.timeline-visibility")).isEmpty();
        assertThat(entry(number, "their-photo.png").select("button.timeline-visibility")).isEmpty();
        long own = commentId(number, "My own words.");
        long team = commentId(number, "Team words.");
        UUID photo = fileId(number, "their-photo.png");
        int before = stored(number);
        planner.get("/backoffice/jobs/" + number);

        for (String path : List.of("/comments/" + own, "/files/" + photo)) {
            HttpResponse<String> refused = planner.post("/backoffice/jobs/" + number + path + "/visibility",
                    Map.of("visibility", "internal"));
            assertThat(refused.statusCode()).as(path).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select("#visibility-refused").text())
                    .isEqualTo("Who reads it was not changed. The customer’s own messages and files always stay visible to them.");
        }
        for (String visibility : new String[] {"everyone", ""}) {
            HttpResponse<String> refused = planner.post("/backoffice/jobs/" + number + "/comments/" + team + "/visibility",
                    Map.of("visibility", visibility));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select("#visibility-refused").text()).contains("Choose who reads it.");
        }
        for (String path : List.of("/backoffice/jobs/" + other + "/comments/" + team, "/backoffice/jobs/" + other + "/files/" + photo,
                "/backoffice/jobs/" + number + "/comments/999999999", "/backoffice/jobs/" + number + "/comments/x",
                "/backoffice/jobs/" + number + "/files/" + UUID.randomUUID(), "/backoffice/jobs/" + number + "/files/not-an-id",
                "/backoffice/jobs/999999/comments/" + team)) {
            assertThat(planner.post(path + "/visibility", Map.of("visibility", "internal")).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(planner.postRaw("/backoffice/jobs/" + number + "/comments/" + team + "/visibility",
                Map.of("visibility", "internal")).statusCode()).as("without the form's token").isEqualTo(403);
        assertThat(stored(number)).as("nothing saved").isEqualTo(before);
        assertThat(page(alice, "/portal/jobs/" + number).text()).contains("Team words.", "My own words.");

        HttpResponse<String> same = planner.post("/backoffice/jobs/" + number + "/comments/" + team + "/visibility",
                Map.of("visibility", "customer"));
        assertThat(same.statusCode()).as("already so: nothing to change").isEqualTo(303);
        assertThat(stored(number)).isEqualTo(before);
    }

    static void aliceWrites(int number, String comment) {
        alice.get("/portal/jobs/" + number);
        assertThat(alice.post("/portal/jobs/" + number + "/comments", Map.of("comment", comment)).statusCode()).isEqualTo(303);
    }

    @Test
    void madeInternalTheOnlyAnswerSinceTheCustomersMessageTheWorkOrderAwaitsAReplyAgain() {
        int number = reported("VIS-TAKEN-BACK", photo("leak.png"));
        write(planner, number, "We have your photo.", "customer");
        assertThat(pressChange(number, "We have your photo.").statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).as("the report, even with a photo, is no message awaiting a reply").isFalse();

        aliceWrites(number, "Is it repaired?");
        write(planner, number, "Yes, since this morning.", "customer");
        assertThat(awaitingReply(number)).isFalse();

        assertThat(pressChange(number, "Yes, since this morning.").statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).as("her question has no answer she can read any more").isTrue();
        boolean sinceHerQuestion = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT ar.since = c.date_create FROM job_awaiting_reply ar JOIN jobs j ON j.id = ar.job_id
                  JOIN job_comment c ON c.job_id = j.id AND c.text = 'Is it repaired?' WHERE j.id2 = :n""")
                .bind("n", number).mapTo(Boolean.class).one());
        assertThat(sinceHerQuestion).as("it awaits since her question, not since the answer was taken back").isTrue();

        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.postMultipart("/backoffice/jobs/" + number + "/files", Map.of("visibility", "customer"),
                List.of(file("repair-report.pdf", "application/pdf", Samples.pdf()))).statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).as("a file shown is an answer").isFalse();
        assertThat(pressChange(number, "repair-report.pdf").statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).as("and taken back, no more").isTrue();
    }

    @Test
    void madeInternalAnAnswerWhileAnotherAnswerAfterTheCustomersMessageRemainsTheWorkOrderAwaitsNothing() {
        int number = reported("VIS-ANOTHER-ANSWER");
        aliceWrites(number, "When do you come?");
        write(planner, number, "Next week.", "customer");
        aliceWrites(number, "Which day?");
        write(planner, number, "On Tuesday.", "customer");
        write(sam, number, "Around nine.", "customer");
        assertThat(awaitingReply(number)).isFalse();

        assertThat(pressChange(number, "Around nine.").statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).as("\"On Tuesday.\" still answers her").isFalse();
        assertThat(pressChange(number, "On Tuesday.").statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).as("\"Next week.\" came before her last question").isTrue();
        write(planner, number, "Tuesday at nine.", "customer");
        assertThat(awaitingReply(number)).isFalse();

        aliceWrites(number, "Thanks, see you then.");
        assertThat(planner.post("/backoffice/jobs/" + number + "/read", Map.of()).statusCode()).isEqualTo(303);
        assertThat(pressChange(number, "Tuesday at nine.").statusCode()).isEqualTo(303);
        assertThat(awaitingReply(number)).as("a planner marked her last message read").isFalse();
    }
}
