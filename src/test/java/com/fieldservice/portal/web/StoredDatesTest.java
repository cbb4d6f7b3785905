package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every date of a work order and of its visits set, straight in the database, to the earliest
 * and the latest instants a person can enter and the database keeps: every page, CSV and the
 * API that shows the work order still answers, and shows the date.
 */
class StoredDatesTest {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Brussels");
    static final String CUSTOMER = "casey@dates.test";
    static final String PLANNER = "planner@dates.test";
    static final String REFERENCE = "PO-ODD-DATES";

    static TestPortal portal;
    static WebSession planner;
    static WebSession customer;
    static int number;
    static UUID jobId;

    /** The extremes of the forms (in the business zone) and of the database's constraints. */
    static List<OffsetDateTime> extremes() {
        return List.of(LocalDateTime.of(1900, 1, 1, 0, 0).atZone(BUSINESS_ZONE).toOffsetDateTime(),
                LocalDateTime.of(2999, 12, 31, 23, 59).atZone(BUSINESS_ZONE).toOffsetDateTime(),
                OffsetDateTime.of(1899, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(3000, 1, 1, 23, 59, 59, 999_999_000, ZoneOffset.UTC));
    }

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 80);
        TestAccounts.staff(portal.jdbi(), PLANNER, "planner");
        // a Planned work order with a confirmed visit, which its customer sees everywhere
        var job = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.id, j.id2, c.code FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                  JOIN company c ON c.id = j.company_id
                 WHERE s.code = 'Planned' AND EXISTS (SELECT 1 FROM job_planning pl WHERE pl.job_id = j.id)
                 ORDER BY j.id2 LIMIT 1""").mapToMap().one());
        jobId = (UUID) job.get("id");
        number = (Integer) job.get("id2");
        TestAccounts.customer(portal.jdbi(), (String) job.get("code"), CUSTOMER);
        // two work orders with the reference, so that the lookup lists them rather than opening one
        portal.jdbi().useHandle(h -> h.execute("""
                UPDATE jobs SET customer_reference = ?
                 WHERE id = ? OR id2 = (SELECT min(o.id2) FROM jobs o
                                         WHERE o.company_id = (SELECT company_id FROM jobs WHERE id = ?) AND o.id <> ?)""",
                REFERENCE, jobId, jobId, jobId));
        planner = portal.signedIn(PLANNER);
        customer = portal.signedIn(CUSTOMER);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @ParameterizedTest
    @MethodSource("extremes")
    void everyPageShowsAWorkOrderWhoseDatesAreAtAnExtreme(OffsetDateTime extreme) {
        // the day fields hold days, of the years the forms take (as the database checks)
        LocalDate brusselsDay = extreme.atZoneSameInstant(BUSINESS_ZONE).toLocalDate();
        LocalDate day = brusselsDay.getYear() < 1900 ? LocalDate.of(1900, 1, 1)
                : brusselsDay.getYear() > 2999 ? LocalDate.of(2999, 12, 31) : brusselsDay;
        portal.jdbi().useTransaction(h -> {
            // past the trigger, which would stamp date_update and modified_dateutc with now()
            h.execute("SET LOCAL session_replication_role = replica");
            h.execute("""
                    UPDATE jobs SET earliest_date_plannable = :at, due_date = :at, suggested_date_start = :at,
                           date_reported_by_company = :at, date_create = :at, date_update = :at, modified_dateutc = :at
                     WHERE id = :id""".replace(":at", "?").replace(":id", "?"), day, day, extreme, extreme,
                    extreme, extreme, extreme, jobId);
            h.execute("""
                    UPDATE project SET warranty_date_until = ?, date_start_production = ?
                     WHERE id = (SELECT project_id FROM jobs WHERE id = ?)""", extreme, extreme, jobId);
            boolean late = extreme.getYear() > 2000;
            h.execute("UPDATE job_planning SET date_start = ?, date_end = ?, date_create = ?, modified_dateutc = ? WHERE job_id = ?",
                    late ? extreme.minusHours(2) : extreme, late ? extreme : extreme.plusHours(2), extreme, extreme, jobId);
        });
        String year = String.valueOf(extreme.atZoneSameInstant(BUSINESS_ZONE).getYear());

        List<String> plannerPages = new ArrayList<>(List.of("/backoffice", "/backoffice/jobs/" + number,
                "/backoffice/jobs/" + number + "/edit", "/backoffice/jobs?q=" + REFERENCE,
                "/backoffice/jobs.csv?q=" + REFERENCE, "/backoffice/jobs?sort=due_date&dir=asc",
                "/backoffice/jobs?sort=due_date&dir=desc", "/backoffice/jobs?sort=modified&dir=asc",
                "/backoffice/jobs?sort=modified&dir=desc", "/backoffice/jobs.csv?sort=due_date"));
        for (String sorted : List.of("/backoffice/jobs?sort=due_date&dir=asc", "/backoffice/jobs?sort=modified&dir=desc")) {
            // the next and previous pages, whose cursor may carry the odd date as its key
            Jsoup.parse(ok(planner.get(sorted), sorted)).select("a[href*=key=]")
                    .forEach(link -> plannerPages.add(link.attr("href")));
        }
        for (String path : plannerPages) {
            ok(planner.get(path), path);
        }
        assertThat(ok(planner.get("/backoffice/jobs/" + number), "detail")).contains(year);
        assertThat(ok(planner.get("/backoffice/jobs.csv?q=" + REFERENCE), "csv")).contains(year);

        for (String path : List.of("/portal", "/portal/jobs", "/portal/jobs?sort=visit&dir=asc",
                "/portal/jobs?sort=reported&dir=asc", "/portal/jobs?sort=visit&dir=desc", "/portal/jobs.csv",
                "/portal/jobs/" + number, "/portal/jobs/" + number + "/activity",
                "/portal/lookup?customer_reference=" + REFERENCE)) {
            ok(customer.get(path), path);
        }
        assertThat(ok(customer.get("/portal/jobs/" + number), "customer's detail")).contains(year);
        assertThat(ok(customer.get("/portal/jobs.csv"), "customer's CSV")).contains(year);

        WebSession visitor = portal.visitor();
        visitor.get("/track");
        assertThat(ok(visitor.post("/track", Map.of("number", String.valueOf(number), "customer_reference", REFERENCE)),
                "/track")).contains(year);

        assertThat(ok(portal.apiGet("/api/jobs/" + jobId), "API")).contains("\"due_date\" : \"" + day + "T00:00:00.000000+00:00\"");
    }

    private static String ok(HttpResponse<String> answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(200);
        return answer.body();
    }
}
