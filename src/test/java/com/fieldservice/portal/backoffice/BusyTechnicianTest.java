package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A technician with more jobs than the count cap (1,500 of 12,000): by number, the page takes
 * the newest (or oldest) of the technician's own numbers; by due date, it walks the list in its
 * order and checks each job against the technician's (the hashed form); either way it shows
 * exactly the newest, or the soonest due, of their jobs; a few jobs, or an order no index
 * keeps, are gathered first as before.
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
        assertThat(pageStatement()).doesNotContain("OR false").contains("SELECT DISTINCT j.id2 FROM (SELECT pl.job_id2");
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
    void aBusyTechniciansSoonestDueJobsByWalkingTheDueDates() {
        List<Integer> page = page(Map.of("technician", List.of(busy), "sort", List.of("due_date"), "dir", List.of("asc")));
        assertThat(page).isEqualTo(expected("ORDER BY coalesce(j.due_date, 'infinity'::date), j.id2"));
        assertThat(pageStatement()).contains("OR false");
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

    /** The busy technician's newest jobs, suggested to them or with a visit of theirs. */
    private static List<Integer> expectedWithVisits() {
        return grid.jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j, app_user u WHERE u.code = :code AND (j.suggested_user_id = u.id
                    OR EXISTS (SELECT 1 FROM job_planning pl WHERE pl.job_id = j.id AND pl.app_user_id = u.id))
                 ORDER BY j.id2 DESC LIMIT 25""").bind("code", busy).mapTo(Integer.class).list());
    }

    private static List<Integer> expectedFor(String code, String order) {
        return grid.jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j WHERE j.suggested_user_id = (SELECT id FROM app_user WHERE code = :code)
                """ + order + " LIMIT 25").bind("code", code).mapTo(Integer.class).list());
    }
}
