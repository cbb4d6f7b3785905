package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.support.FormValues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.Texts;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two planners edit the same work order; the second to save gets the conflict page, over HTTP. */
class JobEditConflictTest {

    static TestPortal portal;
    static WebSession planner;
    static WebSession colleague;
    static int installationNumber;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 300);
        TestAccounts.staff(portal.jdbi(), "planner@conflict.test", "planner");
        TestAccounts.staff(portal.jdbi(), "colleague@conflict.test", "planner");
        portal.jdbi().useHandle(h -> h.execute("UPDATE app_user SET firstname = 'Robin', lastname = 'Rota' WHERE username = ?",
                "colleague@conflict.test"));
        planner = portal.signedIn("planner@conflict.test");
        colleague = portal.signedIn("colleague@conflict.test");
        installationNumber = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT id2 FROM project WHERE NOT is_mobile_installation ORDER BY id2 LIMIT 1").mapTo(Integer.class).one());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void bothChangingTheSameFieldOffersAChoiceAndSavesTheOneChosen() {
        int number = created("Door sensor fault");
        Map<String, String> mine = FormValues.of(editForm(planner, number));
        theyChange(number, Map.of("name", "Door sensor fault, lobby"));

        mine.put("name", "Door sensor fault, back door");
        mine.put("customer_reference", "PO-4411");
        HttpResponse<String> answer = planner.post(edit(number), mine);
        assertThat(answer.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(answer.body());
        Element row = page.getElementById("change-name");
        assertThat(row.select(".field").text()).isEqualTo("Name");
        assertThat(row.select(".before").text()).isEqualTo("Door sensor fault");
        assertThat(row.select(".theirs").text()).isEqualTo("Door sensor fault, lobby");
        assertThat(row.select(".by").text()).startsWith("Robin Rota, ").matches(".*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(row.select(".yours").text()).isEqualTo("Door sensor fault, back door");
        assertThat(row.select("input[type=radio][name=name]")).hasSize(2);
        assertThat(row.select("input[type=radio][name=name][checked]").val()).isEqualTo("Door sensor fault, back door");
        assertThat(page.getElementById("change-customer_reference").select(".outcome").text()).isEqualTo("Yours");
        assertThat(page.select("#conflict-form input[type=hidden][name=name]")).isEmpty();

        Map<String, String> choice = FormValues.of(page);
        choice.put("name", "Door sensor fault, lobby");
        assertThat(planner.post(edit(number), choice).statusCode()).isEqualTo(303);
        assertThat(row(number)).containsEntry("name", "Door sensor fault, lobby").containsEntry("customer_reference", "PO-4411");
    }

    @Test
    void differentFieldsAreMergedWithoutRawJsonAndSavedAsOffered() {
        int number = created("Boiler pressure");
        Map<String, String> mine = FormValues.of(editForm(planner, number));
        theyChange(number, Map.of("internal_memo", "Caretaker has the key"));

        mine.put("description", "Pressure at 0.2 bar");
        HttpResponse<String> answer = planner.post(edit(number), mine);
        assertThat(answer.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("main").text()).doesNotContain("{").doesNotContain("\"new\"");
        assertThat(page.getElementById("change-internal_memo").select(".field").text())
                .isEqualTo("Internal memo (never shown to customers)");
        assertThat(page.getElementById("change-internal_memo").select(".outcome").text()).isEqualTo("Theirs");
        assertThat(page.getElementById("change-description").select(".outcome").text()).isEqualTo("Yours");
        assertThat(page.select("input[type=radio]")).isEmpty();

        assertThat(planner.post(edit(number), FormValues.of(page)).statusCode()).isEqualTo(303);
        assertThat(row(number)).containsEntry("description", "Pressure at 0.2 bar")
                .containsEntry("internal_memo", "Caretaker has the key");
    }

    @Test
    void referencesAndDatesReadAsTheFormShowsThemNeverAsGuids() {
        int number = created("Lift stuck");
        List<Map<String, Object>> types = rows("SELECT id::text AS id, name FROM job_type ORDER BY name LIMIT 2");
        // technicians: a suggested technician with a start is the work order's first visit
        List<Map<String, Object>> people = rows("""
                SELECT id::text AS id, concat_ws(' ', firstname, lastname) AS name FROM app_user
                 WHERE allow_service_app AND NOT disabled AND NOT archived ORDER BY code LIMIT 2""");
        List<Map<String, Object>> contacts = rows("""
                SELECT c.id::text AS id, concat_ws(' ', c.firstname, c.lastname) AS name FROM contact c
                  JOIN project p ON p.company_id = c.company_id
                 WHERE p.id2 = %d AND NOT c.archived ORDER BY c.id LIMIT 2""".formatted(installationNumber));
        assertThat(contacts).hasSize(2);
        Map<String, String> mine = FormValues.of(editForm(planner, number));
        theyChange(number, Map.of("job_type_id", id(types, 0), "suggested_user_id", id(people, 0),
                "contact_id", id(contacts, 0), "due_date", "2026-12-20", "suggested_date_start", "2098-12-18T08:15"));

        mine.putAll(Map.of("job_type_id", id(types, 1), "suggested_user_id", id(people, 1), "contact_id", id(contacts, 1),
                "due_date", "2026-12-22", "suggested_date_start", "2098-12-19T14:45"));
        HttpResponse<String> answer = planner.post(edit(number), mine);
        assertThat(answer.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#changes").text()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        assertThat(page.select("#change-job_type_id .theirs").text()).isEqualTo(types.get(0).get("name"));
        assertThat(page.select("#change-job_type_id .yours").text()).isEqualTo(types.get(1).get("name"));
        assertThat(page.select("#change-suggested_user_id .theirs").text()).startsWith((String) people.get(0).get("name"));
        assertThat(page.select("#change-suggested_user_id .yours").text()).startsWith((String) people.get(1).get("name"));
        assertThat(page.select("#change-suggested_user_id .before").text()).isEqualTo("(empty)");
        assertThat(page.select("#change-contact_id .theirs").text()).startsWith((String) contacts.get(0).get("name"));
        assertThat(page.select("#change-contact_id .yours").text()).startsWith((String) contacts.get(1).get("name"));
        assertThat(page.select("#change-due_date .theirs").text()).isEqualTo("2026-12-20");
        assertThat(page.select("#change-due_date .yours").text()).isEqualTo("2026-12-22");
        assertThat(page.select("#change-suggested_date_start .theirs").text()).isEqualTo("2098-12-18 08:15");
        assertThat(page.select("#change-suggested_date_start .yours").text()).isEqualTo("2098-12-19 14:45");
        assertThat(page.select("#changes input[type=radio]")).hasSize(10);

        Map<String, String> choice = FormValues.of(page);
        choice.put("contact_id", id(contacts, 0));
        choice.put("due_date", "2026-12-20");
        assertThat(planner.post(edit(number), choice).statusCode()).isEqualTo(303);
        Map<String, Object> saved = rows("""
                SELECT job_type_id::text AS type, suggested_user_id::text AS technician, contact_id::text AS contact,
                       to_char(due_date, 'YYYY-MM-DD') AS due FROM jobs WHERE id2 = %d"""
                .formatted(number)).get(0);
        assertThat(saved).containsEntry("type", id(types, 1)).containsEntry("technician", id(people, 1))
                .containsEntry("contact", id(contacts, 0));
        assertThat(editForm(planner, number).select("input[name=due_date]").val()).isEqualTo("2026-12-20");
    }

    @Test
    void textAreasKeepTheirLinesOnThePageAndWhenSaved() {
        int number = created("Leak under the sink");
        Map<String, String> mine = FormValues.of(editForm(planner, number));
        theyChange(number, Map.of("prejob_information", "Ring twice.\r\nDog in the garden."));

        mine.put("prejob_information", "Call before coming.\r\nParking at the back.\r\n\r\nBring a ladder.");
        HttpResponse<String> answer = planner.post(edit(number), mine);
        assertThat(answer.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(answer.body());
        Element row = page.getElementById("change-prejob_information");
        assertThat(row.select(".theirs").first().wholeText()).isEqualTo("Ring twice.\nDog in the garden.");
        assertThat(row.select(".yours").first().wholeText()).isEqualTo("Call before coming.\nParking at the back.\n\nBring a ladder.");
        assertThat(row.select(".yours").hasClass("preserve-lines")).isTrue();

        assertThat(planner.post(edit(number), FormValues.of(page)).statusCode()).isEqualTo(303);
        assertThat(row(number)).containsEntry("prejob_information", "Call before coming.\nParking at the back.\n\nBring a ladder.");
    }

    @Test
    void aFurtherSaveMeanwhileBringsTheConflictPageAgainAndNothingTypedIsLost() {
        int number = created("Gate motor");
        Map<String, String> mine = FormValues.of(editForm(planner, number));
        theyChange(number, Map.of("name", "Gate motor, north gate"));

        mine.putAll(Map.of("name", "Gate motor replaced", "description", "Motor hums, gate doesn't move",
                "estimated_time", "90", "earliest_date_plannable", "2026-12-14"));
        Document first = Jsoup.parse(planner.post(edit(number), mine).body());
        Map<String, String> carried = FormValues.of(first);
        // every value sent is in the conflict form, the only field they changed included as one of the choices
        mine.forEach((field, value) -> {
            if (!field.equals("version") && !field.equals("parent_number") && !field.equals("project_search")) {
                assertThat(carried.getOrDefault(field, "")).as(field).isEqualTo(value);
            }
        });

        theyChange(number, Map.of("name", "Gate motor, north gate (urgent)", "internal_memo", "Code 4321"));
        HttpResponse<String> second = planner.post(edit(number), carried);
        assertThat(second.statusCode()).isEqualTo(409);
        Document again = Jsoup.parse(second.body());
        assertThat(again.select("#change-name .before").text()).isEqualTo("Gate motor, north gate");
        assertThat(again.select("#change-name .theirs").text()).isEqualTo("Gate motor, north gate (urgent)");
        assertThat(again.select("#change-name .yours").text()).isEqualTo("Gate motor replaced");
        assertThat(again.select("#change-internal_memo .outcome").text()).isEqualTo("Theirs");
        assertThat(again.select("input[name=version]").val()).isNotEqualTo(first.select("input[name=version]").val());

        assertThat(planner.post(edit(number), FormValues.of(again)).statusCode()).isEqualTo(303);
        assertThat(row(number)).containsEntry("name", "Gate motor replaced").containsEntry("internal_memo", "Code 4321")
                .containsEntry("description", "Motor hums, gate doesn't move").containsEntry("estimated_time", 90);
    }

    @Test
    void aStatusMovedMeanwhileIsShownAndLeftAsTheyMovedIt() {
        int number = created("Annual check");
        Map<String, String> mine = FormValues.of(editForm(planner, number));
        assertThat(colleague.post("/backoffice/jobs/" + number + "/status", Map.of("status", "ToBePlanned")).statusCode())
                .isEqualTo(303);

        mine.put("customer_reference", "PO-9");
        Document page = Jsoup.parse(planner.post(edit(number), mine).body());
        assertThat(page.select("#change-job_status_code .before").text()).isEqualTo("Open");
        assertThat(page.select("#change-job_status_code .theirs").text()).isEqualTo("To be Planned");
        assertThat(page.select("input[name=job_status_code]")).isEmpty();
        assertThat(planner.post(edit(number), FormValues.of(page)).statusCode()).isEqualTo(303);
        assertThat(row(number)).containsEntry("customer_reference", "PO-9");
    }

    @Test
    void inFrenchEveryLabelAndValueReadsAsTheWorkOrdersPageWritesThem() {
        TestAccounts.staff(portal.jdbi(), "planner-fr@conflict.test", "planner");
        WebSession french = portal.signedIn("planner-fr@conflict.test");
        french.get("/account");
        assertThat(french.post("/account/language", Map.of("language", "fr")).statusCode()).isEqualTo(303);
        Map<String, String> type = portal.jdbi().withHandle(h -> h.createQuery("SELECT code, id::text AS id FROM job_type")
                .setMapKeyColumn("code").setMapValueColumn("id")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() { }));
        int number = created("Chaudière en panne");
        Map<String, String> mine = FormValues.of(editForm(french, number));
        theyChange(number, Map.of("job_type_id", type.get("MAINT"), "due_date", "2026-12-20",
                "suggested_date_start", "2026-12-18T08:15", "estimated_time", "90"));
        assertThat(colleague.post("/backoffice/jobs/" + number + "/status", Map.of("status", "ToBePlanned")).statusCode())
                .isEqualTo(303);

        mine.putAll(Map.of("job_type_id", type.get("INSP"), "due_date", "2026-12-22", "suggested_date_start", "2026-12-19T14:45"));
        HttpResponse<String> answer = french.post(edit(number), mine);
        assertThat(answer.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(answer.body());
        for (String field : List.of("job_type_id", "due_date", "suggested_date_start", "estimated_time", "job_status_code")) {
            assertThat(page.select("#change-" + field + " .field").text()).as(field)
                    .isEqualTo(Texts.get(Language.FR, JobFields.labelKey(field)));
        }
        assertThat(page.select("#change-job_type_id .before").text()).isEqualTo("Dépannage");
        assertThat(page.select("#change-job_type_id .theirs").text()).isEqualTo("Entretien");
        assertThat(page.select("#change-job_type_id .yours").text()).isEqualTo("Inspection");
        assertThat(page.select("#change-due_date .theirs").text()).isEqualTo("20/12/2026");
        assertThat(page.select("#change-due_date .yours").text()).isEqualTo("22/12/2026");
        assertThat(page.select("#change-suggested_date_start .theirs").text()).isEqualTo("18/12/2026 08:15");
        assertThat(page.select("#change-suggested_date_start .yours").text()).isEqualTo("19/12/2026 14:45");
        assertThat(page.select("#change-estimated_time .theirs").text()).isEqualTo(Texts.format(Language.FR, "bo.job.minutes", 90));
        assertThat(page.select("#change-job_status_code .before").text()).isEqualTo("Ouvert");
        assertThat(page.select("#change-job_status_code .theirs").text()).isEqualTo("À planifier");
        assertThat(page.select("#change-job_type_id input[type=radio]")).extracting(e -> e.val())
                .as("the form still carries the values themselves").containsExactlyInAnyOrder(type.get("MAINT"), type.get("INSP"));
    }

    private static void theyChange(int number, Map<String, String> changes) {
        Map<String, String> theirs = FormValues.of(editForm(colleague, number));
        theirs.putAll(changes);
        assertThat(colleague.post(edit(number), theirs).statusCode()).isEqualTo(303);
    }

    private static Map<String, Object> row(int number) {
        return rows("SELECT * FROM jobs WHERE id2 = " + number).get(0);
    }

    private static List<Map<String, Object>> rows(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list());
    }

    private static String id(List<Map<String, Object>> rows, int index) {
        return (String) rows.get(index).get("id");
    }

    private static String edit(int number) {
        return "/backoffice/jobs/" + number + "/edit";
    }

    private static Document editForm(WebSession who, int number) {
        return Jsoup.parse(who.get(edit(number)).body());
    }

    private static int created(String name) {
        HttpResponse<String> answer = planner.post("/backoffice/jobs/new", Map.of(
                "project_search", "#" + installationNumber, "name", name));
        assertThat(answer.statusCode()).isEqualTo(303);
        return Integer.parseInt(answer.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
    }
}
