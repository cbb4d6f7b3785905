package com.fieldservice.portal.planning;

import static com.fieldservice.portal.planning.PlanningFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The visits of a work order, through the planner's routes: each rule of issue 12's first part. */
class VisitsTest {

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

    /**
     * A visit added: the work order and the technician locked, the overlap check, and the visit
     * written with the work order following it and its history entry; a move reads the visit first.
     */
    @Test
    void addingAVisitTakesFourStatementsAndMovingItFive() {
        int number = fixtures.job("ToBePlanned", null);
        UUID account = fixtures.jdbi.withHandle(h -> h.createQuery("SELECT id FROM account WHERE username = 'planner@demo.test'")
                .mapTo(UUID.class).one());
        Principal who = new Principal(account, "planner@demo.test", Role.PLANNER, "Pat Planner", Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        VisitService service = new VisitService(fixtures.jdbi, TestClock.DEFAULT);
        try (StatementCounter counter = StatementCounter.recording(fixtures.jdbi).serving(config -> { })) {
            assertThat(service.add(number, new VisitService.VisitInput("T0006", "2099-08-03T09:00", "2099-08-03T10:00", false,
                    Optional.empty()), who)).isInstanceOf(VisitService.Saved.class);
            assertThat(counter.statements()).hasSize(4);
            UUID visit = fixtures.jdbi.withHandle(h -> h.createQuery(
                    "SELECT id FROM job_planning WHERE job_id = (SELECT id FROM jobs WHERE id2 = :n)").bind("n", number)
                    .mapTo(UUID.class).one());
            counter.forget();
            assertThat(service.move(number, visit, new VisitService.VisitInput("T0006", "2099-08-04T09:00", "2099-08-04T10:00",
                    false, Optional.empty()), who)).isInstanceOf(VisitService.Saved.class);
            assertThat(counter.statements()).hasSize(5);
        }
        List<String> kinds = fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT kind FROM job_history WHERE job_id = (SELECT id FROM jobs WHERE id2 = :n) ORDER BY id""")
                .bind("n", number).mapTo(String.class).list());
        assertThat(kinds).containsSubsequence("visit-added", "visit-moved");
        // the work order follows its (moved) first visit
        assertThat(((java.sql.Timestamp) fixtures.job(number).get("suggested_date_start")).toInstant())
                .isEqualTo(local("2099-08-04T09:00"));
    }

    private static HttpResponse<String> add(int number, Map<String, String> fields) {
        return fixtures.add(number, fields);
    }

    private static Document page(int number) {
        return Jsoup.parse(planner.get("/backoffice/jobs/" + number).body());
    }

    private static java.time.Instant local(String typed) {
        return LocalDateTime.parse(typed).atZone(ZoneId.of("Europe/Brussels")).toInstant();
    }

    @Test
    void aVisitIsAddedWithItsHistoryAndTheJobsSuggestionFollowsItsFirstVisit() {
        int number = fixtures.job("ToBePlanned", null);
        int version = (int) fixtures.job(number).get("version");
        HttpResponse<String> added = add(number, visit("T0001", "2099-03-10T09:00", "2099-03-10T11:00"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow()).startsWith("/backoffice/jobs/" + number + "?visit-saved");
        // a later one, by its GUID, of another technician: the first visit still leads
        UUID second = fixtures.technician("T0002");
        assertThat(add(number, visit(second.toString(), "2099-03-12T13:00", "2099-03-12T14:00")).statusCode()).isEqualTo(303);

        Map<String, Object> job = fixtures.job(number);
        assertThat(job.get("suggested_user_id")).isEqualTo(fixtures.technician("T0001"));
        assertThat(((java.sql.Timestamp) job.get("suggested_date_start")).toInstant()).isEqualTo(local("2099-03-10T09:00"));
        assertThat((int) job.get("version")).isEqualTo(version + 2);
        // the integration reads the same plan
        String json = fixtures.portal.apiGet("/api/jobs/" + job.get("id")).body().replace(" ", "");
        assertThat(json).contains("\"suggested_date_start\":\"2099-03-10T08:00:00.000000+00:00\"",
                "\"suggested_user_id\":\"" + fixtures.technician("T0001") + "\"");

        Document page = page(number);
        assertThat(page.select("#visits tbody tr.visit")).hasSize(2);
        assertThat(page.select("#visits tbody tr.visit").get(0).text()).contains("2099-03-10 09:00", "2099-03-10 11:00", "proposed");
        assertThat(page.select("#history").text()).contains("visit added", "2099-03-10 09:00–11:00", "2099-03-12 13:00–14:00");

        // moving the first one after the second: the second leads now
        UUID first = fixtures.firstVisit(number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits/" + first,
                visit("T0001", "2099-03-13T09:00", "2099-03-13T10:00")).statusCode()).isEqualTo(303);
        job = fixtures.job(number);
        assertThat(job.get("suggested_user_id")).isEqualTo(second);
        assertThat(((java.sql.Timestamp) job.get("suggested_date_start")).toInstant()).isEqualTo(local("2099-03-12T13:00"));
        assertThat(page(number).select("#history").text()).contains("visit changed", "2099-03-10 09:00–11:00 → ");

        // removing both: no suggestion left
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits/" + fixtures.firstVisit(number) + "/delete", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits/" + fixtures.firstVisit(number) + "/delete", Map.of())
                .statusCode()).isEqualTo(303);
        job = fixtures.job(number);
        assertThat(job.get("suggested_user_id")).isNull();
        assertThat(job.get("suggested_date_start")).isNull();
        assertThat(page(number).select("#history").text()).contains("visit removed");
    }

    @Test
    void aRefusedVisitAnswers422WithTheFormAsTypedAndSavesNothing() {
        int number = fixtures.job("ToBePlanned", null);
        int version = (int) fixtures.job(number).get("version");
        HttpResponse<String> refused = add(number, visit("T0001", "2099-04-10T11:00", "2099-04-10T10:00"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#visit-errors").text()).contains("The end must come after the start");
        assertThat(page.select("#add-visit input[name=technician]").val()).isEqualTo("T0001");
        assertThat(page.select("#add-visit input[name=start]").val()).isEqualTo("2099-04-10T11:00");
        assertThat(page.select("#add-visit input[name=end]").val()).isEqualTo("2099-04-10T10:00");

        assertThat(add(number, visit("NOBODY", "2099-04-10T10:00", "2099-04-10T11:00")).body()).contains("No technician has this code");
        assertThat(add(number, visit("T0001", "10/04/2099", "2099-04-10T11:00")).statusCode()).isEqualTo(422);
        assertThat(add(number, visit("T0001", "0000-04-10T10:00", "2099-04-10T11:00")).statusCode()).isEqualTo(422);
        assertThat(add(number, visit("T0001", "2099-04-10T10:00", "2099-04-25T11:00")).body()).contains("14 days at the most");
        assertThat(fixtures.visits(number)).isZero();
        assertThat(fixtures.job(number).get("version")).isEqualTo(version);
    }

    @Test
    void aClosedWorkOrdersVisitsDontChange() {
        int number = fixtures.job("ToBePlanned", null);
        assertThat(add(number, visit("T0003", "2099-05-10T09:00", "2099-05-10T10:00")).statusCode()).isEqualTo(303);
        fixtures.status(number, "Planned");
        fixtures.status(number, "InProgress");
        fixtures.status(number, "Completed");
        HttpResponse<String> refused = add(number, visit("T0003", "2099-05-11T09:00", "2099-05-11T10:00"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("This work order is closed");
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits/" + fixtures.firstVisit(number) + "/delete", Map.of())
                .statusCode()).isEqualTo(422);
        // nor moves one: the visit, the work order and its history stay as they were
        UUID first = fixtures.firstVisit(number);
        int version = (int) fixtures.job(number).get("version");
        planner.get("/backoffice/jobs/" + number);
        HttpResponse<String> moved = planner.post("/backoffice/jobs/" + number + "/visits/" + first,
                visit("T0003", "2099-05-12T09:00", "2099-05-12T10:00"));
        assertThat(moved.statusCode()).isEqualTo(422);
        assertThat(moved.body()).contains("This work order is closed");
        assertThat(fixtures.job(number).get("version")).isEqualTo(version);
        assertThat(((java.sql.Timestamp) fixtures.job(number).get("suggested_date_start")).toInstant())
                .isEqualTo(local("2099-05-10T09:00"));
        assertThat(page(number).select("#visits tr.visit").text()).contains("2099-05-10 09:00").doesNotContain("2099-05-12");
        assertThat(fixtures.visits(number)).isEqualTo(1);
        assertThat(page(number).select("#visits tr.visit").text()).contains("done");
    }

    @Test
    void anOverlapIsRefusedNamingTheOtherWorkOrderUnlessThePlannerConfirms() {
        int one = fixtures.job("ToBePlanned", null);
        int other = fixtures.job("ToBePlanned", null);
        assertThat(add(one, visit("T0004", "2099-06-10T09:00", "2099-06-10T11:00")).statusCode()).isEqualTo(303);
        HttpResponse<String> refused = add(other, visit("T0004", "2099-06-10T10:30", "2099-06-10T12:00"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("#visit-errors").text()).contains("work order " + one);
        assertThat(page.select("#add-visit input[name=allow_overlap]")).hasSize(1);
        assertThat(fixtures.visits(other)).isZero();
        // touching is no overlap; confirming plans it anyway
        assertThat(add(other, visit("T0004", "2099-06-10T11:00", "2099-06-10T12:00")).statusCode()).isEqualTo(303);
        Map<String, String> anyway = new HashMap<>(visit("T0004", "2099-06-10T08:30", "2099-06-10T09:30"));
        anyway.put("allow_overlap", "1");
        assertThat(add(other, anyway).statusCode()).isEqualTo(303);
        assertThat(fixtures.visits(other)).isEqualTo(2);
        // moving a visit over itself is no overlap
        UUID first = fixtures.firstVisit(one);
        assertThat(planner.post("/backoffice/jobs/" + one + "/visits/" + first,
                visit("T0004", "2099-06-10T09:30", "2099-06-10T10:30")).statusCode()).isEqualTo(303);
    }

    @Test
    void aCancelledWorkOrdersVisitLeavesItsTechnicianFreeAsTheBoardShowsIt() {
        int cancelled = fixtures.job("ToBePlanned", null);
        assertThat(add(cancelled, visit("T0002", "2099-11-17T09:00", "2099-11-17T11:00")).statusCode()).isEqualTo(303);
        fixtures.status(cancelled, "Canceled");
        assertThat(fixtures.visits(cancelled)).isEqualTo(1);

        int number = fixtures.job("ToBePlanned", null);
        HttpResponse<String> saved = add(number, visit("T0002", "2099-11-17T10:00", "2099-11-17T12:00"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(fixtures.visits(number)).isEqualTo(1);
        // a visit of a work order still going on is in the way, as before
        int other = fixtures.job("ToBePlanned", null);
        HttpResponse<String> refused = add(other, visit("T0002", "2099-11-17T09:00", "2099-11-17T10:30"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#visit-errors").text()).contains("work order " + number)
                .doesNotContain("work order " + cancelled);
    }

    @Test
    void twoPlannersPlacingTheSameTechnicianAtOnceGetOneVisitOnly() throws Exception {
        List<Integer> jobs = List.of(fixtures.job("ToBePlanned", null), fixtures.job("ToBePlanned", null),
                fixtures.job("ToBePlanned", null), fixtures.job("ToBePlanned", null));
        WebSession other = fixtures.signedIn("planner@demo.test");
        planner.get("/backoffice/jobs/" + jobs.get(0));
        other.get("/backoffice/jobs/" + jobs.get(0));
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                WebSession session = i % 2 == 0 ? planner : other;
                int number = jobs.get(i);
                Callable<Integer> post = () -> session.post("/backoffice/jobs/" + number + "/visits",
                        visit("T0005", "2099-07-10T09:00", "2099-07-10T10:00")).statusCode();
                answers.add(pool.submit(post));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(303, 422).filteredOn(s -> s == 303).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jobs.stream().mapToInt(fixtures::visits).sum()).isEqualTo(1);
    }

    @Test
    void aTechnicianWithoutTheSkillIsPlannedWithAVisibleWarning() {
        int lacking = fixtures.job("ToBePlanned", fixtures.skill("T0006", false));
        HttpResponse<String> added = add(lacking, visit("T0006", "2099-08-10T09:00", "2099-08-10T10:00"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow()).contains("visit-warning=skill");
        Document page = Jsoup.parse(planner.get(added.headers().firstValue("Location").orElseThrow()).body());
        assertThat(page.select("#visit-warning").text()).contains("does not have the skill");
        assertThat(page.select("#visits tr.visit").text()).contains("lacks the skill");

        assertThat(page.select("#technician-choices option").eachAttr("value"))
                .as("the forms suggest the technicians who have the skill").doesNotContain("T0006").isNotEmpty();

        int able = fixtures.job("ToBePlanned", fixtures.skill("T0006", true));
        assertThat(page(able).select("#technician-choices option").eachAttr("value")).contains("T0006");
        HttpResponse<String> fine = add(able, visit("T0006", "2099-08-11T09:00", "2099-08-11T10:00"));
        assertThat(fine.headers().firstValue("Location").orElseThrow()).doesNotContain("visit-warning");
        assertThat(page(able).select("#visits tr.visit").text()).doesNotContain("lacks the skill");
    }

    @Test
    void theSuggestedTechniciansFollowASkillGivenOrTakenElsewhere() {
        UUID skill = fixtures.skill("T0006", false);
        int number = fixtures.job("ToBePlanned", skill);
        assertThat(page(number).select("#technician-choices option").eachAttr("value")).doesNotContain("T0006");

        // as psql or another instance would: the lists kept per skill are forgotten everywhere
        String give = "INSERT INTO app_user_skill (app_user_id, skill_id) SELECT id, ? FROM app_user WHERE code = 'T0006'";
        fixtures.jdbi.useHandle(h -> h.execute(give, skill));
        fixtures.portal.settle();
        assertThat(page(number).select("#technician-choices option").eachAttr("value")).contains("T0006");

        String take = "DELETE FROM app_user_skill WHERE skill_id = ? AND app_user_id = (SELECT id FROM app_user WHERE code = 'T0006')";
        fixtures.jdbi.useHandle(h -> h.execute(take, skill));
        fixtures.portal.settle();
        assertThat(page(number).select("#technician-choices option").eachAttr("value")).doesNotContain("T0006");
    }

    @Test
    void aFormReadAtAnOlderVersionIsRefusedWith409() {
        int number = fixtures.job("ToBePlanned", null);
        int version = (int) fixtures.job(number).get("version");
        assertThat(add(number, visit("T0007", "2099-09-10T09:00", "2099-09-10T10:00")).statusCode()).isEqualTo(303);
        Map<String, String> stale = new HashMap<>(visit("T0007", "2099-09-11T09:00", "2099-09-11T10:00"));
        stale.put("version", String.valueOf(version));
        HttpResponse<String> refused = add(number, stale);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("changed meanwhile");
        assertThat(fixtures.visits(number)).isEqualTo(1);
    }

    @Test
    void aVisitsStateFollowsItsWorkOrdersStatus() {
        int number = fixtures.job("Suggested", null);
        assertThat(add(number, visit("T0008", "2099-10-10T09:00", "2099-10-10T10:00")).statusCode()).isEqualTo(303);
        assertThat(page(number).select(".visit-state").text()).isEqualTo("proposed");
        fixtures.status(number, "Planned");
        assertThat(page(number).select(".visit-state").text()).isEqualTo("confirmed");
        fixtures.status(number, "InProgress");
        assertThat(page(number).select(".visit-state").text()).isEqualTo("confirmed");
        fixtures.status(number, "Completed");
        assertThat(page(number).select(".visit-state").text()).isEqualTo("done");
        List<String> states = fixtures.jdbi.withHandle(h -> h.createQuery(
                "SELECT code || ':' || visit_state FROM job_status WHERE code IN ('Dispatched', 'Canceled', 'Open') ORDER BY code")
                .mapTo(String.class).list());
        assertThat(states).containsExactly("Canceled:done", "Dispatched:proposed", "Open:proposed");
    }
}
