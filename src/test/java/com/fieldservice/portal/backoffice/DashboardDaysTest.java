package com.fieldservice.portal.backoffice;

import static com.fieldservice.portal.support.TestDashboard.headline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestDashboard;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.time.BusinessClock;
import java.time.Instant;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The dashboard's "today", "this week" and weeks are the business zone's, on a clock set just after its midnight. */
class DashboardDaysTest {

    @Test
    void justAfterMidnightInBrusselsItIsAlreadyMondayThere() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        DemoData.fillIfEmpty(jdbi, 100);
        // reported and created in the first quarter hour of Monday 7 December, Brussels time (Sunday in UTC), due that Monday
        jdbi.useHandle(h -> h.execute("""
                UPDATE jobs j SET date_create = '2026-12-06 23:15+00', date_reported_by_company = '2026-12-06 23:15+00',
                       earliest_date_plannable = NULL, due_date = '2026-12-07',
                       requested_by_contact_id = (SELECT ct.id FROM contact ct WHERE ct.company_id = j.company_id LIMIT 1)
                 WHERE j.id2 = (SELECT min(o.id2) FROM jobs o JOIN job_status s ON s.id = o.job_status_id
                                 WHERE s.code = 'Open' AND EXISTS (SELECT 1 FROM contact ct WHERE ct.company_id = o.company_id))"""));
        BusinessClock clock = BusinessClock.fixed(Instant.parse("2026-12-06T23:30:00Z"), ZoneId.of("Europe/Brussels"));
        Document page = TestDashboard.at(jdbi, clock);
        assertThat(headline(page, "dash-reported")).isEqualTo("1");
        // due today (Monday) is not overdue yet: only what was due by Sunday
        assertThat(headline(page, "dash-overdue")).isEqualTo(one(jdbi, """
                SELECT count(*) FROM jobs WHERE date_closed IS NULL AND due_date < '2026-12-07'"""));
        assertThat(headline(page, "dash-due-week")).isEqualTo(one(jdbi, """
                SELECT count(*) FROM jobs WHERE date_closed IS NULL AND due_date BETWEEN '2026-12-07' AND '2026-12-13'"""));
        assertThat(one(jdbi, "SELECT count(*) FROM jobs WHERE date_closed IS NULL AND due_date = '2026-12-07'")).isNotEqualTo("0");
        assertThat(page.select("#week-table tbody tr").last().text()).isEqualTo("2026-12-07 1 0");
        assertThat(page.getElementById("counted-at").text()).startsWith("Counted at 00:30:00");
    }

    private static String one(Jdbi jdbi, String sql) {
        Long count = jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        return count.toString();
    }
}
