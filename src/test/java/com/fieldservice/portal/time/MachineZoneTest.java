package com.fieldservice.portal.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestDashboard;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portal in the default business zone (Europe/Brussels) on machines set to other zones: a
 * planner types 09:30 and every page, export and filter reads 09:30 and the typed days, the
 * database keeps the days as days and the dashboard counts by the Brussels calendar, whatever
 * the JVM's zone (and so the zone of its database sessions).
 */
class MachineZoneTest {

    /** In summer time: Brussels is UTC+2 then, Tokyo UTC+9. */
    static final String TYPED_START = "2099-06-15T09:30";

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Tokyo"})
    void whatThePlannerTypesEveryoneReadsTheSame(String machineZone) {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(machineZone));
        try (TestPortal portal = TestPortal.start()) {
            DemoData.fillIfEmpty(portal.jdbi(), 100);
            WebSession planner = portal.visitor();
            planner.signIn("planner@demo.test", DemoData.DEMO_PASSWORD);
            int installation = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT p.id2 FROM project p JOIN company c ON c.id = p.company_id
                     WHERE c.code = 'ACME' AND NOT p.is_mobile_installation ORDER BY p.id2 LIMIT 1""").mapTo(Integer.class).one());
            // a technician (one who goes on visits): at Suggested, the suggestion becomes a visit
            String technician = TestAccounts.technician(portal.jdbi());
            assertThat(Jsoup.parse(planner.get("/backoffice/jobs/new").body())
                    .select("select[name=suggested_user_id] option[value=" + technician + "]")).hasSize(1);

            HttpResponse<String> created = planner.post("/backoffice/jobs/new", Map.of("project_search", "#" + installation,
                    "name", "Zone check", "customer_reference", "PO-ZONE-" + machineZone.length(),
                    "suggested_user_id", technician, "suggested_date_start", TYPED_START,
                    "earliest_date_plannable", "2099-06-14", "due_date", "2099-06-18"));
            assertThat(created.statusCode()).isEqualTo(303);
            int number = Integer.parseInt(created.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
            assertThat(planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", "Suggested")).statusCode())
                    .isEqualTo(303);

            // stored as the instant it is: 09:30 in Brussels in June is 07:30 UTC; the days as the days typed
            String stored = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT to_char(suggested_date_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' '
                           || pg_typeof(due_date) || ' ' || earliest_date_plannable || ' ' || due_date
                      FROM jobs WHERE id2 = :n""").bind("n", number).mapTo(String.class).one());
            assertThat(stored).isEqualTo("2099-06-15 07:30 date 2099-06-14 2099-06-18");

            Document detail = Jsoup.parse(planner.get("/backoffice/jobs/" + number).body());
            assertThat(detail.text()).contains("Suggested start 2099-06-15 09:30", "Not before 2099-06-14", "2099-06-18");
            assertThat(detail.select("#visits").text()).contains("2099-06-15 09:30", "2099-06-15 10:30");
            Document form = Jsoup.parse(planner.get("/backoffice/jobs/" + number + "/edit").body());
            assertThat(form.select("input[name=suggested_date_start]").val()).isEqualTo(TYPED_START);
            assertThat(form.select("input[name=due_date]").val()).isEqualTo("2099-06-18");
            assertThat(form.select("input[name=earliest_date_plannable]").val()).isEqualTo("2099-06-14");

            // "due until 18 June" is the local day: the job is in, and out the day before
            assertThat(planner.get("/backoffice/jobs?q=" + number + "&due_from=2099-06-18&due_to=2099-06-18").body())
                    .contains("/backoffice/jobs/" + number + "\"");
            assertThat(planner.get("/backoffice/jobs?q=" + number + "&due_to=2099-06-17").body())
                    .doesNotContain("/backoffice/jobs/" + number + "\"");
            assertThat(planner.get("/backoffice/jobs.csv?q=" + number).body()).contains("2099-06-18");

            // the reference API keeps its shape: the same instant, ISO-8601 with an offset; a day at
            // midnight UTC, so that its date part is the day itself
            UUID id = portal.jdbi().withHandle(h -> h.createQuery("SELECT id FROM jobs WHERE id2 = :n").bind("n", number)
                    .mapTo(UUID.class).one());
            assertThat(portal.apiGet("/api/jobs/" + id).body().replace(" ", ""))
                    .contains("\"suggested_date_start\":\"2099-06-15T07:30:00.000000+00:00\"",
                            "\"due_date\":\"2099-06-18T00:00:00.000000+00:00\"",
                            "\"earliest_date_plannable\":\"2099-06-14T00:00:00.000000+00:00\"");
            assertThat(planner.get("/backoffice/jobs.csv?names=reference&q=" + number).body())
                    .contains("2099-06-18T00:00:00.000000+00:00");

            // the suggestion is the job's first visit: Planned confirms it for the customer
            assertThat(planner.post("/backoffice/jobs/" + number + "/status", Map.of("status", "Planned")).statusCode())
                    .isEqualTo(303);

            dashboardDaysAreBrusselsDays(portal);
            WebSession alice = portal.visitor();
            alice.signIn("alice@acme.demo.test", DemoData.DEMO_PASSWORD);
            assertThat(Jsoup.parse(alice.get("/portal/jobs/" + number).body()).text()).contains("15 Jun 2099, 09:30–10:30");
            assertThat(alice.get("/portal/jobs.csv").body()).contains("2099-06-15 09:30");
            WebSession visitor = portal.visitor();
            visitor.get("/track");
            assertThat(Jsoup.parse(visitor.post("/track", Map.of("number", String.valueOf(number),
                    "customer_reference", "PO-ZONE-" + machineZone.length())).body()).text()).contains("Next visit 15 Jun 2099");

            // the audit log and the history read in the business zone too
            WebSession admin = portal.visitor();
            admin.signIn("admin@demo.test", DemoData.DEMO_PASSWORD);
            Document audit = Jsoup.parse(admin.get("/admin/audit").body());
            String newest = audit.select("tbody tr").first().attr("data-id");
            String when = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT to_char(occurred_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD HH24:MI:SS')
                      FROM audit_log WHERE id = :id""").bind("id", Long.parseLong(newest)).mapTo(String.class).one());
            assertThat(audit.select("tbody tr").first().selectFirst("td").text()).isEqualTo(when);
            String changed = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT to_char(max(changed_at) AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD HH24:MI')
                      FROM job_history WHERE job_id = :id""").bind("id", id).mapTo(String.class).one());
            assertThat(Jsoup.parse(planner.get("/backoffice/jobs/" + number).body()).select("#history time").first().text())
                    .isEqualTo(changed);
        } finally {
            TimeZone.setDefault(before);
        }
    }

    /**
     * The dashboard around the Brussels midnights of the job's due day (Thursday 18 June 2099, the
     * only open one due in 2099; every other one was due long before): due on the Brussels today,
     * it is due this week and not overdue, from the first minute of that day to the last, though
     * UTC is still on the 17th at first and Tokyo already on the 19th at the end; overdue from the
     * first minute of the 19th in Brussels, while UTC is still on the 18th. And the week is
     * Brussels' (Monday 15 to Sunday 21): in on Sunday 23:50, gone at Monday 00:10.
     */
    private static void dashboardDaysAreBrusselsDays(TestPortal portal) {
        long dueBefore = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM jobs WHERE date_closed IS NULL AND due_date < '2099-01-01'").mapTo(Long.class).one());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("2099-06-18T00:10", List.of(String.valueOf(dueBefore), "1"));
        expected.put("2099-06-18T23:50", List.of(String.valueOf(dueBefore), "1"));
        expected.put("2099-06-19T00:10", List.of(String.valueOf(dueBefore + 1), "1"));
        expected.put("2099-06-21T23:50", List.of(String.valueOf(dueBefore + 1), "1"));
        expected.put("2099-06-22T00:10", List.of(String.valueOf(dueBefore + 1), "0"));
        expected.forEach((brussels, figures) -> {
            ZoneId zone = ZoneId.of("Europe/Brussels");
            Document page = TestDashboard.at(portal.jdbi(),
                    BusinessClock.fixed(LocalDateTime.parse(brussels).atZone(zone).toInstant(), zone));
            assertThat(List.of(TestDashboard.headline(page, "dash-overdue"), TestDashboard.headline(page, "dash-due-week")))
                    .as("overdue and due this week at %s in Brussels", brussels).isEqualTo(figures);
        });
    }
}
