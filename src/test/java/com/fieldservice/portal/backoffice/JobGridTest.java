package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grid against SQL written independently here: each filter, walked page after page through
 * the "Next" links, yields exactly the jobs the SQL selects, in order, without duplicates or
 * gaps. Over the demo data set (2,000 jobs).
 */
class JobGridTest {

    static TestPortal portal;
    static Jdbi jdbi;
    static WebSession planner;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        jdbi = portal.jdbi();
        DemoData.fillIfEmpty(jdbi, 2_000);
        TestAccounts.staff(jdbi, "planner@grid.test", "planner");
        TestAccounts.customer(jdbi, "GRID", "customer@grid.test");
        planner = portal.signedIn("planner@grid.test");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    // ------------------------------------------------------------------ filters

    @Test
    void defaultViewIsNewestFirstWithTheExactCountWhenSmall() {
        Document page = page("/backoffice/jobs");
        assertThat(numbers(page)).hasSize(25).isEqualTo(sql("SELECT id2 FROM jobs ORDER BY id2 DESC LIMIT 25"));
        assertThat(page.getElementById("match-count").text()).contains("2,000 work orders");
    }

    @Test
    void eachLineNamesTheJobsTypePriorityStatusAndTechnician() {
        Map<String, Object> job = jdbi.withHandle(h -> h.createQuery("""
                SELECT j.id2, t.name AS type, pr.name AS priority, s.name AS status,
                       concat_ws(' ', u.firstname, u.lastname) AS technician
                  FROM jobs j JOIN job_type t ON t.id = j.job_type_id JOIN job_priority pr ON pr.id = j.job_priority_id
                  JOIN job_status s ON s.id = j.job_status_id JOIN app_user u ON u.id = j.suggested_user_id
                 ORDER BY j.id2 DESC LIMIT 1""").mapToMap().one());
        Document page = page("/backoffice/jobs?q=%23" + job.get("id2"));
        Element line = page.selectFirst("#jobs tbody tr[data-number=" + job.get("id2") + "]");
        assertThat(line).isNotNull();
        assertThat(line.select("td").eachText()).containsSubsequence((String) job.get("type"), (String) job.get("priority"),
                (String) job.get("status"), (String) job.get("technician"));
    }

    @Test
    void statusSeveral() {
        assertFilter("status=Open&status=Planned", "SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE s.code IN ('Open', 'Planned')");
    }

    @Test
    void openOnly() {
        assertFilter("open=1", "SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE NOT s.is_closed");
    }

    @Test
    void typePrioritySkill() {
        assertFilter("type=MAINT", "SELECT j.id2 FROM jobs j JOIN job_type t ON t.id = j.job_type_id WHERE t.code = 'MAINT'");
        assertFilter("priority=URGENT", "SELECT j.id2 FROM jobs j JOIN job_priority p ON p.id = j.job_priority_id WHERE p.code = 'URGENT'");
        String skill = one("SELECT s.code FROM jobs j JOIN skill s ON s.id = j.skill_id GROUP BY s.code ORDER BY count(*) DESC LIMIT 1");
        assertFilter("skill=" + skill, "SELECT j.id2 FROM jobs j JOIN skill s ON s.id = j.skill_id WHERE s.code = '" + skill + "'");
    }

    @Test
    void companyByCodeOrIdAndInstallation() {
        String company = one("SELECT c.code FROM jobs j JOIN company c ON c.id = j.company_id GROUP BY c.code ORDER BY count(*) DESC LIMIT 1");
        String expected = "SELECT j.id2 FROM jobs j JOIN company c ON c.id = j.company_id WHERE c.code = '" + company + "'";
        assertFilter("company=" + company, expected);
        assertFilter("company=" + one("SELECT id::text FROM company WHERE code = '" + company + "'"), expected);
        String installation = one("SELECT p.id2::text FROM jobs j JOIN project p ON p.id = j.project_id GROUP BY p.id2 ORDER BY count(*) DESC LIMIT 1");
        assertFilter("installation=" + installation, "SELECT j.id2 FROM jobs j JOIN project p ON p.id = j.project_id WHERE p.id2 = " + installation);
    }

    @Test
    void technicianSuggestedOrPlanned() {
        String technician = one("SELECT app_user_id::text FROM job_planning GROUP BY app_user_id ORDER BY count(*) DESC LIMIT 1");
        String code = one("SELECT code FROM app_user WHERE id = '" + technician + "'");
        if (code != null) {
            assertThat(walk("/backoffice/jobs?technician=" + code + "&size=100")).isEqualTo(walk("/backoffice/jobs?technician=" + technician + "&size=100"));
        }
        assertFilter("technician=" + technician, "SELECT j.id2 FROM jobs j WHERE j.suggested_user_id = '" + technician
                + "' OR EXISTS (SELECT 1 FROM job_planning p WHERE p.job_id = j.id AND p.app_user_id = '" + technician + "')");
    }

    /**
     * The technician filter's count reads a sample of the visits first: many visits on few jobs
     * (the sample full, its distinct jobs few) are still counted exactly, and jobs past the cap
     * are "More than 1,000".
     */
    @Test
    void technicianCountedExactlyWhateverTheirVisitsRepeat() {
        int sample = GridStatements.SAMPLE * (JobSearch.COUNT_CAP + 1);
        jdbi.useHandle(h -> h.execute("INSERT INTO app_user (username, firstname, lastname, code, allow_service_app)"
                + " VALUES ('repeat@grid.test', 'Rita', 'Repeatvisit', 'TREPEAT', true), ('many@grid.test', 'Max', 'Manyjobs', 'TMANY', true)"));
        try {
            jdbi.useHandle(h -> h.execute("""
                    INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                    SELECT j.id, u.id, timestamptz '2031-01-01 08:00+01' + v * interval '1 hour', timestamptz '2031-01-01 09:00+01' + v * interval '1 hour'
                      FROM (SELECT id FROM jobs ORDER BY id2 LIMIT 3) j, app_user u, generate_series(1, ?) v
                     WHERE u.code = 'TREPEAT'""", sample / 3 + 10));
            jdbi.useHandle(h -> h.execute("""
                    INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                    SELECT j.id, u.id, timestamptz '2032-01-01 08:00+01', timestamptz '2032-01-01 09:00+01'
                      FROM (SELECT id FROM jobs ORDER BY id2 LIMIT 1100) j, app_user u WHERE u.code = 'TMANY'"""));
            // and two suggested to them without a visit, which come after every visit, past the sample
            jdbi.useHandle(h -> h.execute("""
                    UPDATE jobs SET suggested_user_id = (SELECT id FROM app_user WHERE code = 'TREPEAT')
                     WHERE id IN (SELECT j.id FROM jobs j WHERE j.suggested_user_id IS NULL
                                     AND NOT EXISTS (SELECT 1 FROM job_planning p WHERE p.job_id = j.id) ORDER BY j.id2 LIMIT 2)"""));
            assertThat(sql("SELECT count(*)::int FROM job_planning pl JOIN app_user u ON u.id = pl.app_user_id WHERE u.code = 'TREPEAT'"))
                    .allMatch(visits -> visits > sample);
            assertFilter("technician=trepeat", "SELECT j.id2 FROM jobs j JOIN app_user u ON u.code = 'TREPEAT' WHERE j.suggested_user_id = u.id"
                    + " OR EXISTS (SELECT 1 FROM job_planning p WHERE p.job_id = j.id AND p.app_user_id = u.id)");
            assertThat(page("/backoffice/jobs?technician=Repeatvisit").getElementById("match-count").text()).contains("5 work orders");
            assertThat(page("/backoffice/jobs?technician=tmany").getElementById("match-count").text()).contains("More than 1,000 work orders");
        } finally {
            jdbi.useHandle(h -> h.execute("DELETE FROM job_planning WHERE app_user_id IN (SELECT id FROM app_user WHERE code IN ('TREPEAT', 'TMANY'))"));
            jdbi.useHandle(h -> h.execute("UPDATE jobs SET suggested_user_id = NULL WHERE suggested_user_id IN (SELECT id FROM app_user WHERE code = 'TREPEAT')"));
            jdbi.useHandle(h -> h.execute("DELETE FROM app_user WHERE code IN ('TREPEAT', 'TMANY')"));
        }
    }

    @Test
    void dueRangeOverdueAndLevels() {
        assertFilter("due_from=2026-10-01&due_to=2026-11-30",
                "SELECT id2 FROM jobs WHERE due_date BETWEEN '2026-10-01' AND '2026-11-30'");
        assertFilter("overdue=1", "SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE j.due_date < (now() AT TIME ZONE 'Europe/Brussels')::date AND NOT s.is_closed");
        assertFilter("level=children", "SELECT id2 FROM jobs WHERE parent_id IS NOT NULL");
        assertFilter("level=parents", "SELECT id2 FROM jobs j WHERE EXISTS (SELECT 1 FROM jobs c WHERE c.parent_id = j.id)");
        assertFilter("unplanned=1", "SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE NOT s.is_closed AND NOT EXISTS (SELECT 1 FROM job_planning p WHERE p.job_id = j.id)");
    }

    @Test
    void textSearchByNumberNameReferenceAndSerial() {
        int number = Integer.parseInt(one("SELECT id2::text FROM jobs ORDER BY id2 LIMIT 1 OFFSET 100"));
        assertThat(walk("/backoffice/jobs?q=%23" + number)).contains(number);
        String reference = one("SELECT customer_reference FROM jobs WHERE customer_reference IS NOT NULL ORDER BY id2 LIMIT 1");
        assertThat(walk("/backoffice/jobs?q=" + enc(reference.toLowerCase()))).containsAll(
                sql("SELECT id2 FROM jobs WHERE lower(customer_reference) = lower('" + reference + "')"));
        String serial = one("SELECT p.serial_number FROM jobs j JOIN project p ON p.id = j.project_id WHERE p.serial_number IS NOT NULL LIMIT 1");
        assertThat(walk("/backoffice/jobs?q=" + enc(serial))).containsAll(
                sql("SELECT j.id2 FROM jobs j JOIN project p ON p.id = j.project_id WHERE p.serial_number = '" + serial + "'"));
        jdbi.useHandle(h -> h.execute("UPDATE jobs SET name = 'Zyxwvut compressor check' WHERE id2 = ?", number));
        assertThat(walk("/backoffice/jobs?q=zyxwv")).containsExactly(number);
        assertThat(walk("/backoffice/jobs?q=" + enc("Zyxwvut compressor"))).containsExactly(number);
    }

    // ------------------------------------------------------------------ sorting, pages

    @Test
    void sortsEveryWayBothDirections() {
        String company = one("SELECT c.code FROM jobs j JOIN company c ON c.id = j.company_id GROUP BY c.code ORDER BY count(*) DESC LIMIT 1");
        String where = " FROM jobs j JOIN company c ON c.id = j.company_id WHERE c.code = '" + company + "'";
        assertThat(walk("/backoffice/jobs?company=" + company + "&sort=due_date&dir=asc"))
                .isEqualTo(sql("SELECT j.id2" + where + " ORDER BY coalesce(j.due_date, 'infinity') ASC, j.id2 ASC"));
        assertThat(walk("/backoffice/jobs?company=" + company + "&sort=due_date&dir=desc"))
                .isEqualTo(sql("SELECT j.id2" + where + " ORDER BY coalesce(j.due_date, 'infinity') DESC, j.id2 DESC"));
        assertThat(walk("/backoffice/jobs?company=" + company + "&sort=name&dir=asc"))
                .isEqualTo(sql("SELECT j.id2" + where + " ORDER BY j.name ASC, j.id2 ASC"));
        assertThat(walk("/backoffice/jobs?company=" + company + "&sort=number&dir=asc"))
                .isEqualTo(sql("SELECT j.id2" + where + " ORDER BY j.id2 ASC"));
        assertThat(walk("/backoffice/jobs?company=" + company + "&sort=modified&dir=desc"))
                .isEqualTo(sql("SELECT j.id2" + where + " ORDER BY j.modified_dateutc DESC, j.id2 DESC"));
        assertThat(walk("/backoffice/jobs?company=" + company + "&sort=status&dir=asc"))
                .isEqualTo(sql("SELECT j.id2" + where.replace("WHERE", "JOIN job_status s ON s.id = j.job_status_id WHERE")
                        + " ORDER BY s.sort_order ASC, j.id2 ASC"));
        for (String column : List.of("company", "installation", "type", "priority", "technician", "customer_reference")) {
            for (String dir : List.of("asc", "desc")) {
                List<Integer> walked = walk("/backoffice/jobs?company=" + company + "&sort=" + column + "&dir=" + dir);
                assertThat(walked).as(column + " " + dir).hasSameSizeAs(sql("SELECT j.id2" + where)).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void keysetPagesHaveNoDuplicatesOrGapsAndPreviousGoesBack() {
        List<Integer> all = walk("/backoffice/jobs?sort=due_date&dir=asc");
        assertThat(all).isEqualTo(sql("SELECT id2 FROM jobs ORDER BY coalesce(due_date, 'infinity'), id2"));

        Document first = page("/backoffice/jobs?sort=name&dir=asc");
        Document second = page(first.getElementById("page-next").attr("href"));
        Document third = page(second.getElementById("page-next").attr("href"));
        Document back = page(third.getElementById("page-previous").attr("href"));
        assertThat(numbers(back)).isEqualTo(numbers(second));
        Document backToFirst = page(back.getElementById("page-previous").attr("href"));
        assertThat(numbers(backToFirst)).isEqualTo(numbers(first));
        assertThat(backToFirst.getElementById("page-previous").parent().hasClass("disabled")).isTrue();
        assertThat(third.getElementById("page-next").attr("href")).contains("sort=name").contains("dir=asc");
    }

    @Test
    void pageSizesAndFiltersKeptInLinks() {
        assertThat(numbers(page("/backoffice/jobs?size=50"))).hasSize(50);
        assertThat(numbers(page("/backoffice/jobs?size=100"))).hasSize(100);
        assertThat(numbers(page("/backoffice/jobs?size=7"))).hasSize(25);
        Document page = page("/backoffice/jobs?type=REPAIR&size=50");
        assertThat(page.getElementById("page-next").attr("href")).contains("type=REPAIR", "size=50", "after=");
        assertThat(page.getElementById("csv-link").attr("href")).startsWith("/backoffice/jobs.csv?").contains("type=REPAIR").doesNotContain("size=");
    }

    @Test
    void badParametersGiveMessagesNot500() {
        HttpResponse<String> answer = planner.get("/backoffice/jobs?due_from=yesterday&sort=bogus&dir=sideways&size=x&after=abc&status=%3Cb%3E&level=all");
        assertThat(answer.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.getElementById("filter-errors").text()).contains("Due from").contains("multi-job");
        assertThat(numbers(page)).isEqualTo(sql("SELECT id2 FROM jobs ORDER BY id2 DESC LIMIT 25"));
        Document unknown = page("/backoffice/jobs?status=NoSuchStatus");
        assertThat(unknown.getElementById("filter-errors")).isNotNull();
        assertThat(numbers(unknown)).isEmpty();
        assertThat(planner.get("/backoffice/jobs?sort=name&after=12&key=").statusCode()).isEqualTo(200);
        assertThat(planner.get("/backoffice/jobs?sort=due_date&after=12&key=notadate").statusCode()).isEqualTo(200);
    }

    @Test
    void aDueDateFilterOutsideTheYears1900To2999IsNamedOnThePageAndLeftOut() {
        for (String odd : List.of("due_from=1899-12-31", "due_to=3000-01-01", "due_from=0000-01-01", "due_to=%2B10000-01-01")) {
            HttpResponse<String> answer = planner.get("/backoffice/jobs?" + odd);
            assertThat(answer.statusCode()).as(odd).isEqualTo(200);
            Document page = Jsoup.parse(answer.body());
            assertThat(page.getElementById("filter-errors").text()).as(odd).contains("between the years 1900 and 2999");
            assertThat(numbers(page)).as(odd).isEqualTo(sql("SELECT id2 FROM jobs ORDER BY id2 DESC LIMIT 25"));
            assertThat(planner.get("/backoffice/jobs.csv?" + odd).statusCode()).as(odd).isEqualTo(200);
        }
        assertThat(page("/backoffice/jobs?due_from=1900-01-01&due_to=2999-12-31").getElementById("filter-errors")).isNull();
    }

    @Test
    void aPageCursorWithAnOddTimeStillAnswersAPage() {
        for (String key : List.of("2026-01-01T00:00:00%2B18:00", "-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z",
                "0000-01-01T00:00:00Z", "infinity")) {
            for (String sort : List.of("due_date", "modified")) {
                String path = "/backoffice/jobs?sort=" + sort + "&after=12&key=" + key;
                assertThat(planner.get(path).statusCode()).as(path).isEqualTo(200);
                assertThat(planner.get(path.replace("after=", "before=")).statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void cappedCountForLargeLists() {
        Document page = page("/backoffice/jobs?open=1");
        long open = Long.parseLong(one("SELECT count(*)::text FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE NOT s.is_closed"));
        assertThat(page.getElementById("match-count").text()).contains(String.format("%,d work orders", open));

        long closed = Long.parseLong(one("SELECT count(*)::text FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE s.is_closed"));
        assertThat(closed).as("this data set has a list longer than the cap").isGreaterThan(JobSearch.COUNT_CAP);
        Document longList = page("/backoffice/jobs?status=Completed&status=ExportedToErp&status=Canceled&status=WorkshopCompleted");
        assertThat(longList.getElementById("match-count").text()).contains("More than 1,000 work orders");
        assertThat(numbers(longList)).hasSize(25);
    }

    // ------------------------------------------------------------------ CSV

    @Test
    void csvIsTheFilteredListInOrderWithBomQuotingAndInjectionGuard() {
        String company = one("SELECT c.code FROM jobs j JOIN company c ON c.id = j.company_id GROUP BY c.code ORDER BY count(*) DESC LIMIT 1");
        int formula = Integer.parseInt(one("SELECT min(j.id2)::text FROM jobs j JOIN company c ON c.id = j.company_id WHERE c.code = '" + company + "'"));
        jdbi.useHandle(h -> {
            h.execute("UPDATE jobs SET name = '=HYPERLINK(\"http://evil\")', customer_reference = '@SUM(A1)' WHERE id2 = ?", formula);
            h.execute("UPDATE jobs SET name = 'Boiler, \"main\" one' || chr(10) || 'second line' WHERE id2 = (SELECT min(id2) FROM jobs WHERE company_id = (SELECT company_id FROM jobs WHERE id2 = ?) AND id2 > ?)", formula, formula);
        });
        HttpResponse<String> answer = planner.get("/backoffice/jobs.csv?company=" + company + "&sort=due_date&dir=asc");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"work-orders-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        String body = answer.body();
        assertThat(body).startsWith("\uFEFFNumber,Name,Company,Installation,Type,Priority,Status,Due date,Technician,");
        assertThat(body).contains(formula + ",\"'=HYPERLINK(\"\"http://evil\"\")\",");
        assertThat(body).contains(",'@SUM(A1),");
        assertThat(body).contains("\"Boiler, \"\"main\"\" one\nsecond line\"");
        List<Integer> csvNumbers = new ArrayList<>();
        for (String line : body.substring(1).split("\r\n")) {
            if (line.matches("(?s)^\\d+,.*")) {
                csvNumbers.add(Integer.parseInt(line.substring(0, line.indexOf(','))));
            }
        }
        assertThat(csvNumbers).isEqualTo(sql("SELECT j.id2 FROM jobs j JOIN company c ON c.id = j.company_id WHERE c.code = '"
                + company + "' ORDER BY coalesce(j.due_date, 'infinity'), j.id2"));
        String all = planner.get("/backoffice/jobs.csv").body();
        assertThat(all.split("\r\n(?=\\d+,)")).hasSize(2_000 + 1);
    }

    // ------------------------------------------------------------------ quick find

    @Test
    void quickFind() {
        int number = Integer.parseInt(one("SELECT id2::text FROM jobs ORDER BY id2 LIMIT 1 OFFSET 5"));
        for (String typed : List.of(String.valueOf(number), "#" + number, "WO-" + number, " wo" + number + " ")) {
            HttpResponse<String> found = planner.get("/backoffice/find?q=" + enc(typed));
            assertThat(found.statusCode()).as(typed).isEqualTo(303);
            assertThat(found.headers().firstValue("Location")).hasValue("/backoffice/jobs/" + number);
        }
        jdbi.useHandle(h -> {
            h.execute("UPDATE jobs SET customer_reference = 'PO-UNIQUE-77' WHERE id2 = ?", number + 1);
            h.execute("UPDATE jobs SET customer_reference = 'PO-TWICE' WHERE id2 IN (?, ?)", number + 2, number + 3);
        });
        HttpResponse<String> unique = planner.get("/backoffice/find?q=po-unique-77");
        assertThat(unique.headers().firstValue("Location")).hasValue("/backoffice/jobs/" + (number + 1));
        HttpResponse<String> several = planner.get("/backoffice/find?q=PO-TWICE");
        assertThat(several.statusCode()).isEqualTo(303);
        assertThat(several.headers().firstValue("Location")).hasValue("/backoffice/jobs?ref=PO-TWICE");
        assertThat(walk("/backoffice/jobs?ref=PO-TWICE")).containsExactly(number + 3, number + 2);
        HttpResponse<String> none = planner.get("/backoffice/find?q=no-such-thing-9");
        assertThat(none.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(none.body());
        assertThat(page.getElementById("nothing-found").text()).contains("no-such-thing-9");
        assertThat(page.getElementById("find-q").val()).isEqualTo("no-such-thing-9");
        assertThat(planner.get("/backoffice/find?q=999999999").statusCode()).isEqualTo(200);
    }

    @Test
    void quickFindBoxIsInTheTopBarForStaffOnly() {
        assertThat(page("/backoffice/jobs").getElementById("quick-find").attr("action")).isEqualTo("/backoffice/find");
        WebSession customer = portal.signedIn("customer@grid.test");
        assertThat(Jsoup.parse(customer.get("/portal").body()).getElementById("quick-find")).isNull();
        assertThat(customer.get("/backoffice/jobs").statusCode()).isEqualTo(403);
        assertThat(customer.get("/backoffice/jobs.csv").statusCode()).isEqualTo(403);
        assertThat(customer.get("/backoffice/find?q=1").statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ dashboard

    @Test
    void dashboardCountsMatchSql() {
        Document page = page("/backoffice");
        for (Element row : page.select("#status-counts tbody tr")) {
            String code = row.attr("data-status");
            long expected = Long.parseLong(one("SELECT count(*)::text FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE s.code = '" + code + "'"));
            assertThat(row.select("td").last().text().replace(",", "")).as(code).isEqualTo(String.valueOf(expected));
        }
        assertThat(page.select("#status-counts tbody tr")).hasSize(Integer.parseInt(one("SELECT count(*)::text FROM job_status WHERE NOT is_closed")));
        assertThat(headline(page, "dash-overdue")).isEqualTo(one("SELECT count(*)::text FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE NOT s.is_closed AND j.due_date < (now() AT TIME ZONE 'Europe/Brussels')::date"));
        assertThat(headline(page, "dash-unplanned")).isEqualTo(one("SELECT count(*)::text FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE NOT s.is_closed AND NOT EXISTS (SELECT 1 FROM job_planning p WHERE p.job_id = j.id)"));
        assertThat(headline(page, "dash-due-week")).isEqualTo(one("SELECT count(*)::text FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE NOT s.is_closed AND j.due_date >= date_trunc('week', now() AT TIME ZONE 'Europe/Brussels')::date AND j.due_date < (date_trunc('week', now() AT TIME ZONE 'Europe/Brussels') + interval '7 days')::date"));
        assertThat(headline(page, "dash-reported")).isEqualTo(one("SELECT count(*)::text FROM jobs WHERE requested_by_contact_id IS NOT NULL AND (date_reported_by_company AT TIME ZONE 'Europe/Brussels')::date = (now() AT TIME ZONE 'Europe/Brussels')::date"));
        // each number links to the grid filtered on it, which counts the same
        Document overdue = page(page.getElementById("dash-overdue").attr("href"));
        assertThat(overdue.getElementById("match-count").text().replace(",", "")).contains(headline(page, "dash-overdue") + " work orders");
        Document unplanned = page(page.getElementById("dash-unplanned").attr("href"));
        assertThat(unplanned.getElementById("match-count").text().replace(",", "")).contains(headline(page, "dash-unplanned") + " work orders");
        // the chart: 13 weeks, with the same numbers in a table
        assertThat(page.select("#week-table tbody tr")).hasSize(13);
        assertThat(page.select("svg.week-chart rect")).hasSize(26);
        long openedInTable = page.select("#week-table tbody tr").stream().mapToLong(r -> Long.parseLong(r.select("td").get(0).text())).sum();
        assertThat(openedInTable).isEqualTo(Long.parseLong(one("SELECT count(*)::text FROM jobs WHERE date_create >= date_trunc('week', now() AT TIME ZONE 'Europe/Brussels') AT TIME ZONE 'Europe/Brussels' - interval '12 weeks' AND date_create < date_trunc('week', now() AT TIME ZONE 'Europe/Brussels') AT TIME ZONE 'Europe/Brussels' + interval '1 week'")));
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static String headline(Document page, String id) {
        return page.getElementById(id).selectFirst("span").text().replace(",", "");
    }

    /** The filter's jobs through every page of the grid, against the SQL's (newest first). */
    private static void assertFilter(String params, String sql) {
        List<Integer> expected = sql("SELECT id2 FROM (" + sql + ") AS x ORDER BY id2 DESC");
        assertThat(expected).as(params + " selects something in the demo data").isNotEmpty();
        Document first = page("/backoffice/jobs?" + params);
        assertThat(first.getElementById("filter-errors")).as(params).isNull();
        assertThat(walk("/backoffice/jobs?" + params + "&size=100")).as(params).isEqualTo(expected);
        if (expected.size() <= JobSearch.COUNT_CAP) {
            assertThat(first.getElementById("match-count").text()).as(params)
                    .contains(String.format("%,d work orders", expected.size()));
        }
    }

    private static List<Integer> walk(String path) {
        return new GridPages(planner).walk(path);
    }

    private static Document page(String path) {
        return new GridPages(planner).page(path);
    }

    private static List<Integer> numbers(Document page) {
        return GridPages.numbers(page);
    }

    private static List<Integer> sql(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).list());
    }

    private static String one(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unused")
    private static UUID uuid(String text) {
        return UUID.fromString(text);
    }
}
