package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which filtered grids keep one plan per connection: those whose filters take no value a person
 * chose (flags such as open or overdue), whatever their combination; any filter with a value a
 * person typed or picked has the grid planned for those values.
 */
class GridPlansTest {

    private static GridOnDemoData grid;

    @BeforeAll
    static void fill() {
        grid = new GridOnDemoData(3_000, h -> { });
    }

    @BeforeEach
    void forget() {
        grid.forget();
    }

    @Test
    void flagsAloneKeepOnePlan() {
        for (Map<String, List<String>> flags : List.of(Map.of("overdue", List.of("1")),
                Map.of("open", List.of("1"), "unplanned", List.of("1")), Map.of("reported", List.of("today")),
                Map.of("awaiting_reply", List.of("1")), Map.of("level", List.of("parents"), "sort", List.of("due_date")))) {
            grid.forget();
            grid.run(flags);
            assertThat(grid.planModeAsked()).as(flags.toString()).isEqualTo("force_generic_plan");
        }
    }

    @Test
    void aFilterWithAChosenValueBesideThemIsPlannedForIt() {
        String status = grid.jdbi.withHandle(h -> h.createQuery(
                "SELECT s.code FROM job_status s WHERE NOT s.is_closed ORDER BY s.code LIMIT 1").mapTo(String.class).one());
        for (Map<String, List<String>> chosen : List.of(Map.of("overdue", List.of("1"), "status", List.of(status)),
                Map.of("open", List.of("1"), "q", List.of("boiler")), Map.of("overdue", List.of("1"), "due_from", List.of("2026-01-01")))) {
            grid.forget();
            grid.run(chosen);
            assertThat(grid.planModeAsked()).as(chosen.toString()).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void theOverdueJobsUnderTheKeptPlanAreTheSoonestDue() {
        List<Integer> page = grid.run(Map.of("overdue", List.of("1"), "sort", List.of("due_date"), "dir", List.of("asc"))).numbers();
        assertThat(page).isNotEmpty().isEqualTo(grid.sql("SELECT id2 FROM jobs WHERE due_date < DATE '"
                + TestClock.DEFAULT.today() + "' AND date_closed IS NULL ORDER BY due_date, id2 LIMIT " + page.size()));
    }
}
