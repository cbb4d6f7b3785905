package com.fieldservice.portal.customer;

import static com.fieldservice.portal.customer.Samples.file;
import static com.fieldservice.portal.customer.Samples.photo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.HeldLock;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reporting a problem over HTTP, as the form posts it (multipart, with its CSRF and one-time tokens). */
class ReportTest {

    static TestPortal portal;
    static WebSession alice;
    static WebSession bob;
    static UUID acme;
    static UUID aliceContact;
    static UUID acmeInstallation;
    static String acmeInstallationName;
    static UUID acmeMobile;
    static UUID globexInstallation;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 200);
        alice = signIn("alice@acme.demo.test");
        bob = signIn("bob@globex.demo.test");
        acme = uuid("SELECT id FROM company WHERE code = 'ACME'");
        aliceContact = uuid("SELECT contact_id FROM account WHERE username = 'alice@acme.demo.test'");
        acmeInstallation = uuid(openInstallation("ACME", false));
        acmeInstallationName = text("SELECT name FROM project WHERE id = '" + acmeInstallation + "'");
        acmeMobile = uuid(openInstallation("ACME", true));
        globexInstallation = uuid(openInstallation("GLOBEX", false));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static WebSession signIn(String username) {
        WebSession session = portal.visitor();
        assertThat(session.signIn(username, DemoData.DEMO_PASSWORD).statusCode()).isEqualTo(303);
        return session;
    }

    static String openInstallation(String company, boolean mobile) {
        return """
                SELECT p.id FROM project p JOIN company c ON c.id = p.company_id
                  LEFT JOIN project_status ps ON ps.id = p.project_status_id
                 WHERE c.code = '%s' AND p.is_mobile_installation = %s AND NOT coalesce(ps.is_closed, false)
                 ORDER BY p.id2 LIMIT 1""".formatted(company, mobile);
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

    static int jobs() {
        return count("SELECT count(*) FROM jobs");
    }

    /** Opens the form (as a browser does: a fresh one-time token) and returns its token. */
    static String freshForm(WebSession who) {
        HttpResponse<String> form = who.get("/portal/report");
        assertThat(form.statusCode()).isEqualTo(200);
        return Jsoup.parse(form.body()).select("input[name=submission]").val();
    }

    static Map<String, String> valid(String... more) {
        Map<String, String> fields = new HashMap<>();
        fields.put("submission", freshForm(alice));
        fields.put("project_id", acmeInstallation.toString());
        fields.put("description", "Water drips under the boiler.\nThe pressure gauge shows 0.5 bar.");
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields;
    }

    static HttpResponse<String> report(WebSession who, Map<String, String> fields, WebSession.FilePart... files) {
        return who.postMultipart("/portal/report", fields, List.of(files));
    }

    static int numberFrom(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/portal/report/done/");
        return Integer.parseInt(location.substring("/portal/report/done/".length()));
    }

    static void assertNothingSavedAfter(int jobsBefore, int filesBefore) {
        assertThat(jobs()).isEqualTo(jobsBefore);
        assertThat(count("SELECT count(*) FROM job_attachment")).isEqualTo(filesBefore);
    }

    @Test
    void aValidReportCreatesAnOpenJobRequestedByTheCustomerAndConfirmsItsNumber() {
        HttpResponse<String> answer = report(alice, valid("customer_reference", "PO-2026-17",
                "earliest_date_plannable", "2030-05-04", "contact_phone", "+32 3 555 01 00"));
        int number = numberFrom(answer);

        Map<String, Object> job = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT s.code AS status, j.requested_by_company_id, j.requested_by_contact_id, j.company_id,
                       j.date_reported_by_company > now() - interval '2 minutes' AS reported_just_now, t.is_default AS default_type, j.name, j.description,
                       j.customer_reference, to_char(j.earliest_date_plannable, 'YYYY-MM-DD') AS earliest,
                       pr.code AS priority, j.db_address_phone, j.contact_phone, j.internal_memo, j.prejob_information
                  FROM jobs j JOIN job_status s ON s.id = j.job_status_id JOIN job_type t ON t.id = j.job_type_id
                  LEFT JOIN job_priority pr ON pr.id = j.job_priority_id
                 WHERE j.id2 = :n""").bind("n", number).mapToMap().one());
        assertThat(job.get("status")).isEqualTo("Open");
        assertThat(job.get("requested_by_company_id")).isEqualTo(acme);
        assertThat(job.get("company_id")).isEqualTo(acme);
        assertThat(job.get("requested_by_contact_id")).isEqualTo(aliceContact);
        assertThat(job.get("reported_just_now")).isEqualTo(true);
        assertThat(job.get("default_type")).isEqualTo(true);
        assertThat(job.get("name")).isEqualTo(acmeInstallationName + " – Water drips under the boiler.");
        assertThat(job.get("description")).isEqualTo("Water drips under the boiler.\nThe pressure gauge shows 0.5 bar.");
        assertThat(job.get("customer_reference")).isEqualTo("PO-2026-17");
        assertThat(job.get("earliest")).isEqualTo("2030-05-04");
        assertThat(job.get("priority")).as("the default urgency when none is chosen").isEqualTo("NORMAL");
        // the phone of a fixed installation's job: the work order's contact phone, not a comment
        assertThat(job.get("contact_phone")).isEqualTo("+32 3 555 01 00");
        assertThat(job.get("db_address_phone")).isNull();
        assertThat(job.get("internal_memo")).isNull();
        assertThat(job.get("prejob_information")).isNull();
        assertThat(count("SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = " + number))
                .isZero();
        assertThat(text("SELECT changed_by FROM job_history h JOIN jobs j ON j.id = h.job_id WHERE j.id2 = " + number))
                .isNotBlank();

        Document done = Jsoup.parse(alice.get("/portal/report/done/" + number).body());
        assertThat(done.select("#job-number").text()).isEqualTo("#" + number);
        assertThat(done.select("#follow-job").attr("href")).isEqualTo("/portal/jobs/" + number);
        assertThat(bob.get("/portal/report/done/" + number).statusCode()).isEqualTo(404);
    }

    @Test
    void theFormListsOnlyTheCompanysOpenInstallationsAndTheUrgenciesACustomerMayChoose() {
        Document form = Jsoup.parse(alice.get("/portal/report").body());
        assertThat(form.select("form#report-form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("input[name=_csrf]").val()).isNotBlank();
        assertThat(form.select("input[name=submission]").val()).hasSizeGreaterThan(30);
        assertThat(form.select("textarea[name=description]").attr("maxlength")).isEqualTo("4000");
        assertThat(form.select("textarea[name=description]").hasAttr("required")).isTrue();
        assertThat(form.select("input[name=customer_reference]").attr("maxlength")).isEqualTo("50");
        assertThat(form.select("input[name=db_address_street]").attr("maxlength")).isEqualTo("50");
        assertThat(form.select("select[name=job_priority_id] option")).extracting(e -> e.text())
                .containsExactly("High", "Normal", "Low");
        assertThat(form.select("select[name=job_priority_id] option[selected]").text()).isEqualTo("Normal");
        assertThat(form.select("label[for]")).allSatisfy(label ->
                assertThat(form.getElementById(label.attr("for"))).as(label.text()).isNotNull());
        assertThat(form.html()).doesNotContain("style=", "<script>");

        // installations: a select for a few, a search otherwise; never another company's, never a closed one
        String offered = form.select("[name=project_id]").outerHtml();
        assertThat(offered).doesNotContain(globexInstallation.toString());
        int acmeOpen = count("""
                SELECT count(*) FROM project p JOIN company c ON c.id = p.company_id
                  LEFT JOIN project_status ps ON ps.id = p.project_status_id
                 WHERE c.code = 'ACME' AND NOT p.is_mobile_installation AND NOT coalesce(ps.is_closed, false)""");
        if (acmeOpen <= ReportService.SELECT_AT_MOST) {
            assertThat(form.select("select#project_id option[value~=^[0-9a-f-]{36}$]")).hasSize(acmeOpen);
        } else {
            assertThat(form.select("input#q")).hasSize(1);
        }
        // a mobile installation is one more choice of the same control, not a second one
        assertThat(form.select("[name=project_id] optgroup option, input[name=project_id]").eachAttr("value"))
                .contains(acmeMobile.toString());
        assertThat(form.select("[name=mobile_project_id]")).isEmpty();
    }

    @Test
    void theInstallationSearchFindsByNameSerialOrLocationWithinTheCompanyOnly() {
        // enough installations to search instead of listing them
        portal.jdbi().useHandle(h -> h.execute("""
                INSERT INTO project (company_id, db_address_id, name, serial_number, location)
                SELECT c.id, c.db_address_id, 'Search pump ' || n, 'SRCH-' || n, 'Cellar ' || n
                  FROM company c, generate_series(1, 60) n WHERE c.code = 'ACME'"""));
        portal.jdbi().useHandle(h -> h.execute("""
                INSERT INTO project (company_id, db_address_id, name, serial_number, project_status_id)
                SELECT c.id, c.db_address_id, 'Search pump removed', 'SRCH-GONE', ps.id
                  FROM company c, project_status ps WHERE c.code = 'ACME' AND ps.code = 'REMOVED'"""));
        portal.jdbi().useHandle(h -> h.execute("""
                INSERT INTO project (company_id, db_address_id, name, serial_number)
                SELECT c.id, c.db_address_id, 'Search pump of Globex', 'SRCH-GLOBEX' FROM company c WHERE c.code = 'GLOBEX'"""));

        Document all = Jsoup.parse(alice.get("/portal/report").body());
        assertThat(all.select("input#q")).hasSize(1);
        assertThat(all.select("input[name=q]").attr("form")).isEqualTo("installation-search");

        Document bySerial = Jsoup.parse(alice.get("/portal/report?q=srch-17").body());
        assertThat(fixedChoices(bySerial)).containsExactly("Search pump 17 · SRCH-17 · Cellar 17");
        assertThat(bySerial.select("input[type=radio][name=project_id][value=" + acmeMobile + "]")).hasSize(1);
        Document byWords = Jsoup.parse(alice.get("/portal/report?q=cellar+4").body());
        assertThat(fixedChoices(byWords).size()).isBetween(2, 20);
        Document many = Jsoup.parse(alice.get("/portal/report?q=search+pump").body());
        assertThat(fixedChoices(many)).hasSize(ReportService.SEARCH_RESULTS);
        assertThat(many.text()).doesNotContain("Search pump removed", "Search pump of Globex");
        Document none = Jsoup.parse(alice.get("/portal/report?q=srch-globex").body());
        assertThat(none.select("#no-installation").text()).contains("srch-globex");
    }

    @Test
    void eachMistakeAnswers422KeepsWhatWasTypedTiesItsMessageToItsFieldAndSavesNothing() {
        int before = jobs();
        int filesBefore = count("SELECT count(*) FROM job_attachment");
        HttpResponse<String> answer = report(alice, valid("description", "  ", "customer_reference", "R".repeat(51),
                "earliest_date_plannable", "10/03/2026", "contact_phone", "call me"));
        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#description-error").text()).isEqualTo("Required.");
        assertThat(page.select("textarea[name=description]").attr("aria-describedby")).isEqualTo("description-error");
        assertThat(page.select("#customer_reference-error").text()).isEqualTo("At most 50 characters (this has 51).");
        assertThat(page.select("input[name=customer_reference]").val()).isEqualTo("R".repeat(51));
        assertThat(page.select("input[name=customer_reference]").attr("aria-describedby")).isEqualTo("customer_reference-error");
        assertThat(page.select("#earliest_date_plannable-error").text()).isEqualTo("A date, such as 2026-03-10.");
        assertThat(page.select("input[name=earliest_date_plannable]").val()).isEqualTo("10/03/2026");
        assertThat(page.select("#contact_phone-error").text()).startsWith("A phone number");
        assertThat(page.select("#error-summary li")).hasSize(4);
        assertThat(page.select("#error-summary a").eachAttr("href"))
                .allSatisfy(href -> assertThat(page.getElementById(href.substring(1))).as(href).isNotNull());
        assertThat(page.select("select#project_id option[selected], input[name=project_id][checked]").val())
                .isEqualTo(acmeInstallation.toString());
        assertNothingSavedAfter(before, filesBefore);

        HttpResponse<String> tooLong = report(alice, valid("description", "d".repeat(4001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        Document long4001 = Jsoup.parse(tooLong.body());
        assertThat(long4001.select("#description-error").text()).isEqualTo("At most 4000 characters (this has 4001).");
        assertThat(long4001.select("textarea[name=description]").text()).hasSize(4001);
        assertNothingSavedAfter(before, filesBefore);

        HttpResponse<String> noInstallation = report(alice, valid("project_id", ""));
        assertThat(noInstallation.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(noInstallation.body()).select("#project_id-error").text()).isEqualTo("Choose the installation.");
        assertNothingSavedAfter(before, filesBefore);
    }

    @Test
    void everyMistakeIsToldAtOnceInTheFormsOrderAndWhatWasTypedStays() {
        int before = jobs();
        int filesBefore = count("SELECT count(*) FROM job_attachment");
        // a mobile installation without where it is, and a mistake in every other part of the form
        HttpResponse<String> answer = report(alice, valid("project_id", acmeMobile.toString(), "db_address_street_number", "12",
                        "db_address_name", "Festival site, gate 3", "description", " ", "earliest_date_plannable", "soon",
                        "customer_reference", "R".repeat(51), "contact_phone", "call me"),
                file("notes.jpg", "image/jpeg", "just text".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        List<String> inTheFormsOrder = List.of("db_address_street", "db_address_zip", "db_address_city", "description",
                "earliest_date_plannable", "customer_reference", "contact_phone", "files");
        inTheFormsOrder.forEach(field -> assertThat(page.select("#" + field + "-error").text()).as(field).isNotBlank());
        assertThat(page.select("#error-summary a").eachAttr("href"))
                .containsExactlyElementsOf(inTheFormsOrder.stream().map(field -> "#" + field).toList());
        List<String> onThePage = page.select("form#report-form [id]").eachAttr("id").stream()
                .filter(inTheFormsOrder::contains).toList();
        assertThat(onThePage).isEqualTo(inTheFormsOrder);
        // what was typed is kept, and in sight
        assertThat(page.select("details#mobile-details").hasAttr("open")).isTrue();
        assertThat(page.select("input[name=db_address_street_number]").val()).isEqualTo("12");
        assertThat(page.select("input[name=db_address_name]").val()).isEqualTo("Festival site, gate 3");
        assertThat(page.select("input[name=customer_reference]").val()).isEqualTo("R".repeat(51));
        assertNothingSavedAfter(before, filesBefore);

        // with no installation chosen, the address typed for a mobile one is still there
        Document unchosen = Jsoup.parse(report(alice, valid("project_id", "", "db_address_street", "Kortrijksesteenweg",
                "db_address_city", "Gent")).body());
        assertThat(unchosen.select("#project_id-error").text()).isEqualTo("Choose the installation.");
        assertThat(unchosen.select("details#mobile-details").hasAttr("open")).isTrue();
        assertThat(unchosen.select("input[name=db_address_street]").val()).isEqualTo("Kortrijksesteenweg");
        assertThat(unchosen.select("input[name=db_address_city]").val()).isEqualTo("Gent");
        assertNothingSavedAfter(before, filesBefore);
    }

    /** The fixed installations a search offers (the mobile ones are always offered too). */
    static List<String> fixedChoices(Document form) {
        return form.select("input[type=radio][name=project_id]").stream()
                .filter(radio -> !radio.attr("aria-describedby").equals("mobile-hint")).map(radio -> radio.nextElementSibling().text()).toList();
    }

    @Test
    void aDayOutsideTheYears1900To2999Answers422AtItsField() {
        int before = jobs();
        int filesBefore = count("SELECT count(*) FROM job_attachment");
        for (String odd : List.of("0000-01-01", "1899-12-31", "3000-01-01", "+10000-01-01", "-999999999-01-01T00:00:00Z")) {
            HttpResponse<String> answer = report(alice, valid("earliest_date_plannable", odd));
            assertThat(answer.statusCode()).as(odd).isEqualTo(422);
            assertThat(Jsoup.parse(answer.body()).select("#earliest_date_plannable-error").text()).as(odd)
                    .isEqualTo("A date between the years 1900 and 2999.");
        }
        assertNothingSavedAfter(before, filesBefore);
        numberFrom(report(alice, valid("earliest_date_plannable", "2999-12-31")));
    }

    @Test
    void anotherCompanysInstallationIsNotFoundAndNothingIsCreated() {
        int before = jobs();
        for (String id : List.of(globexInstallation.toString(), UUID.randomUUID().toString(), "not-a-guid")) {
            HttpResponse<String> answer = report(alice, valid("project_id", id));
            assertThat(answer.statusCode()).as(id).isEqualTo(422);
            Document page = Jsoup.parse(answer.body());
            assertThat(page.select("#project_id-error").text()).as(id)
                    .isEqualTo("Not found among your installations: choose one of the list.");
            assertThat(answer.body()).doesNotContain(text("SELECT name FROM project WHERE id = '" + globexInstallation + "'"));
        }
        // as a mobile one too
        UUID globexMobile = uuid(openInstallation("GLOBEX", true));
        HttpResponse<String> mobile = report(alice, valid("project_id", globexMobile.toString(),
                "db_address_street", "Main street", "db_address_city", "Gent", "db_address_zip", "9000"));
        assertThat(Jsoup.parse(mobile.body()).select("#project_id-error").text()).startsWith("Not found");
        assertThat(jobs()).isEqualTo(before);
    }

    @Test
    void aMobileInstallationNeedsWhereItIsNowAndTakesThePhoneOnSite() {
        int before = jobs();
        HttpResponse<String> missing = report(alice, valid("project_id", acmeMobile.toString(),
                "db_address_street_number", "12", "contact_phone", "+32 470 12 34 56"));
        assertThat(missing.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(missing.body());
        for (String field : List.of("db_address_street", "db_address_city", "db_address_zip")) {
            assertThat(page.select("#" + field + "-error").text()).as(field).startsWith("Required for a mobile installation");
            assertThat(page.select("input[name=" + field + "]").attr("aria-describedby")).isEqualTo(field + "-error");
        }
        assertThat(page.select("input[name=db_address_street_number]").val()).isEqualTo("12");
        assertThat(page.select("#project_id option[selected], input[name=project_id][checked]").val())
                .isEqualTo(acmeMobile.toString());
        assertThat(page.select("details#mobile-details").hasAttr("open")).isTrue();
        assertThat(jobs()).isEqualTo(before);

        HttpResponse<String> tooLong = report(alice, valid("project_id", acmeMobile.toString(),
                "db_address_street", "S".repeat(51), "db_address_city", "Gent", "db_address_zip", "9000"));
        assertThat(Jsoup.parse(tooLong.body()).select("#db_address_street-error").text())
                .isEqualTo("At most 50 characters (this has 51).");

        int number = numberFrom(report(alice, valid("project_id", acmeMobile.toString(),
                "db_address_street", "Kortrijksesteenweg", "db_address_street_number", "12", "db_address_city", "Gent",
                "db_address_zip", "9000", "db_address_name", "Festival site, gate 3", "contact_phone", "+32 470 12 34 56")));
        Map<String, Object> job = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT project_id, db_address_street, db_address_street_number, db_address_city, db_address_zip,
                       db_address_name, db_address_phone, contact_phone FROM jobs WHERE id2 = :n""").bind("n", number).mapToMap().one());
        assertThat(job).containsEntry("project_id", acmeMobile).containsEntry("db_address_street", "Kortrijksesteenweg")
                .containsEntry("db_address_street_number", "12").containsEntry("db_address_city", "Gent")
                .containsEntry("db_address_zip", "9000").containsEntry("db_address_name", "Festival site, gate 3")
                .containsEntry("db_address_phone", "+32 470 12 34 56")
                .containsEntry("contact_phone", "+32 470 12 34 56");
    }

    @Test
    void theTopUrgencyIsNotACustomersChoice() {
        UUID urgent = uuid("SELECT id FROM job_priority WHERE code = 'URGENT'");
        UUID high = uuid("SELECT id FROM job_priority WHERE code = 'HIGH'");
        HttpResponse<String> refused = report(alice, valid("job_priority_id", urgent.toString()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#job_priority_id-error").text()).isEqualTo("Choose one of the urgencies listed.");

        int number = numberFrom(report(alice, valid("job_priority_id", high.toString())));
        assertThat(text("SELECT p.code FROM jobs j JOIN job_priority p ON p.id = j.job_priority_id WHERE j.id2 = " + number))
                .isEqualTo("HIGH");
    }

    @Test
    void aReferenceAlreadyOnAnOpenJobIsWarnedAboutNotRefused() {
        int first = numberFrom(report(alice, valid("customer_reference", "PO-TWICE-1")));
        int before = jobs();

        HttpResponse<String> warned = report(alice, valid("customer_reference", "po-twice-1", "description", "Another leak"));
        assertThat(warned.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(warned.body());
        assertThat(page.select("#same-reference").text()).contains("po-twice-1");
        assertThat(page.select("#same-reference a").attr("href")).isEqualTo("/portal/jobs/" + first);
        assertThat(page.select("input[type=checkbox][name=report_anyway]")).hasSize(1);
        assertThat(page.select("textarea[name=description]").text()).isEqualTo("Another leak");
        assertThat(jobs()).isEqualTo(before);

        Map<String, String> again = valid("customer_reference", "po-twice-1", "description", "Another leak", "report_anyway", "on");
        again.put("submission", page.select("input[name=submission]").val());
        int second = numberFrom(report(alice, again));
        assertThat(second).isNotEqualTo(first);

        // a closed job's reference, or another company's, warns nobody
        portal.jdbi().useHandle(h -> h.execute("UPDATE jobs SET customer_reference = 'PO-BOB' WHERE company_id <> ? "
                + "AND id = (SELECT id FROM jobs WHERE company_id <> ? ORDER BY id2 LIMIT 1)", acme, acme));
        assertThat(report(alice, valid("customer_reference", "PO-BOB")).statusCode()).isEqualTo(303);
    }

    @Test
    void aContactWhoSeesOnlyTheirOwnRequestsIsWarnedOnlyAboutTheirOwnReferences() {
        TestAccounts.customer(portal.jdbi(), "ACME", "own@acme.report.test");
        portal.jdbi().useHandle(h -> h.execute("""
                UPDATE contact SET portal_scope = 'own_requests'
                 WHERE id = (SELECT contact_id FROM account WHERE username = 'own@acme.report.test')"""));
        WebSession own = portal.signedIn("own@acme.report.test");
        numberFrom(report(alice, valid("customer_reference", "PO-COLLEAGUE")));

        HttpResponse<String> unaware = report(own, valid("submission", freshForm(own), "customer_reference", "po-colleague"));
        assertThat(unaware.statusCode()).as("a colleague's work order is not even hinted at").isEqualTo(303);

        int mine = numberFrom(report(own, valid("submission", freshForm(own), "customer_reference", "PO-MINE")));
        HttpResponse<String> warned = report(own, valid("submission", freshForm(own), "customer_reference", "po-mine"));
        assertThat(warned.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(warned.body()).select("#same-reference a")).extracting(a -> a.attr("href"))
                .containsExactly("/portal/jobs/" + mine);
    }

    @Test
    void aJpegAPngAndAPdfAreKeptWithTheJobAsWhatTheyAre() {
        int number = numberFrom(report(alice, valid(),
                file("boiler.jpg", "image/jpeg", Samples.jpeg()),
                file("C:\\fakepath\\gauge.png", "application/octet-stream", Samples.png()),
                file("last-service.pdf", "application/pdf", Samples.pdf())));
        List<Map<String, Object>> files = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT a.file_name, a.content_type, a.size, a.uploaded_by, octet_length(a.bytes) AS stored
                  FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = :n ORDER BY a.file_name""")
                .bind("n", number).mapToMap().list());
        UUID aliceAccount = uuid("SELECT id FROM account WHERE username = 'alice@acme.demo.test'");
        assertThat(files).extracting(f -> f.get("file_name")).containsExactly("boiler.jpg", "gauge.png", "last-service.pdf");
        assertThat(files).extracting(f -> f.get("content_type")).containsExactly("image/jpeg", "image/png", "application/pdf");
        assertThat(files).allSatisfy(f -> {
            assertThat(f.get("uploaded_by")).isEqualTo(aliceAccount);
            assertThat(f.get("size")).isEqualTo(((Number) f.get("stored")).intValue());
        });
    }

    @Test
    void aTextFileNamedJpgATooLargeFileOrSixFilesAreRefusedAndNothingIsHalfSaved() {
        int before = jobs();
        int filesBefore = count("SELECT count(*) FROM job_attachment");

        HttpResponse<String> impostor = report(alice, valid(), photo("fine.png"),
                file("photo.jpg", "image/jpeg", "this is only text".getBytes()));
        assertThat(impostor.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(impostor.body());
        assertThat(page.select("#files-error").text()).isEqualTo("“photo.jpg” is not a photo (JPEG, PNG, WebP, HEIC) or a PDF.");
        assertThat(page.select("input[type=file][name=files]").attr("aria-describedby")).isEqualTo("files-error");
        assertThat(page.select("#files-again")).hasSize(1);
        assertThat(page.select("textarea[name=description]").text()).startsWith("Water drips");
        assertNothingSavedAfter(before, filesBefore);

        HttpResponse<String> large = report(alice, valid(), file("huge.png", "image/png", Samples.pngOfSize(10 * 1024 * 1024 + 1)));
        assertThat(large.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(large.body()).select("#files-error").text()).isEqualTo("“huge.png” is larger than 10 MB.");
        assertNothingSavedAfter(before, filesBefore);

        HttpResponse<String> six = report(alice, valid(), photo("1.png"), photo("2.png"), photo("3.png"), photo("4.png"),
                photo("5.png"), photo("6.png"));
        assertThat(six.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(six.body()).select("#files-error").text()).isEqualTo("At most 5 files at once (this has 6).");
        assertNothingSavedAfter(before, filesBefore);

        // exactly ten megabytes each, five of them: fits
        byte[] tenMegabytes = Samples.pngOfSize(10 * 1024 * 1024);
        int number = numberFrom(report(alice, valid(), file("a.png", "image/png", tenMegabytes),
                file("b.png", "image/png", tenMegabytes), file("c.png", "image/png", tenMegabytes),
                file("d.png", "image/png", tenMegabytes), file("e.png", "image/png", tenMegabytes)));
        assertThat(count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + number))
                .isEqualTo(5);
    }

    @Test
    void aFileOverWhatJettyReadsOrARequestOverTheLimitAnswers413WithAPageNotACrash() throws Exception {
        int before = jobs();
        HttpResponse<String> huge = report(alice, valid(), file("huge.png", "image/png", Samples.pngOfSize(13 * 1024 * 1024)));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(huge.body()).select("#too-large").text()).contains("at most 5 files of 10 MB each");
        assertThat(jobs()).isEqualTo(before);

        // announced as larger than the limit: refused before a byte of the body is read
        try (java.net.Socket socket = new java.net.Socket("localhost", portal.app().port())) {
            String cookie = portal.jdbi().withHandle(h -> "");  // no session needed: refused before access
            socket.getOutputStream().write(("POST /portal/report HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (100L * 1024 * 1024) + "\r\n\r\n"
                    + cookie).getBytes());
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
        }
    }

    @Test
    void theSameFormSentTwiceCreatesOneJob() {
        Map<String, String> fields = valid("description", "Sent twice by a double click");
        int before = jobs();
        int first = numberFrom(report(alice, fields, photo("once.png")));
        int second = numberFrom(report(alice, fields, photo("once.png")));
        assertThat(second).isEqualTo(first);
        assertThat(jobs()).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = " + first))
                .isEqualTo(1);
        // a token is one account's: someone else's copy of it neither finds that job nor blocks their own
        Map<String, String> bobs = new HashMap<>(fields);
        bobs.put("project_id", globexInstallation.toString());
        assertThat(numberFrom(report(bob, bobs))).isNotEqualTo(first);
    }

    @Test
    void theSameFormSentTwiceAtOnceStillCreatesOneJob() throws Exception {
        Map<String, String> fields = valid("description", "Sent twice at the same moment");
        int before = jobs();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<HttpResponse<String>> a;
            java.util.concurrent.Future<HttpResponse<String>> b;
            // both get past the "sent before?" check and into their transactions, each with its own job,
            // and meet where the form's token is recorded: the second must give its job up for the first's
            try (HeldLock submissions = HeldLock.take(portal.jdbi(), "LOCK TABLE report_submission IN SHARE ROW EXCLUSIVE MODE")) {
                a = pool.submit(() -> report(alice, fields));
                b = pool.submit(() -> report(alice, fields));
                assertThat(submissions.awaitWaiting(2, java.time.Duration.ofSeconds(20)))
                        .allSatisfy(query -> assertThat(query).startsWith("INSERT INTO report_submission"));
            }
            assertThat(numberFrom(a.get())).isEqualTo(numberFrom(b.get()));
        } finally {
            pool.shutdown();
        }
        assertThat(jobs()).isEqualTo(before + 1);
    }

    @Test
    void aMultipartPostIsCheckedForItsCsrfTokenLikeAnyOther() {
        int before = jobs();
        Map<String, String> fields = valid();
        HttpResponse<String> without = alice.postMultipartRaw("/portal/report", fields, List.of(photo("a.png")));
        assertThat(without.statusCode()).isEqualTo(403);
        Map<String, String> wrong = new HashMap<>(fields);
        wrong.put("_csrf", "not-the-token");
        assertThat(alice.postMultipartRaw("/portal/report", wrong, List.of(photo("a.png"))).statusCode()).isEqualTo(403);
        assertThat(jobs()).isEqualTo(before);
        // and with it, the handler reads the same body's fields and files
        assertThat(report(alice, fields, photo("a.png")).statusCode()).isEqualTo(303);
    }

    @Test
    void onlyCustomersReport() {
        TestAccounts.staff(portal.jdbi(), "planner@report.test", "planner");
        WebSession planner = portal.signedIn("planner@report.test");
        assertThat(planner.get("/portal/report").statusCode()).isEqualTo(403);
        assertThat(portal.visitor().get("/portal/report").statusCode()).isEqualTo(303);
    }
}
