package com.fieldservice.portal.planning;

import static com.fieldservice.portal.planning.PlanningFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.jobs.DateInput;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planning board, the work waiting beside it, and the technicians' calendar feeds. */
class BoardTest {

    /** Monday 4 May 2099. */
    static final String WEEK = DateInput.weekOf(LocalDate.of(2099, 5, 4));

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

    private static Document board(String query) {
        HttpResponse<String> answer = planner.get("/backoffice/planning?" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    @Test
    void techniciansAreRowsTheDaysColumnsAndEachVisitLinksToItsWorkOrder() {
        int number = fixtures.job("ToBePlanned", null);
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits", visit("T0002", "2099-05-06T13:15", "2099-05-06T14:45"))
                .statusCode()).isEqualTo(303);

        Document board = board("week=" + WEEK);
        assertThat(board.select("#board thead th[data-day]").eachAttr("data-day"))
                .containsExactly("2099-05-04", "2099-05-05", "2099-05-06", "2099-05-07", "2099-05-08", "2099-05-09", "2099-05-10");
        Element row = board.select("#board tr[data-technician=T0002]").first();
        assertThat(row).isNotNull();
        Element visit = row.select("td[data-day=2099-05-06] a.board-visit").first();
        assertThat(visit.attr("href")).isEqualTo("/backoffice/jobs/" + number);
        String installation = fixtures.jdbi.withHandle(h -> h.createQuery(
                "SELECT p.name FROM jobs j JOIN project p ON p.id = j.project_id WHERE j.id2 = :n").bind("n", number)
                .mapTo(String.class).one());
        assertThat(visit.text()).isEqualTo(number + " · " + installation + " · 13:15–14:45");
        // a proposed visit reads in italics, its state as its title
        assertThat(visit.attr("title")).isEqualTo("proposed");
        assertThat(visit.classNames()).contains("board-visit", "fst-italic").doesNotContain("fw-semibold");
        assertThat(board.select("#board tr[data-technician]").size()).isEqualTo(
                fixtures.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM app_user WHERE allow_service_app")
                        .mapTo(Integer.class).one()));
        assertThat(board.select("#previous-week").attr("href")).isEqualTo("/backoffice/planning?week="
                + DateInput.weekOf(LocalDate.of(2099, 4, 27)));
        assertThat(board.select("#next-week").attr("href")).isEqualTo("/backoffice/planning?week="
                + DateInput.weekOf(LocalDate.of(2099, 5, 11)));
        // a week later the visit is not on the board
        assertThat(Jsoup.parse(planner.get(board.select("#next-week").attr("href")).body())
                .select("a[href=/backoffice/jobs/" + number + "].board-visit")).isEmpty();
    }

    @Test
    void theBoardFiltersTechniciansBySkillAndTeamAndKeepsTheFiltersAcrossWeeks() {
        UUID skill = fixtures.skill("T0001", true);
        Document bySkill = board("week=" + WEEK + "&skill=" + skill);
        List<String> able = fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT u.code FROM app_user u JOIN app_user_skill us ON us.app_user_id = u.id
                 WHERE us.skill_id = :s AND u.allow_service_app ORDER BY u.code""").bind("s", skill).mapTo(String.class).list());
        assertThat(bySkill.select("#board tr[data-technician]").eachAttr("data-technician")).containsExactlyInAnyOrderElementsOf(able);
        assertThat(bySkill.select("#next-week").attr("href")).contains("skill=" + skill);

        UUID leader = fixtures.technician("T0001");
        Document byTeam = board("week=" + WEEK + "&team=" + leader);
        List<String> team = fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT code FROM app_user WHERE id = :l OR team_leader_user_id = :l ORDER BY code""").bind("l", leader)
                .mapTo(String.class).list());
        assertThat(byTeam.select("#board tr[data-technician]").eachAttr("data-technician")).containsExactlyInAnyOrderElementsOf(team);
        assertThat(byTeam.select("#filter-team option[selected]").val()).isEqualTo(leader.toString());
    }

    @Test
    void theWorkWaitingIsListedOldestDueFirstAndIsPlannedFromTheBoard() {
        Document board = board("week=" + WEEK);
        List<String> numbers = board.select("#waiting li.waiting-job").eachAttr("data-number");
        assertThat(numbers).isNotEmpty();
        List<String> expected = fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2::text FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE s.code IN ('ToBePlanned', 'Pooling', 'Suggested') AND j.date_closed IS NULL
                   AND NOT EXISTS (SELECT 1 FROM job_planning pl WHERE pl.job_id = j.id)
                 ORDER BY coalesce(j.due_date, 'infinity'), j.id2 LIMIT 30""").mapTo(String.class).list());
        assertThat(numbers).isEqualTo(expected);

        int first = Integer.parseInt(numbers.get(0));
        Element form = board.select("#waiting li[data-number=" + first + "] form.plan-form").first();
        Map<String, String> fields = new HashMap<>();
        form.select("input").forEach(input -> fields.put(input.attr("name"), input.val()));
        assertThat(fields).containsKeys("_csrf", "version", "return_to", "technician", "start", "end");
        fields.put("technician", "T0009");
        fields.put("start", "2099-05-05T08:00");
        fields.put("end", "2099-05-05T09:30");
        HttpResponse<String> planned = planner.post(form.attr("action"), fields);
        assertThat(planned.statusCode()).isEqualTo(303);
        String back = planned.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith("/backoffice/planning?week=" + WEEK + "&visit-saved=" + first);
        Document after = Jsoup.parse(planner.get(back).body());
        assertThat(after.select("#waiting li[data-number=" + first + "]")).isEmpty();
        assertThat(after.select("#board tr[data-technician=T0009] td[data-day=2099-05-05] a.board-visit").text())
                .startsWith(first + " · ");
        assertThat(after.select("#board-notice").text()).contains(String.valueOf(first));
    }

    @Test
    void aWeekThatCantBeReadIsABadRequestWithAPageSayingSo() {
        for (String week : List.of("2026-W54", "2026-W00", "2026-50", "next", "2026-W5")) {
            HttpResponse<String> answer = planner.get("/backoffice/planning?week=" + week);
            assertThat(answer.statusCode()).as(week).isEqualTo(400);
            assertThat(Jsoup.parse(answer.body()).select("#bad-week").text()).as(week).contains(week, "A week, such as 2026-W50");
        }
        assertThat(planner.get("/backoffice/planning?week=0000-W10").statusCode()).isEqualTo(400);
        assertThat(planner.get("/backoffice/planning?week=2026-W53").statusCode()).isEqualTo(200);
        assertThat(planner.get("/backoffice/planning?week=2025-W53").statusCode()).isEqualTo(400);
        assertThat(planner.get("/backoffice/planning").statusCode()).isEqualTo(200);
    }

    @Test
    void theBoardTakesFourStatementsWhateverTheWeekHolds() {
        try (StatementCounter counter = StatementCounter.recording(fixtures.jdbi)) {
            BoardHandler handler = new BoardHandler(fixtures.jdbi, TestClock.DEFAULT);
            counter.serving(config -> config.routes.get("/backoffice/planning", handler::board));
            String thisWeek = DateInput.weekOf(TestClock.DEFAULT.today());
            for (String query : List.of("week=" + thisWeek, "week=" + WEEK, "week=" + thisWeek + "&skill="
                    + fixtures.skill("T0001", true))) {
                counter.forget();
                assertThat(counter.get("/backoffice/planning?" + query)).isEqualTo(200);
                assertThat(counter.statements()).as(query).hasSize(4);
            }
            counter.forget();
            assertThat(counter.get("/backoffice/planning?week=nonsense")).isEqualTo(400);
            assertThat(counter.statements()).isEmpty();
        }
    }

    @Test
    void theBoardShowsAPageOfTechniciansAtATimeWithTheirVisitsAndKeepsThePageAcrossWeeks() {
        List<String> byName = fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT code FROM app_user WHERE allow_service_app AND NOT disabled AND NOT archived
                 ORDER BY firstname, lastname, code""").mapTo(String.class).list());
        assertThat(byName).hasSizeGreaterThan(10);
        int number = fixtures.job("ToBePlanned", null);
        String onSecondPage = byName.get(7);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits", visit(onSecondPage, "2099-05-07T09:00", "2099-05-07T10:00"))
                .statusCode()).isEqualTo(303);
        try (StatementCounter counter = StatementCounter.recording(fixtures.jdbi)) {
            BoardHandler handler = new BoardHandler(fixtures.jdbi, TestClock.DEFAULT, 5);
            counter.serving(config -> config.routes.get("/backoffice/planning", handler::board));
            Document first = Jsoup.parse(counter.get("/backoffice/planning?week=" + WEEK, "en").body());
            assertThat(first.select("#board tr[data-technician]").eachAttr("data-technician")).isEqualTo(byName.subList(0, 5));
            assertThat(first.select("#technicians-shown").text()).isEqualTo("Technicians 1–5 of " + byName.size());
            assertThat(first.select("#previous-technicians")).isEmpty();
            assertThat(first.select("a[href=/backoffice/jobs/" + number + "].board-visit")).isEmpty();
            assertThat(first.select("#technician-choices option").eachAttr("value")).isEqualTo(byName.subList(0, 5));

            String second = first.select("#next-technicians").attr("href");
            assertThat(second).isEqualTo("/backoffice/planning?week=" + WEEK + "&page=2");
            counter.forget();
            Document page = Jsoup.parse(counter.get(second, "en").body());
            assertThat(counter.statements()).hasSize(4);
            assertThat(page.select("#board tr[data-technician]").eachAttr("data-technician")).isEqualTo(byName.subList(5, 10));
            assertThat(page.select("#board tr[data-technician=" + onSecondPage + "] td[data-day=2099-05-07] a.board-visit").text())
                    .startsWith(number + " · ");
            assertThat(page.select("#previous-technicians").attr("href")).isEqualTo("/backoffice/planning?week=" + WEEK);
            assertThat(page.select("#next-week").attr("href")).endsWith("&page=2");

            int last = (byName.size() + 4) / 5;
            Document lastPage = Jsoup.parse(counter.get("/backoffice/planning?week=" + WEEK + "&page=" + last, "en").body());
            assertThat(lastPage.select("#board tr[data-technician]").eachAttr("data-technician"))
                    .isEqualTo(byName.subList((last - 1) * 5, byName.size()));
            assertThat(lastPage.select("#next-technicians")).isEmpty();

            Document beyond = Jsoup.parse(counter.get("/backoffice/planning?week=" + WEEK + "&page=" + (last + 3), "en").body());
            assertThat(beyond.select("#board tr[data-technician]")).isEmpty();
            assertThat(beyond.select("#board td").text()).isEqualTo("No technician on this page: go back to the previous ones.");
            assertThat(beyond.select("#previous-technicians")).isNotEmpty();
            for (String unreadable : List.of("0", "-1", "two", "99999999999")) {
                assertThat(Jsoup.parse(counter.get("/backoffice/planning?week=" + WEEK + "&page=" + unreadable, "en").body())
                        .select("#board tr[data-technician]").eachAttr("data-technician")).as(unreadable)
                        .isEqualTo(byName.subList(0, 5));
            }
        }
    }

    @Test
    void aTechniciansWeekIsAFeedBehindASecretAddressThatAnAdministratorRenews() {
        int number = fixtures.job("ToBePlanned", null);
        String thisMonday = TestClock.DEFAULT.today().with(java.time.DayOfWeek.MONDAY).toString();
        planner.get("/backoffice/jobs/" + number);
        assertThat(planner.post("/backoffice/jobs/" + number + "/visits",
                visit("T0010", thisMonday + "T06:00", thisMonday + "T06:45")).statusCode()).isEqualTo(303);

        WebSession admin = fixtures.signedIn("admin@demo.test");
        Document board = Jsoup.parse(admin.get("/backoffice/planning").body());
        Element renew = board.select("#board tr[data-technician=T0010] form").first();
        assertThat(renew).isNotNull();
        assertThat(Jsoup.parse(planner.get("/backoffice/planning").body()).select("#board tr[data-technician=T0010] form")).isEmpty();
        HttpResponse<String> renewed = admin.post(renew.attr("action"), Map.of());
        assertThat(renewed.statusCode()).isEqualTo(200);
        String url = Jsoup.parse(renewed.body()).select("#calendar-url").text();
        String path = url.replaceFirst("^https?://[^/]+", "");
        assertThat(path).matches("/calendar/[A-Za-z0-9_-]{43}");
        assertThat(planner.post(renew.attr("action"), Map.of()).statusCode()).isEqualTo(403);

        HttpResponse<String> feed = fixtures.portal.get(path);
        assertThat(feed.statusCode()).isEqualTo(200);
        ICalendarTest.assertWellFormed(feed.body());
        assertThat(ICalendarTest.unfold(feed.body())).contains("SUMMARY:" + number + " · ",
                "DTSTART;TZID=Europe/Brussels:" + thisMonday.replace("-", "") + "T060000");
        // the secret is not stored as such
        int storedAsIs = fixtures.jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM technician_calendar WHERE token_hash = convert_to(:t, 'UTF8')")
                .bind("t", path.substring("/calendar/".length())).mapTo(Integer.class).one());
        assertThat(storedAsIs).isZero();

        HttpResponse<String> again = admin.post(renew.attr("action"), Map.of());
        String newPath = Jsoup.parse(again.body()).select("#calendar-url").text().replaceFirst("^https?://[^/]+", "");
        assertThat(newPath).isNotEqualTo(path);
        assertThat(fixtures.portal.get(path).statusCode()).isEqualTo(404);
        assertThat(fixtures.portal.get(newPath).statusCode()).isEqualTo(200);
        assertThat(fixtures.portal.get("/calendar/guessed").statusCode()).isEqualTo(404);
        // each renewal is in the audit log, with who and for whom
        List<String> audited = fixtures.jdbi.withHandle(h -> h.createQuery(
                "SELECT username || ' ' || detail FROM audit_log WHERE event = 'calendar_link_renewed' ORDER BY id")
                .mapTo(String.class).list());
        assertThat(audited).hasSize(2).allSatisfy(entry -> assertThat(entry).startsWith("admin@demo.test ")
                .contains(fixtures.technician("T0010").toString()));
    }
}
