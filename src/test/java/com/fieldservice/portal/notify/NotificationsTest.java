package com.fieldservice.portal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.planning.ICalendarTest;
import com.fieldservice.portal.support.AcmeReports;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestMail;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the portal sends, to whom, through a real SMTP server: the reporter hears that their
 * report was received, of the service team's replies (never of an internal note), of visits and
 * of the work order's completion; the back office's mailbox hears of new reports and customer
 * comments; colleagues and planners only of what they asked for. Nothing internal is ever in a
 * customer's message, and every message can be turned off with one click.
 */
class NotificationsTest {

    static final String ALICE = "alice@acme.demo.test";
    static final String PLANNER = "planner@notify.test";
    static final List<String> SENTINELS = List.of("SENTINEL-MEMO", "SENTINEL-PREJOB", "SENTINEL-QTYREMARK",
            "SENTINEL-RBO-JOB", "SENTINEL-NOTE");

    static TestMail mail;
    static TestPortal portal;
    static WebSession alice;
    static WebSession planner;
    static AcmeReports reports;

    @BeforeAll
    static void start() {
        mail = TestMail.start();
        portal = TestPortal.start(mail.portalEnvironment());
        DemoData.fillIfEmpty(portal.jdbi(), 100);
        alice = portal.visitor();
        assertThat(alice.signIn(ALICE, DemoData.DEMO_PASSWORD).statusCode()).isEqualTo(303);
        TestAccounts.staff(portal.jdbi(), PLANNER, "planner");
        planner = portal.signedIn(PLANNER);
        reports = new AcmeReports(portal.jdbi(), alice);
    }

    @AfterAll
    static void stop() {
        portal.close();
        mail.close();
    }

    static int report(String reference, String description) {
        return reports.report(Map.of("description", description, "customer_reference", reference), List.of());
    }

    static void reply(int number, String comment, String visibility) {
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/comments",
                Map.of("comment", comment, "visibility", visibility)).statusCode()).isEqualTo(303);
    }

    static void status(int number, String... path) {
        for (String to : path) {
            planner.get("/backoffice/jobs/" + number);
            assertThat(planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", to)).statusCode())
                    .as("to " + to).isEqualTo(303);
        }
    }

    static int count(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    static String everything(MimeMessage message) {
        try {
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            message.writeTo(raw);
            return raw.toString(java.nio.charset.StandardCharsets.UTF_8) + TestMail.part(message, "text/plain")
                    + TestMail.part(message, "text/html");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aliceHearsHerReportWasReceivedAndTheBackOfficeOfTheNewReport() {
        int number = report("PO-<MAIL>-1", "The boiler <b>leaks</b> & smells.");
        MimeMessage received = mail.await(ALICE, "work order " + number);
        assertThat(TestMail.subject(received)).isEqualTo("We received your report – work order " + number);
        String text = TestMail.part(received, "text/plain");
        assertThat(text).contains("Hello Alice", "work order " + number, "Your reference: PO-<MAIL>-1",
                portal.url("/portal/jobs/" + number), portal.url("/track"));
        String html = TestMail.part(received, "text/html");
        assertThat(html).contains("PO-&lt;MAIL&gt;-1", "href=\"" + portal.url("/portal/jobs/" + number) + "\"")
                .doesNotContain("<MAIL>");
        assertThat(TestMail.header(received, "List-Unsubscribe")).startsWith("<" + portal.url("/unsubscribe?token="));
        assertThat(TestMail.header(received, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(TestMail.header(received, "From")).contains("portal@portal.test");

        MimeMessage backOffice = mail.await(TestMail.BACK_OFFICE, "New customer report – work order " + number);
        assertThat(TestMail.part(backOffice, "text/plain")).contains(portal.url("/backoffice/jobs/" + number));
        assertThat(TestMail.header(backOffice, "List-Unsubscribe")).as("a shared mailbox has no preference to change").isNull();
    }

    @Test
    void aliceReadsHerMessagesInTheLanguageSheChoseOnHerAccount() {
        alice.get("/account");
        assertThat(alice.post("/account/language", Map.of("language", "fr")).statusCode()).isEqualTo(303);
        try {
            int number = report("PO-FR-1", "La chaudière fuit.");
            MimeMessage received = mail.await(ALICE, "ordre de travail " + number);
            assertThat(TestMail.subject(received)).isEqualTo("Nous avons bien reçu votre signalement – ordre de travail " + number);
            assertThat(TestMail.subject(mail.await(TestMail.BACK_OFFICE, "work order " + number)))
                    .as("the back office's mailbox reads the portal's default language").contains("New customer report");
        } finally {
            alice.get("/account");
            assertThat(alice.post("/account/language", Map.of("language", "en")).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void theServiceTeamsReplyReachesAliceButAnInternalNoteNeverDoes() {
        int number = report("PO-REPLY", "The lift stops between floors.");
        mail.await(ALICE, "We received your report – work order " + number);
        reply(number, "SENTINEL-NOTE: the customer forgot to pay last time", "internal");
        reply(number, "We come on Monday.\nPlease leave the <door> open.", "customer");

        MimeMessage answer = mail.await(ALICE, "Work order " + number + ": a reply from the service team");
        assertThat(TestMail.part(answer, "text/plain")).contains("Pat of the service team wrote on work order " + number,
                "We come on Monday.\nPlease leave the <door> open.");
        assertThat(TestMail.part(answer, "text/html")).contains("Please leave the &lt;door&gt; open.");
        assertThat(mail.to(ALICE)).allSatisfy(m -> assertThat(everything(m)).doesNotContain("SENTINEL-NOTE"));
        assertThat(count("SELECT count(*) FROM notification WHERE params::text LIKE '%SENTINEL-NOTE%'"))
                .as("an internal note writes no message at all").isZero();
    }

    @Test
    void aReplyByStaffWithoutANameIsTheTeamsInTheReadersLanguageOnPagesAndInMail() {
        TestAccounts.staff(portal.jdbi(), "desk@notify.test", "planner");
        portal.jdbi().useHandle(h -> h.execute("UPDATE app_user SET firstname = NULL, lastname = NULL WHERE username = ?",
                "desk@notify.test"));
        WebSession desk = portal.signedIn("desk@notify.test");
        alice.get("/account");
        assertThat(alice.post("/account/language", Map.of("language", "fr")).statusCode()).isEqualTo(303);
        try {
            int number = report("PO-DESK", "La porte grince.");
            desk.get("/backoffice/jobs/" + number);
            assertThat(desk.post("/backoffice/jobs/" + number + "/comments",
                    Map.of("comment", "Nous passons lundi.", "visibility", "customer")).statusCode()).isEqualTo(303);

            assertThat(count("SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = " + number
                    + " AND c.author_name IS NULL")).as("the team's comment keeps no English label").isEqualTo(1);
            MimeMessage answer = mail.await(ALICE, "Ordre de travail " + number + " : une réponse");
            assertThat(TestMail.part(answer, "text/plain"))
                    .contains("L’équipe de service a écrit à propos de l’ordre de travail " + number, "Nous passons lundi.")
                    .doesNotContain("desk@notify.test");
            assertThat(Jsoup.parse(alice.get("/portal/jobs/" + number).body())
                    .select("#conversation-timeline .job-comment .timeline-author").text()).isEqualTo("Équipe de service");
            desk.get("/account");
            assertThat(desk.post("/account/language", Map.of("language", "nl")).statusCode()).isEqualTo(303);
            assertThat(Jsoup.parse(desk.get("/backoffice/jobs/" + number).body())
                    .select("#conversation-timeline .job-comment .timeline-author").text()).isEqualTo("Serviceteam");
        } finally {
            alice.get("/account");
            assertThat(alice.post("/account/language", Map.of("language", "en")).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void aCustomersCommentReachesTheBackOfficesMailbox() {
        int number = report("PO-COMMENT", "The heating is off.");
        alice.get("/portal/jobs/" + number);
        assertThat(alice.post("/portal/jobs/" + number + "/comments", Map.of("comment", "Any news? It is cold.")).statusCode())
                .isEqualTo(303);
        MimeMessage comment = mail.await(TestMail.BACK_OFFICE, "Work order " + number + ": a comment from the customer");
        assertThat(TestMail.part(comment, "text/plain")).contains("Alice", "Any news? It is cold.",
                portal.url("/backoffice/jobs/" + number));
    }

    @Test
    void aCompletedWorkOrderTellsAliceAndNothingInternalReachesHer() {
        int number = report("PO-DONE", "Replace the filter.");
        portal.jdbi().useHandle(h -> h.createUpdate("""
                UPDATE jobs SET internal_memo = 'SENTINEL-MEMO', prejob_information = 'SENTINEL-PREJOB',
                       estimated_quantity_remark = 'SENTINEL-QTYREMARK', reference_back_office = 'SENTINEL-RBO-JOB'
                 WHERE id2 = :n""").bind("n", number).execute());
        status(number, "ToBePlanned");
        String technician = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT code FROM app_user WHERE allow_service_app AND code IS NOT NULL ORDER BY code LIMIT 1").mapTo(String.class).one());
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits", Map.of("technician", technician,
                "start", "2030-03-12T09:00", "end", "2030-03-12T11:00", "allow_overlap", "1")).statusCode()).isEqualTo(303);
        status(number, "Planned");
        assertThat(TestMail.part(mail.await(ALICE, "Work order " + number + ": visit confirmed"), "text/plain"))
                .as("the planned visit becomes Alice's when the work order is Planned").contains("2030-03-12 09:00");
        status(number, "InProgress", "Completed");

        MimeMessage done = mail.await(ALICE, "Work order " + number + " is completed");
        assertThat(TestMail.part(done, "text/plain")).contains("The work on work order " + number + " is completed.");
        assertThat(mail.to(ALICE)).allSatisfy(m -> {
            String all = everything(m);
            SENTINELS.forEach(sentinel -> assertThat(all).doesNotContainIgnoringCase(sentinel));
        });
    }

    @Test
    void colleaguesAndPlannersHearOnlyOfWhatTheyAskedFor() {
        TestAccounts.customer(portal.jdbi(), "ACME", "carol@acme.notify.test");
        TestAccounts.staff(portal.jdbi(), "quiet.planner@notify.test", "planner");
        int before = report("PO-COLLEAGUE-1", "First report.");
        mail.await(ALICE, "work order " + before);
        mail.await(TestMail.BACK_OFFICE, "work order " + before);
        assertThat(count("SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE a.username IN ('carol@acme.notify.test', '" + PLANNER + "', 'quiet.planner@notify.test')")).isZero();

        WebSession carol = portal.signedIn("carol@acme.notify.test");
        carol.get("/account/notifications");
        assertThat(carol.post("/account/notifications", Map.of("report_received", "on", "company_jobs", "on")).statusCode())
                .isEqualTo(303);
        planner.get("/account/notifications");
        assertThat(planner.post("/account/notifications", Map.of("new_report", "on")).statusCode()).isEqualTo(303);

        int after = report("PO-COLLEAGUE-2", "Second report.");
        MimeMessage toCarol = mail.await("carol@acme.notify.test", "work order " + after);
        assertThat(TestMail.part(toCarol, "text/plain")).contains("Alice", "of your company reported a problem: work order " + after);
        mail.await(PLANNER, "New customer report – work order " + after);
        assertThat(mail.to("quiet.planner@notify.test")).isEmpty();
        assertThat(mail.to("carol@acme.notify.test")).hasSize(1);
    }

    @Test
    void oneClickUnsubscribeTurnsOffOnlyThatTopicWithoutSigningIn() {
        UUID account = portal.jdbi().withHandle(h -> h.createQuery("SELECT id FROM account WHERE username = 'bob@globex.demo.test'")
                .mapTo(UUID.class).one());
        portal.jdbi().useTransaction(h -> {
            UUID job = h.createQuery("""
                    SELECT j.id FROM jobs j JOIN contact c ON c.id = j.requested_by_contact_id
                      JOIN account a ON a.contact_id = c.id WHERE a.id = :a ORDER BY j.id2 LIMIT 1""")
                    .bind("a", account).mapTo(UUID.class).one();
            Notifications.statusChanged(h, job, "InProgress", "Completed");
        });
        MimeMessage done = mail.await("bob@globex.demo.test", "is completed");
        String link = TestMail.header(done, "List-Unsubscribe").replaceAll("^<|>$", "");
        assertThat(link).startsWith(portal.url("/unsubscribe?token="));
        String path = link.substring(portal.url("").length());

        WebSession stranger = portal.visitor();
        HttpResponse<String> confirm = stranger.get(path);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(confirm.body()).select("main").text()).contains("A work order completed");
        assertThat(count("SELECT count(*) FROM notification_preference WHERE account_id = '" + account + "'"))
                .as("a GET changes nothing").isZero();

        HttpResponse<String> tampered = stranger.send(HttpRequest.newBuilder(URI.create(link.replace(".job_completed.", ".reply.")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertThat(tampered.statusCode()).isEqualTo(404);

        // what a mail program does with List-Unsubscribe-Post: no page, no cookie, no CSRF token
        HttpResponse<String> oneClick = portal.send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        List<String> choices = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT topic || '=' || wanted FROM notification_preference WHERE account_id = :a").bind("a", account)
                .mapTo(String.class).list());
        assertThat(choices).containsExactly("job_completed=false");

        WebSession bob = portal.visitor();
        assertThat(bob.signIn("bob@globex.demo.test", DemoData.DEMO_PASSWORD).statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(bob.get("/account/notifications").body()).select("input[type=checkbox][checked]").eachAttr("name"))
                .containsExactly("report_received", "reply", "visit");
    }

    @Test
    void aVisitConfirmedReachesAliceWithItsTimesInTheBusinessZone() {
        int number = report("PO-VISIT", "Inspect the compressor.");
        portal.jdbi().useTransaction(h -> {
            UUID job = h.createQuery("SELECT id FROM jobs WHERE id2 = :n").bind("n", number).mapTo(UUID.class).one();
            Notifications.visitChanged(h, job, Notifications.VisitChange.CONFIRMED, new Notifications.Visit(UUID.randomUUID(), 0,
                    OffsetDateTime.parse("2026-12-15T08:00:00Z"), OffsetDateTime.parse("2026-12-15T10:30:00Z"), "Tom Technician"));
        });
        MimeMessage visit = mail.await(ALICE, "Work order " + number + ": visit confirmed");
        assertThat(TestMail.part(visit, "text/plain")).contains("Tom comes from 2026-12-15 09:00 to 2026-12-15 11:30")
                .doesNotContain("Technician");
    }

    /** The visit's calendar attachment of this message, checked as iCalendar; its text unfolded. */
    static String calendarOf(MimeMessage message, String method) {
        try {
            assertThat(message.isMimeType("multipart/mixed")).as("a message with an attachment").isTrue();
            assertThat(TestMail.part(message, "text/plain")).isNotBlank();
            assertThat(TestMail.part(message, "text/html")).isNotBlank();
            jakarta.mail.Part part = TestMail.attachment(message, "text/calendar");
            assertThat(part).as("a text/calendar part").isNotNull();
            assertThat(part.getContentType()).contains("method=" + method);
            assertThat(part.getDisposition()).isEqualTo(jakarta.mail.Part.ATTACHMENT);
            assertThat(part.getFileName()).endsWith(".ics");
            String ics = TestMail.text(part);
            ICalendarTest.assertWellFormed(ics);
            assertThat(ics).contains("\r\nMETHOD:" + method + "\r\n");
            return ICalendarTest.unfold(ics);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String line(String ics, String name) {
        return ics.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow(() -> new AssertionError(name + " in " + ics));
    }

    @Test
    void visitEmailsCarryTheVisitForAlicesCalendarWhichTheyUpdateAndCancel() {
        int number = report("PO-ICS", "Service the heat pump.");
        status(number, "ToBePlanned");
        String technician = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT code FROM app_user WHERE allow_service_app AND code IS NOT NULL ORDER BY code LIMIT 1").mapTo(String.class).one());
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits", Map.of("technician", technician,
                "start", "2030-04-08T09:00", "end", "2030-04-08T11:00", "allow_overlap", "1")).statusCode()).isEqualTo(303);
        status(number, "Planned");
        String first = calendarOf(mail.await(ALICE, "Work order " + number + ": visit confirmed"), "REQUEST");
        assertThat(first).contains("DTSTART;TZID=Europe/Brussels:20300408T090000\r\n", "SEQUENCE:0\r\n",
                "SUMMARY:Visit for work order " + number);

        // a second visit, confirmed at once; then moved, then cancelled: always the same event
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits", Map.of("technician", technician,
                "start", "2030-04-09T13:00", "end", "2030-04-09T15:00", "allow_overlap", "1")).statusCode()).isEqualTo(303);
        UUID second = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT pl.id FROM job_planning pl JOIN jobs j ON j.id = pl.job_id
                 WHERE j.id2 = :n AND pl.date_start = '2030-04-09T13:00+02'""").bind("n", number).mapTo(UUID.class).one());
        String confirmed = calendarOf(awaitWith(number, "visit confirmed", "20300409T130000"), "REQUEST");
        String uid = line(confirmed, "UID");
        assertThat(uid).isEqualTo("UID:" + second + "@work-order-portal").isNotEqualTo(line(first, "UID"));
        assertThat(confirmed).contains("SEQUENCE:0\r\n");

        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits/" + second, Map.of("technician", technician,
                "start", "2030-04-10T13:00", "end", "2030-04-10T14:00", "allow_overlap", "1")).statusCode()).isEqualTo(303);
        String moved = calendarOf(mail.await(ALICE, "Work order " + number + ": visit moved"), "REQUEST");
        assertThat(line(moved, "UID")).isEqualTo(uid);
        assertThat(moved).contains("SEQUENCE:1\r\n", "DTSTART;TZID=Europe/Brussels:20300410T130000\r\n");

        // Alice's "Add to my calendar" is that same event, as it is now
        alice.get("/portal/jobs/" + number);
        HttpResponse<String> download = alice.get("/portal/jobs/" + number + "/visits/2/calendar.ics");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(ICalendarTest.unfold(download.body())).contains(uid + "\r\nSEQUENCE:1\r\n");

        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits/" + second + "/delete", Map.of()).statusCode())
                .isEqualTo(303);
        String cancelled = calendarOf(mail.await(ALICE, "Work order " + number + ": visit cancelled"), "CANCEL");
        assertThat(line(cancelled, "UID")).isEqualTo(uid);
        assertThat(cancelled).as("the removed visit, as it was, one revision later")
                .contains("SEQUENCE:2\r\n", "STATUS:CANCELLED\r\n", "DTSTART;TZID=Europe/Brussels:20300410T130000\r\n");
        assertThat(count("SELECT count(*) FROM notification WHERE kind LIKE 'visit_%' AND status = 'sent' AND calendar IS NULL"))
                .as("every visit message kept its attachment").isZero();
    }

    /** The message about this work order whose subject has these words and whose calendar holds this text. */
    static MimeMessage awaitWith(int number, String subject, String inCalendar) {
        for (int tries = 0; tries < 10; tries++) {
            java.util.Optional<MimeMessage> found = mail.to(ALICE).stream()
                    .filter(m -> TestMail.subject(m).equals("Work order " + number + ": " + subject))
                    .filter(m -> ICalendarTest.unfold(TestMail.text(TestMail.attachment(m, "text/calendar"))).contains(inCalendar))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            mail.awaitCount(mail.received().size() + 1);
        }
        throw new AssertionError("no " + subject + " with " + inCalendar);
    }
}
