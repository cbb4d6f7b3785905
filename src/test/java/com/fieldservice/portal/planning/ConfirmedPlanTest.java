package com.fieldservice.portal.planning;

import static com.fieldservice.portal.planning.PlanningFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a status needs before a planner may choose it (a technician, a visit), and what the
 * customer sees of the plan: confirmed visits only, the same on their list and their page, each
 * with its calendar file, within their scope.
 */
class ConfirmedPlanTest {

    static PlanningFixtures fixtures;
    static WebSession planner;
    static WebSession alice;

    @BeforeAll
    static void start() {
        fixtures = new PlanningFixtures();
        planner = fixtures.planner;
        alice = fixtures.signedIn("alice@acme.demo.test");
    }

    @AfterAll
    static void stop() {
        fixtures.close();
    }

    private static HttpResponse<String> add(int number, Map<String, String> fields) {
        return fixtures.add(number, fields);
    }

    private static HttpResponse<String> moveTo(int number, String status) {
        planner.get("/backoffice/jobs/" + number);
        return planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", status));
    }

    @Test
    void dispatchedNeedsATechnicianAndPlannedAVisitAndTheFormSaysSoBeforehand() {
        int number = fixtures.job("Open", null);
        Document page = Jsoup.parse(planner.get("/backoffice/jobs/" + number).body());
        assertThat(page.select("#new-status option[value=Dispatched]").hasAttr("disabled")).isTrue();
        assertThat(page.select("#new-status option[value=Dispatched]").text()).contains("needs a technician");
        assertThat(page.select("#status-needs").text()).contains("without a technician");
        HttpResponse<String> refused = moveTo(number, "Dispatched");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#status-need").text()).contains("without a technician");
        assertThat(fixtures.job(number).get("status")).isEqualTo("Open");

        assertThat(moveTo(number, "ToBePlanned").statusCode()).isEqualTo(303);
        page = Jsoup.parse(planner.get("/backoffice/jobs/" + number).body());
        assertThat(page.select("#new-status option[value=Planned]").hasAttr("disabled")).isTrue();
        assertThat(page.select("#new-status option[value=Planned]").text()).contains("needs a visit");
        assertThat(moveTo(number, "Planned").statusCode()).isEqualTo(422);

        assertThat(add(number, visit("T0001", "2099-05-04T09:30", "2099-05-04T11:30")).statusCode()).isEqualTo(303);
        page = Jsoup.parse(planner.get("/backoffice/jobs/" + number).body());
        assertThat(page.select("#new-status option[value=Planned]").hasAttr("disabled")).isFalse();
        assertThat(moveTo(number, "Planned").statusCode()).isEqualTo(303);
        // a Planned work order keeps its last visit
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits/" + fixtures.firstVisit(number) + "/delete", Map.of())
                .statusCode()).isEqualTo(422);

        int withTechnician = fixtures.job("Open", null);
        assertThat(add(withTechnician, visit("T0002", "2099-05-05T09:30", "2099-05-05T10:30")).statusCode()).isEqualTo(303);
        assertThat(moveTo(withTechnician, "Dispatched").statusCode()).isEqualTo(303);
    }

    @Test
    void theCustomerSeesConfirmedVisitsOnlyAndTheirListAgreesWithThePage() {
        int number = fixtures.job("Suggested", null);
        assertThat(add(number, visit("T0003", "2099-05-04T09:30", "2099-05-04T11:30")).statusCode()).isEqualTo(303);
        // proposed: not a promise yet
        Document page = Jsoup.parse(alice.get("/portal/jobs/" + number).body());
        assertThat(page.select("#visits li")).isEmpty();
        assertThat(page.select("#no-visits")).hasSize(1);
        assertThat(page.select("#status-hint").text()).doesNotContain("A visit is planned");
        assertThat(nextVisit(number)).doesNotContain("2099");

        assertThat(moveTo(number, "Planned").statusCode()).isEqualTo(303);
        page = Jsoup.parse(alice.get("/portal/jobs/" + number).body());
        assertThat(page.select("#status-hint").text()).isEqualTo("A visit is planned.");
        assertThat(page.select("#visits li").first().text()).startsWith("Mon 4 May 2099, 09:30–11:30 Technician: ");
        String technicianFirstName = fixtures.jdbi.withHandle(h -> h.createQuery("SELECT firstname FROM app_user WHERE code = 'T0003'")
                .mapTo(String.class).one());
        assertThat(page.select("#visits li").first().text()).contains(technicianFirstName)
                .doesNotContain("T0003");
        // the list's next visit is the page's first one to come
        assertThat(nextVisit(number)).contains("Mon 4 May 2099, 09:30", technicianFirstName);

        // a later visit doesn't change the next one; an earlier one does, on both
        assertThat(add(number, visit("T0003", "2099-05-06T09:30", "2099-05-06T10:00")).statusCode()).isEqualTo(303);
        assertThat(add(number, visit("T0004", "2099-05-03T14:00", "2099-05-03T15:00")).statusCode()).isEqualTo(303);
        page = Jsoup.parse(alice.get("/portal/jobs/" + number).body());
        assertThat(page.select("#visits li")).hasSize(3);
        assertThat(page.select("#visits li").first().text()).startsWith("Sun 3 May 2099, 14:00–15:00");
        assertThat(nextVisit(number)).contains("Sun 3 May 2099, 14:00");
    }

    @Test
    void aScheduledWorkOrderWithoutAVisitDoesNotSayOneIsPlanned() {
        int number = fixtures.job("ToBePlanned", null);
        fixtures.status(number, "Planned");
        Document page = Jsoup.parse(alice.get("/portal/jobs/" + number).body());
        assertThat(page.select("#no-visits")).hasSize(1);
        assertThat(page.select("#status-hint").text()).doesNotContain("A visit is planned");
    }

    @Test
    void eachConfirmedVisitDownloadsAsACalendarFileWithinTheCustomersScope() {
        int number = fixtures.job("ToBePlanned", null);
        fixtures.jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET name = :name WHERE id2 = :n")
                .bind("name", "Boiler, room; level -1 \\ noisy since the storm of last week, please call before coming to the site")
                .bind("n", number).execute());
        assertThat(add(number, visit("T0005", "2099-07-14T09:30", "2099-07-14T11:00")).statusCode()).isEqualTo(303);
        assertThat(moveTo(number, "Planned").statusCode()).isEqualTo(303);
        String link = Jsoup.parse(alice.get("/portal/jobs/" + number).body()).select("#visits a.visit-calendar").attr("href");
        assertThat(link).isEqualTo("/portal/jobs/" + number + "/visits/1/calendar.ics");

        HttpResponse<String> calendar = alice.get(link);
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        String ics = calendar.body();
        ICalendarTest.assertWellFormed(ics);
        String unfolded = ICalendarTest.unfold(ics);
        assertThat(unfolded).contains("\r\nDTSTART;TZID=Europe/Brussels:20990714T093000\r\n",
                "\r\nDTEND;TZID=Europe/Brussels:20990714T110000\r\n", "\r\nTZID:Europe/Brussels\r\n",
                "SUMMARY:Visit for work order " + number + ": Boiler\\, room\\; level -1 \\\\ noisy since");
        assertThat(ics).contains("\r\n ");
        // the numbers of the visits there are, of the customer's own work orders, only
        assertThat(alice.get("/portal/jobs/" + number + "/visits/2/calendar.ics").statusCode()).isEqualTo(404);
        WebSession bob = fixtures.signedIn("bob@globex.demo.test");
        assertThat(bob.get(link).statusCode()).isEqualTo(404);
        // a proposed visit has no calendar file
        int proposed = fixtures.job("Suggested", null);
        assertThat(add(proposed, visit("T0005", "2099-07-15T09:30", "2099-07-15T11:00")).statusCode()).isEqualTo(303);
        assertThat(alice.get("/portal/jobs/" + proposed + "/visits/1/calendar.ics").statusCode()).isEqualTo(404);
    }

    /** The "next visit" cell of the work order's row on the customer's list. */
    private static String nextVisit(int number) {
        Document list = Jsoup.parse(alice.get("/portal/jobs").body());
        Element row = list.select("#jobs-table tr:has(a[href=/portal/jobs/" + number + "])").first();
        assertThat(row).as("row of " + number).isNotNull();
        return row.select("td[data-label=Next visit]").text();
    }
}
