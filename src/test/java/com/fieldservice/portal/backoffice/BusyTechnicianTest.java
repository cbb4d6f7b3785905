package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.HeldLock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A technician with more jobs than the count cap (1,500 of 12,000): by number or by due date, the
 * page takes the newest (or oldest, soonest or latest due) of the technician's own numbers and due
 * dates, and shows exactly those of their jobs; a few jobs, or an order no index keeps, are
 * gathered first as before.
 */
class BusyTechnicianTest {

    private static final int JOBS = 12_000;
    private static GridOnDemoData grid;
    private static String busy;
    private static String quiet;

    @BeforeAll
    static void fill() {
        grid = new GridOnDemoData(JOBS, h -> {
            List<String> codes = h.createQuery("SELECT code FROM app_user WHERE code IS NOT NULL ORDER BY code LIMIT 2")
                    .mapTo(String.class).list();
            busy = codes.get(0);
            quiet = codes.get(1);
            h.execute("UPDATE jobs SET suggested_user_id = NULL WHERE suggested_user_id IN (SELECT id FROM app_user WHERE code IN (?, ?))",
                    busy, quiet);
            h.execute("DELETE FROM job_planning WHERE app_user_id IN (SELECT id FROM app_user WHERE code IN (?, ?))", busy, quiet);
            h.execute("UPDATE jobs SET suggested_user_id = (SELECT id FROM app_user WHERE code = ?) WHERE id2 % 8 = 0", busy);
            h.execute("UPDATE jobs SET suggested_user_id = (SELECT id FROM app_user WHERE code = ?) WHERE id2 % 1000 = 1", quiet);
        });
    }

    @BeforeEach
    void forget() {
        grid.forget();
    }

    @Test
    void aBusyTechniciansNewestJobsFromTheirOwnNumbers() {
        List<Integer> page = page(Map.of("technician", List.of(busy)));
        assertThat(page).isEqualTo(expected("ORDER BY j.id2 DESC"));
        assertThat(pageStatement()).doesNotContain("OR false").contains("SELECT j.id2 FROM (SELECT pl.job_id2, pl.job_due_date");
    }

    @Test
    void aBusyTechniciansPagesByNumberBothWays() {
        List<Integer> newest = expectedFor(busy, "ORDER BY j.id2 DESC LIMIT 60 --");
        assertThat(page(Map.of("technician", List.of(busy), "after", List.of(String.valueOf(newest.get(9))))))
                .isEqualTo(newest.subList(10, 35));
        assertThat(page(Map.of("technician", List.of(busy), "before", List.of(String.valueOf(newest.get(40))))))
                .isEqualTo(newest.subList(15, 40));
        List<Integer> oldest = expectedFor(busy, "ORDER BY j.id2 LIMIT 60 --");
        assertThat(page(Map.of("technician", List.of(busy), "sort", List.of("number"), "dir", List.of("asc"))))
                .isEqualTo(oldest.subList(0, 25));
        assertThat(page(Map.of("technician", List.of(busy), "sort", List.of("number"), "dir", List.of("asc"),
                "after", List.of(String.valueOf(oldest.get(2)))))).isEqualTo(oldest.subList(3, 28));
    }

    /**
     * The technician's visits count as much as the jobs suggested to them, each job once however
     * many visits it has; a visit moved to another job is listed under that job's number.
     */
    @Test
    void aBusyTechniciansVisitsAreTheirJobsToo() {
        List<Integer> visited = grid.jdbi.withHandle(h -> h.createQuery("""
                WITH busy AS (SELECT id FROM app_user WHERE code = :code),
                     newest AS (SELECT j.id FROM jobs j WHERE j.suggested_user_id IS DISTINCT FROM (SELECT id FROM busy)
                                 ORDER BY j.id2 DESC LIMIT 3)
                INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                SELECT n.id, (SELECT id FROM busy), timestamptz '2031-03-03 08:00+01' + v * interval '1 day',
                       timestamptz '2031-03-03 09:00+01' + v * interval '1 day'
                  FROM newest n, generate_series(1, 2) v
                RETURNING job_id2""").bind("code", busy).mapTo(Integer.class).list());
        try {
            grid.forget();
            assertThat(page(Map.of("technician", List.of(busy)))).doesNotHaveDuplicates().containsAll(visited)
                    .isEqualTo(expectedWithVisits());
            List<Integer> moved = grid.jdbi.withHandle(h -> h.createQuery("""
                    UPDATE job_planning SET job_id = (SELECT id FROM jobs WHERE id2 = 2)
                     WHERE job_id2 = :n AND app_user_id = (SELECT id FROM app_user WHERE code = :code)
                    RETURNING job_id2""").bind("n", visited.get(0)).bind("code", busy).mapTo(Integer.class).list());
            assertThat(moved).containsOnly(2);
            grid.forget();
            assertThat(page(Map.of("technician", List.of(busy)))).isEqualTo(expectedWithVisits());
            // were a job ever renumbered, its visits would follow
            grid.jdbi.useHandle(h -> h.execute("UPDATE jobs SET id2 = 99999 WHERE id2 = ?", visited.get(2)));
            grid.forget();
            assertThat(page(Map.of("technician", List.of(busy)))).startsWith(99999).isEqualTo(expectedWithVisits());
        } finally {
            grid.jdbi.useHandle(h -> h.execute("UPDATE jobs SET id2 = ? WHERE id2 = 99999", visited.get(2)));
            grid.jdbi.useHandle(h -> h.execute("DELETE FROM job_planning WHERE app_user_id = (SELECT id FROM app_user WHERE code = ?)", busy));
        }
    }

    @Test
    void aTechnicianAloneIsCountedFromTheirJobs() {
        assertThat(grid.run(Map.of("technician", List.of(busy))).matches().count().capped()).isTrue();
        grid.forget();
        JobSearch.Matches matches = grid.run(Map.of("technician", List.of(quiet))).matches();
        assertThat(matches.count().capped()).isFalse();
        assertThat(matches.count().value()).isEqualTo(12);
        assertThat(matches.numbers()).containsExactlyInAnyOrderElementsOf(expectedFor(quiet, "ORDER BY j.id2 LIMIT 100 --"));
        assertThat(grid.statements()).anyMatch(sql -> sql.contains("SELECT DISTINCT s.id FROM"));
    }

    /** Whoever the technician, their jobs are read the same way: one plan, kept; other filters are planned for their values. */
    @Test
    void aTechnicianAloneKeepsOnePlan() {
        for (String code : List.of(busy, quiet)) {
            grid.forget();
            grid.run(Map.of("technician", List.of(code), "sort", List.of("due_date")));
            assertThat(grid.planModeAsked()).as(code).isEqualTo("force_generic_plan");
        }
        grid.forget();
        grid.run(Map.of("technician", List.of(busy), "status", List.of("Open")));
        assertThat(grid.planModeAsked()).isEqualTo("force_custom_plan");
    }

    @Test
    void aTechnicianWithAnotherFilterIsCountedOnTheirJobsThatPassIt() {
        String status = grid.jdbi.withHandle(h -> h.createQuery("SELECT s.code FROM jobs j JOIN job_status s"
                + " ON s.id = j.job_status_id WHERE j.id2 = 1001").mapTo(String.class).one());
        JobSearch.Matches matches = grid.run(Map.of("technician", List.of(quiet), "status", List.of(status))).matches();
        List<Integer> expected = grid.jdbi.withHandle(h -> h.createQuery("SELECT j.id2 FROM jobs j"
                + " JOIN job_status s ON s.id = j.job_status_id WHERE s.code = :status"
                + " AND j.suggested_user_id = (SELECT id FROM app_user WHERE code = :code)")
                .bind("code", quiet).bind("status", status).mapTo(Integer.class).list());
        assertThat(matches.numbers()).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(grid.statements()).noneMatch(sql -> sql.contains("SELECT DISTINCT s.id FROM"));
    }

    @Test
    void aBusyTechniciansSoonestDueJobsFromTheirOwnDueDates() {
        List<Integer> page = page(Map.of("technician", List.of(busy), "sort", List.of("due_date"), "dir", List.of("asc")));
        assertThat(page).isEqualTo(expected("ORDER BY coalesce(j.due_date, 'infinity'::date), j.id2"));
        assertThat(pageStatement()).doesNotContain("OR false").contains("pl.job_due_date");
    }

    @Test
    void aBusyTechniciansPagesByDueDateBothWays() {
        for (String dir : List.of("asc", "desc")) {
            List<Map<String, Object>> due = dueOrder(dir, 60);
            assertThat(page(Map.of("technician", List.of(busy), "sort", List.of("due_date"), "dir", List.of(dir),
                    "after", List.of(String.valueOf(due.get(9).get("id2"))), "key", List.of((String) due.get(9).get("key")))))
                    .as(dir).isEqualTo(numbers(due.subList(10, 35)));
            assertThat(page(Map.of("technician", List.of(busy), "sort", List.of("due_date"), "dir", List.of(dir),
                    "before", List.of(String.valueOf(due.get(40).get("id2"))), "key", List.of((String) due.get(40).get("key")))))
                    .as(dir).isEqualTo(numbers(due.subList(15, 40)));
        }
    }

    /**
     * A visit carries its job's due date, kept by the database: set when the visit is written,
     * changed with the job's; the technician's page by due date follows both.
     */
    @Test
    void aJobsDueDateFollowsToItsVisits() {
        List<Map<String, Object>> before = grid.jdbi.withHandle(h -> h.createQuery("""
                SELECT id2, earliest_date_plannable, due_date FROM jobs WHERE suggested_user_id IS NULL ORDER BY id2 DESC LIMIT 2""")
                .mapToMap().list());
        List<Integer> visited = numbers(before);
        Map<String, List<String>> soonest = Map.of("technician", List.of(busy), "sort", List.of("due_date"), "dir", List.of("asc"));
        try {
            visit(visited.get(0));
            dueDate(visited.get(0), LocalDate.of(2001, 1, 1));
            grid.forget();
            assertThat(page(soonest)).startsWith(visited.get(0)).isEqualTo(expectedWithVisits(SOONEST_DUE));
            dueDate(visited.get(0), null);
            grid.forget();
            assertThat(page(soonest)).doesNotContain(visited.get(0)).isEqualTo(expectedWithVisits(SOONEST_DUE));
            dueDate(visited.get(1), LocalDate.of(2000, 6, 1));
            visit(visited.get(1));
            grid.forget();
            assertThat(page(soonest)).startsWith(visited.get(1)).isEqualTo(expectedWithVisits(SOONEST_DUE));
        } finally {
            grid.jdbi.useHandle(h -> h.execute("DELETE FROM job_planning WHERE app_user_id = (SELECT id FROM app_user WHERE code = ?)", busy));
            before.forEach(job -> grid.jdbi.useHandle(h -> h.createUpdate(
                            "UPDATE jobs SET earliest_date_plannable = :earliest, due_date = :due WHERE id2 = :id2")
                    .bind("earliest", (Object) job.get("earliest_date_plannable")).bind("due", (Object) job.get("due_date"))
                    .bind("id2", (Integer) job.get("id2")).execute()));
        }
    }

    /** A visit's due date is never the one a concurrent edit of its job is replacing. */
    @Test
    void aVisitAddedWhileItsJobsDueDateChangesWaitsAndCopiesTheNewDate() throws Exception {
        Map<String, Object> before = grid.jdbi.withHandle(h -> h.createQuery("""
                SELECT id2, earliest_date_plannable, due_date FROM jobs WHERE suggested_user_id IS NULL ORDER BY id2 LIMIT 1""")
                .mapToMap().one());
        int number = (Integer) before.get("id2");
        HeldLock edit = HeldLock.take(grid.jdbi,
                "UPDATE jobs SET earliest_date_plannable = NULL, due_date = DATE '2002-02-02' WHERE id2 = " + number);
        try {
            CompletableFuture<LocalDate> copied = CompletableFuture.supplyAsync(() -> grid.jdbi.withHandle(h -> h.createQuery("""
                    INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                    SELECT j.id, u.id, timestamptz '2031-03-05 08:00+01', timestamptz '2031-03-05 09:00+01'
                      FROM jobs j, app_user u WHERE j.id2 = :number AND u.code = :code
                    RETURNING job_due_date""").bind("number", number).bind("code", busy).mapTo(LocalDate.class).one()));
            assertThat(edit.awaitWaiting(1, Duration.ofSeconds(10))).singleElement().asString().contains("INSERT INTO job_planning");
            edit.commit();
            assertThat(copied.get(10, TimeUnit.SECONDS)).isEqualTo(LocalDate.of(2002, 2, 2));
        } finally {
            edit.close();
            grid.jdbi.useHandle(h -> h.execute("DELETE FROM job_planning WHERE app_user_id = (SELECT id FROM app_user WHERE code = ?)", busy));
            grid.jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET earliest_date_plannable = :earliest, due_date = :due WHERE id2 = :id2")
                    .bind("earliest", (Object) before.get("earliest_date_plannable")).bind("due", (Object) before.get("due_date"))
                    .bind("id2", number).execute());
        }
    }

    private static void visit(int number) {
        grid.jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                SELECT j.id, u.id, timestamptz '2031-03-03 08:00+01', timestamptz '2031-03-03 09:00+01'
                  FROM jobs j, app_user u WHERE j.id2 = ? AND u.code = ?""", number, busy));
    }

    /** Sets a job's due date (and no earliest date to plan, which must not come after it). */
    private static void dueDate(int number, LocalDate due) {
        grid.jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET earliest_date_plannable = NULL, due_date = :due WHERE id2 = :id2")
                .bind("due", due).bind("id2", number).execute());
    }

    @Test
    void anOrderNoIndexKeepsGathersTheJobsFirst() {
        List<Integer> page = page(Map.of("technician", List.of(busy), "sort", List.of("company"), "dir", List.of("asc")));
        assertThat(page).hasSize(25);
        assertThat(pageStatement()).doesNotContain("OR false");
    }

    @Test
    void aTechnicianWithFewJobsIsReadByNumber() {
        List<Integer> page = page(Map.of("technician", List.of(quiet)));
        assertThat(page).isEqualTo(expectedFor(quiet, "ORDER BY j.id2 DESC"));
        assertThat(pageStatement()).doesNotContain("OR false");
    }

    @Test
    void aTechnicianWithFewJobsByDueDateFromTheirOwnDueDates() {
        Map<String, List<String>> latest = Map.of("technician", List.of(quiet), "sort", List.of("due_date"), "dir", List.of("desc"));
        assertThat(page(latest)).hasSize(12)
                .isEqualTo(expectedFor(quiet, "ORDER BY coalesce(j.due_date, 'infinity'::date) DESC, j.id2 DESC"));
        assertThat(pageStatement()).contains("pl.job_due_date").doesNotContain("OFFSET 0");
    }

    @Test
    void aTechnicianWithFewJobsPagesByNumberBothWays() {
        List<Integer> newest = expectedFor(quiet, "ORDER BY j.id2 DESC");
        assertThat(page(Map.of("technician", List.of(quiet), "after", List.of(String.valueOf(newest.get(3))))))
                .isEqualTo(newest.subList(4, newest.size()));
        assertThat(page(Map.of("technician", List.of(quiet), "before", List.of(String.valueOf(newest.get(5))))))
                .isEqualTo(newest.subList(0, 5));
        List<Integer> oldest = expectedFor(quiet, "ORDER BY j.id2");
        assertThat(page(Map.of("technician", List.of(quiet), "sort", List.of("number"), "dir", List.of("asc"),
                "after", List.of(String.valueOf(oldest.get(2)))))).isEqualTo(oldest.subList(3, oldest.size()));
    }

    private static List<Integer> page(Map<String, List<String>> params) {
        return grid.run(params).numbers();
    }

    private static String pageStatement() {
        return grid.statements().stream().filter(sql -> sql.contains("sort_key")).reduce((first, second) -> second).orElseThrow();
    }

    private static List<Integer> expected(String order) {
        return expectedFor(busy, order);
    }

    private static final String SOONEST_DUE = "ORDER BY coalesce(j.due_date, 'infinity'::date), j.id2";

    /** The busy technician's newest jobs, suggested to them or with a visit of theirs. */
    private static List<Integer> expectedWithVisits() {
        return expectedWithVisits("ORDER BY j.id2 DESC");
    }

    private static List<Integer> expectedWithVisits(String order) {
        return grid.jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j, app_user u WHERE u.code = :code AND (j.suggested_user_id = u.id
                    OR EXISTS (SELECT 1 FROM job_planning pl WHERE pl.job_id = j.id AND pl.app_user_id = u.id))
                """ + order + " LIMIT 25").bind("code", busy).mapTo(Integer.class).list());
    }

    /** The busy technician's jobs by due date, each with the key of its page link. */
    private static List<Map<String, Object>> dueOrder(String dir, int limit) {
        return grid.jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2, CASE WHEN j.due_date IS NULL THEN 'infinity' ELSE to_char(j.due_date, 'YYYY-MM-DD') END AS key
                  FROM jobs j WHERE j.suggested_user_id = (SELECT id FROM app_user WHERE code = :code)
                 ORDER BY coalesce(j.due_date, 'infinity'::date) %1$s, j.id2 %1$s LIMIT :limit""".formatted(dir))
                .bind("code", busy).bind("limit", limit).mapToMap().list());
    }

    private static List<Integer> numbers(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (Integer) row.get("id2")).toList();
    }

    private static List<Integer> expectedFor(String code, String order) {
        return grid.jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j WHERE j.suggested_user_id = (SELECT id FROM app_user WHERE code = :code)
                """ + order + " LIMIT 25").bind("code", code).mapTo(Integer.class).list());
    }
}
