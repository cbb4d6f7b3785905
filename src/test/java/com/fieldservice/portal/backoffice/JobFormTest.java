package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.support.FormValues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planner's create, edit and status forms over HTTP, as a browser posts them. */
class JobFormTest {

    static TestPortal portal;
    static WebSession planner;
    static int installationNumber;
    static int mobileInstallationNumber;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 300);
        TestAccounts.staff(portal.jdbi(), "planner@forms.test", "planner");
        planner = portal.signedIn("planner@forms.test");
        installationNumber = number("SELECT id2 FROM project WHERE NOT is_mobile_installation ORDER BY id2 LIMIT 1");
        mobileInstallationNumber = number("SELECT id2 FROM project WHERE is_mobile_installation ORDER BY id2 LIMIT 1");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static int number(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void theFormCarriesTheReferencesLimitsForTheBrowser() {
        Document form = Jsoup.parse(planner.get("/backoffice/jobs/new").body());
        assertThat(form.select("input[name=name]").attr("maxlength")).isEqualTo("255");
        assertThat(form.select("input[name=name]").hasAttr("required")).isTrue();
        assertThat(form.select("input[name=customer_reference]").attr("maxlength")).isEqualTo("50");
        assertThat(form.select("input[name=reference_back_office]").attr("maxlength")).isEqualTo("50");
        assertThat(form.select("textarea[name=description]").attr("maxlength")).isEqualTo("4000");
        assertThat(form.select("input[name=db_address_name]").attr("maxlength")).isEqualTo("100");
        assertThat(form.select("input[name=db_address_email]").attr("maxlength")).isEqualTo("250");
        assertThat(form.select("input[name=estimated_time]").attr("min")).isEqualTo("0");
        assertThat(form.select("input[name=_csrf]").val()).isNotBlank();
        assertThat(form.select("label[for]")).allSatisfy(label ->
                assertThat(form.getElementById(label.attr("for"))).as(label.text()).isNotNull());
    }

    @Test
    void mistakesAnswer422KeepWhatWasTypedAndSaveNothing() {
        int before = number("SELECT count(*) FROM jobs");
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", Map.of(
                "project_search", "#" + installationNumber, "name", "n".repeat(256), "customer_reference", "PO-77",
                "earliest_date_plannable", "2026-12-10", "due_date", "2026-12-01", "estimated_time", "-5"));
        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#error-summary li")).hasSize(3);
        assertThat(page.select("#name-error").text()).isEqualTo("At most 255 characters (this has 256).");
        assertThat(page.select("#due_date-error").text()).isEqualTo("The due date may not be before the earliest date.");
        assertThat(page.select("#estimated_time-error").text()).isEqualTo("May not be negative.");
        assertThat(page.select("input[name=name]").attr("aria-describedby")).isEqualTo("name-error");
        assertThat(page.select("input[name=customer_reference]").val()).isEqualTo("PO-77");
        assertThat(page.select("input[name=due_date]").val()).isEqualTo("2026-12-01");
        assertThat(page.select("#chosen-installation").text()).contains("#" + installationNumber);
        assertThat(number("SELECT count(*) FROM jobs")).isEqualTo(before);
    }

    @Test
    void datesOutsideTheYears1900To2999Answer422AtTheirFieldOnCreateAndEdit() {
        int before = number("SELECT count(*) FROM jobs");
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", Map.of(
                "project_search", "#" + installationNumber, "name", "Odd dates", "earliest_date_plannable", "1899-12-31",
                "due_date", "+10000-01-01", "suggested_date_start", "-999999999-01-01T00:00:00Z",
                "date_reported_by_company", "0000-01-01T00:00"));
        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        for (String field : List.of("earliest_date_plannable", "due_date", "suggested_date_start", "date_reported_by_company")) {
            assertThat(page.select("#" + field + "-error").text()).as(field).isEqualTo("A date between the years 1900 and 2999.");
        }
        assertThat(page.select("input[name=suggested_date_start]").val()).isEqualTo("-999999999-01-01T00:00:00Z");
        assertThat(number("SELECT count(*) FROM jobs")).isEqualTo(before);

        int number = created("Dates at the edges");
        Map<String, String> edited = FormValues.of(Jsoup.parse(planner.get("/backoffice/jobs/" + number + "/edit").body()));
        edited.put("suggested_date_start", "3000-01-01T00:00");
        HttpResponse<String> refused = planner.post("/backoffice/jobs/" + number + "/edit", edited);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#suggested_date_start-error").text())
                .isEqualTo("A date between the years 1900 and 2999.");

        edited.putAll(Map.of("earliest_date_plannable", "1900-01-01", "due_date", "2999-12-31",
                "suggested_date_start", "2999-12-31T23:59", "date_reported_by_company", "1900-01-01T00:00+18:00"));
        assertThat(planner.post("/backoffice/jobs/" + number + "/edit", edited).statusCode()).isEqualTo(303);
        assertThat(planner.get("/backoffice/jobs/" + number).statusCode()).isEqualTo(200);
    }

    @Test
    void theInstallationCanBeFoundByWordsOfItsNameOrCompanyAndChosenAmongSeveral() {
        String company = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.name FROM company c JOIN project p ON p.company_id = c.id
                 GROUP BY c.name HAVING count(*) BETWEEN 2 AND 20 ORDER BY c.name LIMIT 1""").mapTo(String.class).one());
        HttpResponse<String> several = planner.post("/backoffice/jobs/new", Map.of(
                "project_search", company.toUpperCase(), "name", "Door won't close"));
        assertThat(several.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(several.body());
        assertThat(page.select("#project_id-error").text()).isEqualTo("Several installations match: choose one below.");
        assertThat(page.select("#installation-candidates input[type=radio][name=project_id]")).hasSizeGreaterThan(1);
        assertThat(page.select("#installation-candidates label")).allSatisfy(label -> assertThat(label.text()).contains(company));
        assertThat(page.select("input[name=project_search]").val()).isEmpty();
        assertThat(page.select("input[name=name]").val()).isEqualTo("Door won't close");

        Map<String, String> chosen = new HashMap<>(Map.of("name", "Door won't close",
                "project_id", page.select("#installation-candidates input[type=radio]").first().val()));
        assertThat(planner.post("/backoffice/jobs/new", chosen).statusCode()).isEqualTo(303);

        HttpResponse<String> none = planner.post("/backoffice/jobs/new", Map.of("project_search", "zzz no such words qqq",
                "name", "x"));
        assertThat(Jsoup.parse(none.body()).select("#project_id-error").text()).startsWith("No installation has");
    }

    @Test
    void aMobileInstallationAsksWhereItIs() {
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", Map.of(
                "project_search", String.valueOf(mobileInstallationNumber), "name", "Generator won't start"));
        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#db_address_street-error, #db_address_city-error, #db_address_zip-error")).hasSize(3);
    }

    @Test
    void anAddressGivenForAFixedInstallationIsRefusedInSightWithWhatWasTyped() {
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", Map.of(
                "project_search", "#" + installationNumber, "name", "Pump", "db_address_street", "Elsewhere street"));
        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#db_address_street-error").text()).isNotBlank();
        assertThat(page.select("input[name=db_address_street]").val()).isEqualTo("Elsewhere street");
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#db_address_street");
    }

    @Test
    void aValidJobIsSavedAndTheAnswerRedirectsToIt() {
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", Map.of(
                "project_search", "#" + installationNumber, "name", "Noisy pump", "customer_reference", "PO-2026-991",
                "estimated_time", "45", "due_date", "2026-12-20"));
        assertThat(answer.statusCode()).isEqualTo(303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/backoffice/jobs/\\d+\\?created");
        int number = Integer.parseInt(location.replaceAll("\\D+(\\d+).*", "$1"));
        Map<String, Object> job = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.name, j.customer_reference, j.estimated_time, s.code FROM jobs j
                  JOIN job_status s ON s.id = j.job_status_id WHERE id2 = ?""").bind(0, number).mapToMap().one());
        assertThat(job).containsEntry("name", "Noisy pump").containsEntry("customer_reference", "PO-2026-991")
                .containsEntry("estimated_time", 45).containsEntry("code", "Open");
    }

    @Test
    void theRequestingContactMustBelongToTheWorkOrdersCompany() {
        String ofAnotherCompany = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT c.id::text FROM contact c WHERE c.company_id <> (SELECT company_id FROM project WHERE id2 = ?)
                 ORDER BY c.id LIMIT 1""").bind(0, installationNumber).mapTo(String.class).one());
        int before = number("SELECT count(*) FROM jobs");
        HttpResponse<String> created = planner.post("/backoffice/jobs/new", Map.of("project_search", "#" + installationNumber,
                "name", "Heating off", "requested_by_contact_id", ofAnotherCompany));
        assertThat(created.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(created.body()).select("#requested_by_contact_id-error").text())
                .isEqualTo("This contact belongs to another company.");
        assertThat(number("SELECT count(*) FROM jobs")).isEqualTo(before);

        int number = created("Heating off");
        Map<String, String> edit = new HashMap<>(Map.of("version", "0", "name", "Heating off",
                "project_id", portal.jdbi().withHandle(h -> h.createQuery("SELECT project_id::text FROM jobs WHERE id2 = ?")
                        .bind(0, number).mapTo(String.class).one()),
                "requested_by_contact_id", ofAnotherCompany));
        planner.get("/backoffice/jobs/" + number + "/edit");
        HttpResponse<String> edited = planner.post("/backoffice/jobs/" + number + "/edit", edit);
        assertThat(edited.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(edited.body()).select("#requested_by_contact_id-error").text())
                .isEqualTo("This contact belongs to another company.");
        assertThat(number("SELECT count(*) FROM jobs WHERE id2 = " + number + " AND requested_by_contact_id IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void statusChangesOfferOnlyTheWorkflowsTransitions() {
        int number = created("Annual check");
        HttpResponse<String> refused = planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", "Completed"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#status-refused").text()).contains("Open").contains("Completed");
        assertThat(page.select("#allowed-statuses li").eachText()).contains("To be Planned", "Suggested", "Canceled")
                .doesNotContain("Completed");

        HttpResponse<String> moved = planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", "ToBePlanned"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.headers().firstValue("Location")).contains("/backoffice/jobs/" + number + "?status-changed");
    }

    @Test
    void aDuplicateStartsFromTheOriginalsValuesAndAChildFromItsParent() {
        int number = created("Leak under the sink");
        Document duplicate = Jsoup.parse(planner.get("/backoffice/jobs/new?from=" + number).body());
        assertThat(duplicate.select("input[name=name]").val()).isEqualTo("Leak under the sink");
        assertThat(duplicate.select("input[name=parent_number]").val()).isEmpty();
        Document child = Jsoup.parse(planner.get("/backoffice/jobs/new?parent=" + number).body());
        assertThat(child.select("input[name=parent_number]").val()).isEqualTo(String.valueOf(number));
    }

    @Test
    void everyMistakeIsToldAtOnceAtItsFieldAndInTheSummaryInTheFormsOrder() {
        int before = number("SELECT count(*) FROM jobs");
        // the installation and the parent are looked up first; their mistakes come with every other
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", Map.of(
                "working_sequence", "first", "parent_number", "999999999", "due_date", "2026-12-01",
                "earliest_date_plannable", "2026-12-10", "estimated_time", "-5", "db_address_email", "nope",
                "project_search", "zzz no such words qqq", "job_priority_id", "not-a-guid", "name", "n".repeat(256)));
        assertThat(answer.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(answer.body());
        List<String> expected = List.of("name", "job_priority_id", "project_id", "db_address_email", "estimated_time",
                "due_date", "_parent_id", "working_sequence");
        expected.forEach(field -> assertThat(page.select("#" + field + "-error").text()).as(field).isNotBlank());
        assertThat(page.select("#error-summary li")).hasSize(expected.size());
        assertThat(page.select("#error-summary li a").eachAttr("href")).containsExactly("#name", "#job_priority_id",
                "#project_search", "#db_address_email", "#estimated_time", "#due_date", "#parent_number", "#working_sequence");
        assertSummaryFollowsTheForm(page);
        assertThat(number("SELECT count(*) FROM jobs")).isEqualTo(before);

        int number = created("Everything at once, edited");
        Map<String, String> edited = FormValues.of(Jsoup.parse(planner.get("/backoffice/jobs/" + number + "/edit").body()));
        edited.putAll(Map.of("parent_number", "999999999", "name", "", "estimated_time", "soon"));
        HttpResponse<String> refused = planner.post("/backoffice/jobs/" + number + "/edit", edited);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document editPage = Jsoup.parse(refused.body());
        assertThat(editPage.select("#error-summary li a").eachAttr("href"))
                .containsExactly("#name", "#estimated_time", "#parent_number");
        assertSummaryFollowsTheForm(editPage);
    }

    /** Each summary entry leads to its field, and the entries come in the order of the fields on the page. */
    private static void assertSummaryFollowsTheForm(Document page) {
        List<String> targets = page.select("#error-summary li a").eachAttr("href").stream().map(href -> href.substring(1)).toList();
        targets.forEach(id -> assertThat(page.getElementById(id)).as(id).isNotNull());
        List<String> onThePage = page.select("form[method=post] [id]").eachAttr("id").stream().filter(targets::contains).toList();
        assertThat(targets).isEqualTo(onThePage);
    }

    @Test
    void aNewWorkOrderStartsWithTheDefaultTypeAndPriority() {
        String defaultType = portal.jdbi().withHandle(h -> h.createQuery("SELECT id::text FROM job_type WHERE is_default")
                .mapTo(String.class).one());
        String defaultPriority = portal.jdbi().withHandle(h -> h.createQuery("SELECT id::text FROM job_priority WHERE is_default")
                .mapTo(String.class).one());
        Document form = Jsoup.parse(planner.get("/backoffice/jobs/new").body());
        assertThat(form.select("select[name=job_type_id] option[selected]").val()).isEqualTo(defaultType);
        assertThat(form.select("select[name=job_priority_id] option[selected]").val()).isEqualTo(defaultPriority);

        Map<String, String> asOffered = FormValues.of(form);
        asOffered.putAll(Map.of("project_search", "#" + installationNumber, "name", "Started with the defaults"));
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", asOffered);
        assertThat(answer.statusCode()).isEqualTo(303);
        int number = Integer.parseInt(answer.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
        assertThat(number("SELECT count(*) FROM jobs j JOIN job_type t ON t.id = j.job_type_id"
                + " JOIN job_priority p ON p.id = j.job_priority_id WHERE t.is_default AND p.is_default AND j.id2 = " + number))
                .isEqualTo(1);

        // a duplicate keeps its original's priority, none included
        int withoutPriority = created("No priority");
        portal.jdbi().useHandle(h -> h.execute("UPDATE jobs SET job_priority_id = NULL WHERE id2 = ?", withoutPriority));
        Document duplicate = Jsoup.parse(planner.get("/backoffice/jobs/new?from=" + withoutPriority).body());
        assertThat(duplicate.select("select[name=job_priority_id] option[selected]").val()).isEmpty();
    }

    private static int created(String name) {
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", Map.of(
                "project_search", "#" + installationNumber, "name", name));
        assertThat(answer.statusCode()).isEqualTo(303);
        return Integer.parseInt(answer.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
    }
}
