package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job's page for the back office, over the reference fixtures (every field filled on 4711). */
class JobDetailTest {

    static TestPortal portal;
    static Jdbi jdbi;
    static WebSession planner;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        jdbi = portal.jdbi();
        ReferenceFixtures.insert(jdbi);
        jdbi.useHandle(h -> {
            // two more children of 4710, around 4711's working sequence 2, inserted out of order
            h.execute("""
                    INSERT INTO jobs (id2, parent_id, working_sequence, project_id, job_type_id, job_status_id, name)
                    SELECT n, 'fe8d8064-6a26-4204-8718-a624886c6932', seq, 'd910e461-acd7-42e0-8ec6-146fab4fb28d',
                           (SELECT id FROM job_type WHERE code = 'REPAIR'), (SELECT id FROM job_status WHERE code = 'Open'), label
                      FROM (VALUES (4713, 3, 'Third step'), (4712, 1, 'First step')) AS c (n, seq, label)""");
            h.execute("""
                    INSERT INTO job_history (job_id, changed_at, changed_by, kind, changes, version) VALUES
                      ('d1a620fb-efca-4aec-b2fb-04d37a6deaf8', '2025-03-01 10:00+00', 'Pat Planner', 'edited',
                       '{"due_date": {"old": "2025-03-20", "new": "2025-03-31"}, "name": {"old": "<b>Old</b>", "new": "Service the main boiler"}}', 1),
                      ('d1a620fb-efca-4aec-b2fb-04d37a6deaf8', '2025-03-10 17:40+00', 'Tom Wouters', 'status',
                       '{"status": {"old": "InProgress", "new": "Completed"}}', 2),
                      ('d1a620fb-efca-4aec-b2fb-04d37a6deaf8', '2025-02-27 09:15+00', 'api@demo.test', 'created', '{}', 0)""");
            h.execute("""
                    INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                    VALUES ('d1a620fb-efca-4aec-b2fb-04d37a6deaf8', 'daf8d667-a5b6-446b-9016-cd1c2c081343',
                            '2025-03-05 08:00+00', '2025-03-05 09:00+00')""");
        });
        TestAccounts.staff(jdbi, "planner@detail.test", "planner");
        TestAccounts.staff(jdbi, "admin@detail.test", "admin");
        planner = portal.signedIn("planner@detail.test");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void showsEveryGroupOfTheFullJob() {
        Document page = page("/backoffice/jobs/4711");
        assertThat(page.select("h2").eachText()).contains("General", "Customer and installation", "Location and address",
                "Planning", "Notes", "Multi-job", "History");
        String text = page.text();
        assertThat(text).contains("Service the main boiler", "WO-2025-0101", "PO-88812", "Plant stopped", "Maintenance",
                "Completed", "Acme Chemicals", "Jan Claes", "Sofie Maes", "Main boiler", "EQ-ACME-0815",
                "ecoTEC plus 48 kW", "Gas boilers", "Vaillant", "Boiler room, level -1", "2027-04-01", "Under warranty",
                "Haven", "1050", "2030", "Antwerpen", "Belgium", "Tom Wouters", "90 minutes", "2025-03-01", "2025-03-31",
                "Gas certified", "Lucas Janssens");
        assertThat(page.getElementById("serial").text()).isEqualTo("VA-48-2023-00815");
        assertThat(page.getElementById("internal-memo").text()).isEqualTo("Customer asked twice about the invoice");
        assertThat(page.getElementById("description").text()).contains("flue gas analysis");
        assertThat(page.getElementById("parent").select("a").attr("href")).isEqualTo("/backoffice/jobs/4710");
        assertThat(page.getElementById("job-actions")).isNotNull();
        assertThat(page.select("[style]")).isEmpty();
    }

    @Test
    void planningVisitsInOrderOfStart() {
        Document page = page("/backoffice/jobs/4711");
        assertThat(page.select("#visits tbody tr").eachText()).hasSize(2);
        // stored at 08:00 UTC, read in the business zone (Brussels, UTC+1 in March)
        assertThat(page.select("#visits tbody tr").get(0).text()).contains("Lucas Janssens", "2025-03-05 09:00");
        assertThat(page.select("#visits tbody tr").get(1).text()).contains("Tom Wouters", "2025-03-10 09:00");
    }

    @Test
    void historyNewestFirstWithOldAndNewValues() {
        Document page = page("/backoffice/jobs/4711");
        var entries = page.select("#history > li");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).text()).contains("Tom Wouters", "status changed", "Status: In Progress → Completed");
        assertThat(entries.get(1).text()).contains("Pat Planner", "Due date: 2025-03-20 → 2025-03-31");
        assertThat(entries.get(1).html()).contains("&lt;b&gt;Old&lt;/b&gt;");
        assertThat(entries.get(2).text()).contains("created");
    }

    @Test
    void parentListsChildrenByWorkingSequence() {
        Document page = page("/backoffice/jobs/4710");
        assertThat(page.select("#children tbody tr").eachAttr("data-number")).containsExactly("4712", "4711", "4713");
    }

    @Test
    void mobileJobShowsItsOwnAddress() {
        int number = jdbi.withHandle(h -> h.createQuery("SELECT id2 FROM jobs WHERE id = :id")
                .bind("id", ReferenceFixtures.MOBILE_JOB).mapTo(Integer.class).one());
        Document page = page("/backoffice/jobs/" + number);
        assertThat(page.getElementById("address").text()).contains("Ghent festival site", "Kortrijksesteenweg", "12", "Gate 3", "9000", "Gent");
        assertThat(page.text()).contains("Mobile installation");
    }

    @Test
    void statusFormOffersOnlyAllowedTransitions() {
        Document open = page("/backoffice/jobs/4712");
        assertThat(open.select("#status-form").attr("action")).isEqualTo("/backoffice/jobs/4712/status");
        assertThat(open.select("#new-status option").eachAttr("value"))
                .containsExactlyInAnyOrder("ToBePlanned", "Pooling", "Suggested", "Dispatched", "Workshop", "Canceled");
        assertThat(open.select("#status-form input[name=_csrf]").attr("value")).isNotEmpty();
        Document completed = page("/backoffice/jobs/4711");
        assertThat(completed.select("#new-status option").eachAttr("value")).containsExactly("ExportedToErp");
    }

    @Test
    void unknownOrMalformedNumberIs404() {
        assertThat(planner.get("/backoffice/jobs/999999").statusCode()).isEqualTo(404);
        assertThat(planner.get("/backoffice/jobs/abc").statusCode()).isEqualTo(404);
        assertThat(planner.get("/backoffice/jobs/999999").body()).contains("Page not found");
    }

    @Test
    void adminsToo() {
        assertThat(portal.signedIn("admin@detail.test").get("/backoffice/jobs/4711").statusCode()).isEqualTo(200);
        assertThat(portal.signedIn("admin@detail.test").get("/backoffice/jobs").statusCode()).isEqualTo(200);
        assertThat(portal.signedIn("admin@detail.test").get("/backoffice").statusCode()).isEqualTo(200);
    }

    private static Document page(String path) {
        HttpResponse<String> answer = planner.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }
}
