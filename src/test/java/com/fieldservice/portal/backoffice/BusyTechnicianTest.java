package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A technician with more jobs than the count cap (1,500 of 12,000): the page walks the list in
 * its order and checks each job against the technician's (the hashed form), and still shows
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
    void aBusyTechniciansNewestJobsByWalkingTheList() {
        List<Integer> page = page(Map.of("technician", List.of(busy)));
        assertThat(page).isEqualTo(expected("ORDER BY j.id2 DESC"));
        assertThat(pageStatement()).contains("OR false").contains("j.id2 IN (SELECT j.id2 FROM jobs j WHERE");
    }

    @Test
    void aBusyTechniciansNextPageByWalkingTheList() {
        List<Integer> newest = expectedFor(busy, "ORDER BY j.id2 DESC LIMIT 60 --");
        List<Integer> page = page(Map.of("technician", List.of(busy), "after", List.of(String.valueOf(newest.get(9)))));
        assertThat(page).isEqualTo(newest.subList(10, 35));
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

    private static List<Integer> expectedFor(String code, String order) {
        return grid.jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j WHERE j.suggested_user_id = (SELECT id FROM app_user WHERE code = :code)
                """ + order + " LIMIT 25").bind("code", code).mapTo(Integer.class).list());
    }
}
