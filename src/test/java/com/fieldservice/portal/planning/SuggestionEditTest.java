package com.fieldservice.portal.planning;

import static com.fieldservice.portal.planning.PlanningFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.FormValues;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The work order's edit form changes its suggested technician and start through the visits'
 * rules: the first visit is added or moved with the same checks as the visit forms, and a refused
 * visit change saves nothing of the edit.
 */
class SuggestionEditTest {

    static PlanningFixtures fixtures;
    static WebSession planner;

    @BeforeAll
    static void start() {
        fixtures = new PlanningFixtures();
        planner = fixtures.planner;
    }

    @AfterAll
    static void stop() {
        fixtures.close();
    }

    /** The edit form of the work order as loaded, with these fields changed. */
    private static Map<String, String> edited(int number, String... fields) {
        Map<String, String> form = FormValues.of(Jsoup.parse(planner.get("/backoffice/jobs/" + number + "/edit").body()));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form;
    }

    private static HttpResponse<String> save(int number, Map<String, String> form) {
        return planner.post("/backoffice/jobs/" + number + "/edit", form);
    }

    private static String technician(String code) {
        return fixtures.technician(code).toString();
    }

    private static java.time.Instant local(String typed) {
        return LocalDateTime.parse(typed).atZone(ZoneId.of("Europe/Brussels")).toInstant();
    }

    private static java.time.Instant suggestedStart(int number) {
        return ((java.sql.Timestamp) fixtures.job(number).get("suggested_date_start")).toInstant();
    }

    private static String name(int number) {
        return fixtures.jdbi.withHandle(h -> h.createQuery("SELECT name FROM jobs WHERE id2 = :n").bind("n", number)
                .mapTo(String.class).one());
    }

    private static int notifications(int number, String kind) {
        return fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM notification WHERE job_id = (SELECT id FROM jobs WHERE id2 = :n) AND kind = :kind""")
                .bind("n", number).bind("kind", kind).mapTo(Integer.class).one());
    }

    @Test
    void anOverlapIsRefusedWithEverythingTypedKeptAndNothingSavedUnlessThePlannerConfirms() {
        int busy = fixtures.job("ToBePlanned", null);
        assertThat(fixtures.add(busy, visit("T0009", "2098-03-10T09:00", "2098-03-10T11:00")).statusCode()).isEqualTo(303);
        int number = fixtures.job("ToBePlanned", null);
        int version = (int) fixtures.job(number).get("version");

        Map<String, String> form = edited(number, "name", "Boiler leaks again", "description", "Under the tank",
                "suggested_user_id", technician("T0009"), "suggested_date_start", "2098-03-10T10:00");
        HttpResponse<String> refused = save(number, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#suggested_date_start-error").text()).contains("work order " + busy);
        assertThat(page.select("#error-summary").text()).contains("work order " + busy);
        assertThat(page.select("input[name=name]").val()).isEqualTo("Boiler leaks again");
        assertThat(page.select("textarea[name=description]").text()).isEqualTo("Under the tank");
        assertThat(page.select("select[name=suggested_user_id] option[selected]").val()).isEqualTo(technician("T0009"));
        assertThat(page.select("input[name=suggested_date_start]").val()).isEqualTo("2098-03-10T10:00");
        assertThat(page.select("input[name=version]").val()).isEqualTo(String.valueOf(version));
        assertThat(page.select("input[type=checkbox][name=allow_overlap]")).hasSize(1);
        // nothing of the edit is saved, the other fields neither
        assertThat(fixtures.visits(number)).isZero();
        assertThat(fixtures.job(number)).containsEntry("version", version).containsEntry("suggested_user_id", null);
        assertThat(name(number)).isEqualTo("Visit test");

        Map<String, String> anyway = FormValues.of(page);
        anyway.put("allow_overlap", "1");
        HttpResponse<String> saved = save(number, anyway);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(fixtures.visits(number)).isEqualTo(1);
        assertThat(name(number)).isEqualTo("Boiler leaks again");
        assertThat(fixtures.job(number).get("suggested_user_id")).isEqualTo(fixtures.technician("T0009"));
        assertThat(suggestedStart(number)).isEqualTo(local("2098-03-10T10:00"));
        Document job = Jsoup.parse(planner.get("/backoffice/jobs/" + number).body());
        assertThat(job.select("#visits tr.visit").text()).contains("2098-03-10 10:00", "2098-03-10 11:00");
        assertThat(job.select("#history").text()).contains("visit added");
    }

    @Test
    void aChangedStartMovesTheFirstVisitKeepingItsLengthAndTellsTheCustomerOfAPlannedOne() {
        int number = fixtures.job("ToBePlanned", null);
        assertThat(fixtures.add(number, visit("T0010", "2098-04-10T09:00", "2098-04-10T11:30")).statusCode()).isEqualTo(303);
        assertThat(fixtures.add(number, visit("T0010", "2098-04-20T09:00", "2098-04-20T10:00")).statusCode()).isEqualTo(303);
        fixtures.status(number, "Planned");
        // Alice asked for it: she hears of its visits
        fixtures.jdbi.useHandle(h -> h.execute("""
                UPDATE jobs SET requested_by_contact_id = (SELECT contact_id FROM account WHERE username = 'alice@acme.demo.test')
                 WHERE id2 = ?""", number));
        int before = notifications(number, "visit_moved");

        HttpResponse<String> saved = save(number, edited(number, "suggested_date_start", "2098-04-12T13:00"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(fixtures.visits(number)).isEqualTo(2);
        assertThat(suggestedStart(number)).isEqualTo(local("2098-04-12T13:00"));
        Document job = Jsoup.parse(planner.get("/backoffice/jobs/" + number).body());
        assertThat(job.select("#visits tr.visit").get(0).text()).contains("2098-04-12 13:00", "2098-04-12 15:30", "confirmed");
        assertThat(job.select("#history").text()).contains("visit changed", "2098-04-10 09:00–11:30 → ");
        int told = notifications(number, "visit_moved");
        assertThat(told).as("the customer hears of the moved visit").isGreaterThan(before);

        // another technician, refused over their own visit elsewhere: the customer hears nothing
        int other = fixtures.job("ToBePlanned", null);
        assertThat(fixtures.add(other, visit("T0011", "2098-04-12T12:00", "2098-04-12T14:00")).statusCode()).isEqualTo(303);
        assertThat(save(number, edited(number, "suggested_user_id", technician("T0011"))).statusCode()).isEqualTo(422);
        assertThat(fixtures.job(number).get("suggested_user_id")).isEqualTo(fixtures.technician("T0010"));
        assertThat(notifications(number, "visit_moved")).isEqualTo(told);
    }

    @Test
    void aClosedWorkOrdersVisitsDontChangeThroughTheEditFormButItsOtherFieldsDo() {
        int number = fixtures.job("ToBePlanned", null);
        assertThat(fixtures.add(number, visit("T0012", "2098-05-10T09:00", "2098-05-10T10:00")).statusCode()).isEqualTo(303);
        fixtures.status(number, "Planned");
        fixtures.status(number, "InProgress");
        fixtures.status(number, "Completed");
        int version = (int) fixtures.job(number).get("version");

        HttpResponse<String> refused = save(number, edited(number, "name", "Done, but moved",
                "suggested_date_start", "2098-05-11T09:00"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#suggested_user_id-error").text()).contains("This work order is closed");
        assertThat(fixtures.job(number).get("version")).isEqualTo(version);
        assertThat(name(number)).isEqualTo("Visit test");
        assertThat(suggestedStart(number)).isEqualTo(local("2098-05-10T09:00"));

        assertThat(save(number, edited(number, "name", "Done")).statusCode()).isEqualTo(303);
        assertThat(name(number)).isEqualTo("Done");
    }

    @Test
    void clearingTheSuggestionOfAWorkOrderWithVisitsPointsToTheVisitsAndWithoutVisitsIsSaved() {
        int number = fixtures.job("ToBePlanned", null);
        assertThat(fixtures.add(number, visit("T0009", "2098-06-10T09:00", "2098-06-10T10:00")).statusCode()).isEqualTo(303);
        HttpResponse<String> refused = save(number, edited(number, "suggested_user_id", "", "name", "No technician"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#suggested_user_id-error").text())
                .contains("follow this work order’s first visit", "Planned visits");
        assertThat(fixtures.job(number).get("suggested_user_id")).isEqualTo(fixtures.technician("T0009"));
        assertThat(name(number)).isEqualTo("Visit test");
        assertThat(fixtures.visits(number)).isEqualTo(1);

        // without a visit, a technician alone (no start yet) and none at all are as typed
        int free = fixtures.job("ToBePlanned", null);
        assertThat(save(free, edited(free, "suggested_user_id", technician("T0009"))).statusCode()).isEqualTo(303);
        assertThat(fixtures.job(free).get("suggested_user_id")).isEqualTo(fixtures.technician("T0009"));
        assertThat(save(free, edited(free, "suggested_user_id", "")).statusCode()).isEqualTo(303);
        assertThat(fixtures.job(free).get("suggested_user_id")).isNull();
        assertThat(fixtures.visits(free)).isZero();
    }

    @Test
    void aWorkOrderWhoseStatusNeedsATechnicianKeepsItThroughTheEditFormAndAPlannedOneItsLastVisit() {
        // Dispatched with a suggested technician and no visit yet
        int number = fixtures.job("Open", null);
        assertThat(save(number, edited(number, "suggested_user_id", technician("T0009"))).statusCode()).isEqualTo(303);
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", "Dispatched")).statusCode())
                .isEqualTo(303);
        int version = (int) fixtures.job(number).get("version");

        HttpResponse<String> refused = save(number, edited(number, "suggested_user_id", "", "name", "Nobody goes"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#suggested_user_id-error").text()).contains("needs a technician");
        assertThat(page.select("#error-summary").text()).contains("needs a technician");
        // the form as typed, nothing saved
        assertThat(page.select("input[name=name]").val()).isEqualTo("Nobody goes");
        assertThat(page.select("select[name=suggested_user_id] option[selected]").eachAttr("value"))
                .doesNotContain(technician("T0009"));
        assertThat(fixtures.job(number)).containsEntry("version", version).containsEntry("status", "Dispatched")
                .containsEntry("suggested_user_id", fixtures.technician("T0009"));
        assertThat(name(number)).isEqualTo("Visit test");
        // its other fields still change, and another technician may take over
        assertThat(save(number, edited(number, "name", "Still dispatched")).statusCode()).isEqualTo(303);
        assertThat(name(number)).isEqualTo("Still dispatched");
        assertThat(save(number, edited(number, "suggested_user_id", technician("T0010"))).statusCode()).isEqualTo(303);
        assertThat(fixtures.job(number).get("suggested_user_id")).isEqualTo(fixtures.technician("T0010"));

        // a Planned work order keeps its last visit: the edit form removes none
        int planned = fixtures.job("ToBePlanned", null);
        assertThat(fixtures.add(planned, visit("T0011", "2098-11-10T09:00", "2098-11-10T10:00")).statusCode()).isEqualTo(303);
        planner.get("/backoffice/jobs/" + planned);
        assertThat(planner.post("/backoffice/jobs/" + planned + "/status", Map.of("status", "Planned")).statusCode())
                .isEqualTo(303);
        assertThat(save(planned, edited(planned, "suggested_user_id", "")).statusCode()).isEqualTo(422);
        assertThat(save(planned, edited(planned, "suggested_date_start", "")).statusCode()).isEqualTo(422);
        assertThat(fixtures.visits(planned)).isEqualTo(1);
        assertThat(fixtures.job(planned).get("suggested_user_id")).isEqualTo(fixtures.technician("T0011"));
    }

    @Test
    void someoneWhoPlansNoVisitsIsNoTechnicianToSuggestWithAStart() {
        String clerk = fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT id::text FROM app_user WHERE NOT allow_service_app AND NOT disabled AND NOT archived
                 ORDER BY code LIMIT 1""").mapTo(String.class).one());
        int number = fixtures.job("ToBePlanned", null);
        HttpResponse<String> refused = save(number, edited(number, "suggested_user_id", clerk,
                "suggested_date_start", "2098-09-10T09:00"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#suggested_user_id-error").text()).contains("Only a technician");
        assertThat(fixtures.job(number).get("suggested_user_id")).isNull();
    }

    @Test
    void aTechnicianWithoutTheSkillIsSuggestedWithTheVisitFormsWarning() {
        UUID lacked = fixtures.skill("T0010", false);
        int number = fixtures.job("ToBePlanned", lacked);
        HttpResponse<String> saved = save(number, edited(number, "suggested_user_id", technician("T0010"),
                "suggested_date_start", "2098-07-10T09:00"));
        assertThat(saved.statusCode()).isEqualTo(303);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("visit-warning=skill");
        assertThat(Jsoup.parse(planner.get(location).body()).select("#visit-warning").text()).contains("does not have the skill");
    }

    @Test
    void anEditFromAnOlderVersionStillConflictsAndMovesNoVisit() {
        int number = fixtures.job("ToBePlanned", null);
        Map<String, String> stale = edited(number, "suggested_user_id", technician("T0011"),
                "suggested_date_start", "2098-08-10T09:00");
        assertThat(fixtures.add(number, visit("T0011", "2098-08-11T09:00", "2098-08-11T10:00")).statusCode()).isEqualTo(303);
        assertThat(save(number, stale).statusCode()).isEqualTo(409);
        assertThat(suggestedStart(number)).isEqualTo(local("2098-08-11T09:00"));
        assertThat(fixtures.visits(number)).isEqualTo(1);
    }
    @Test
    void movingToSuggestedAddsTheSuggestedVisitThroughTheOverlapCheckUnlessThePlannerConfirms() {
        int busy = fixtures.job("ToBePlanned", null);
        assertThat(fixtures.add(busy, visit("T0012", "2098-10-10T09:00", "2098-10-10T11:00")).statusCode()).isEqualTo(303);
        // an Open work order keeps a suggestion without a visit; Suggested makes it one
        int number = fixtures.job("Open", null);
        fixtures.jdbi.useHandle(h -> h.createUpdate("""
                UPDATE jobs SET suggested_user_id = :technician, suggested_date_start = :start WHERE id2 = :n""")
                .bind("technician", fixtures.technician("T0012"))
                .bind("start", local("2098-10-10T10:00").atOffset(java.time.ZoneOffset.UTC)).bind("n", number).execute());
        int version = (int) fixtures.job(number).get("version");

        planner.get("/backoffice/jobs/" + number);
        HttpResponse<String> refused = planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", "Suggested"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#status-visit").text()).contains("work order " + busy);
        // nothing half-saved: neither the status nor a visit nor a history entry
        assertThat(fixtures.job(number)).containsEntry("status", "Open").containsEntry("version", version);
        assertThat(fixtures.visits(number)).isZero();
        assertThat(Jsoup.parse(planner.get("/backoffice/jobs/" + number).body()).select("#history").text())
                .doesNotContain("visit added");

        Map<String, String> anyway = new java.util.HashMap<>();
        page.select("#status-overlap-form input[name]").forEach(field -> anyway.put(field.attr("name"), field.val()));
        assertThat(anyway).containsEntry("status", "Suggested").containsEntry("allow_overlap", "1");
        HttpResponse<String> saved = planner.post(page.select("#status-overlap-form").attr("action"), anyway);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(fixtures.job(number).get("status")).isEqualTo("Suggested");
        assertThat(fixtures.visits(number)).isEqualTo(1);
        Document job = Jsoup.parse(planner.get("/backoffice/jobs/" + number).body());
        assertThat(job.select("#visits tr.visit").text()).contains("2098-10-10 10:00", "2098-10-10 11:00");
        assertThat(job.select("#history").text()).contains("visit added");
    }
}
