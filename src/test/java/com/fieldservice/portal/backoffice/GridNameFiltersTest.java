package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The company, installation and technician filters take what a planner knows (a name in any case,
 * its start or some of its words, a code or a number), checked against SQL written here with
 * regular expressions rather than the grid's indexes; the statuses are check boxes grouped open
 * and closed; the filters in force are chips that each take one filter away.
 */
class GridNameFiltersTest {

    static TestPortal portal;
    static Jdbi jdbi;
    static GridPages grid;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        jdbi = portal.jdbi();
        DemoData.fillIfEmpty(jdbi, 600);
        TestAccounts.staff(jdbi, "planner@names.test", "planner");
        grid = new GridPages(portal.signedIn("planner@names.test"));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void companyByNameInAnyCaseItsStartItsWordsOrItsCode() {
        List<Integer> acme = sql("SELECT j.id2 FROM jobs j JOIN company c ON c.id = j.company_id WHERE c.code = 'ACME' ORDER BY j.id2 DESC");
        assertThat(acme).isNotEmpty();
        for (String typed : List.of("Acme", "acme", "ACME", "acme fac", "Acme Facilities", "  facilities acme ")) {
            assertThat(walk("company", typed)).as(typed).isEqualTo(acme);
        }
        assertThat(walk("company", "Facilities")).isEqualTo(sql("SELECT j.id2 FROM jobs j JOIN company c ON c.id = j.company_id"
                + " WHERE c.name ~* '\\mfacilities' ORDER BY j.id2 DESC")).containsAll(acme);
        assertThat(walk("company", "Acmex")).isEmpty();
        // words in any order, whole but for the last one, which may be still being typed
        assertThat(walk("company", "facilities acm")).isEqualTo(acme);
        assertThat(walk("company", "facil acme")).as("an unfinished word before the last").isEmpty();
    }

    @Test
    void installationByNameNumberReferenceOrSerial() {
        Map<String, Object> busiest = jdbi.withHandle(h -> h.createQuery("""
                SELECT p.id2, p.name, p.serial_number FROM jobs j JOIN project p ON p.id = j.project_id
                 WHERE p.serial_number IS NOT NULL GROUP BY p.id ORDER BY count(*) DESC LIMIT 1""").mapToMap().one());
        String name = (String) busiest.get("name");
        String firstWord = name.split("\\W+")[0];
        List<Integer> own = sql("SELECT j.id2 FROM jobs j JOIN project p ON p.id = j.project_id WHERE p.id2 = "
                + busiest.get("id2") + " ORDER BY j.id2 DESC");
        assertThat(walk("installation", String.valueOf(busiest.get("id2")))).isEqualTo(own);
        assertThat(walk("installation", ((String) busiest.get("serial_number")).toLowerCase())).isEqualTo(own);
        jdbi.useHandle(h -> h.execute("UPDATE project SET reference_back_office = 'INST-NAMES-1' WHERE id2 = ?", busiest.get("id2")));
        assertThat(walk("installation", "inst-names-1")).isEqualTo(own);
        assertThat(walk("installation", name.toUpperCase())).containsAll(own).isEqualTo(sql(
                "SELECT j.id2 FROM jobs j JOIN project p ON p.id = j.project_id WHERE lower(p.name) LIKE lower('"
                        + name.replace("'", "''") + "') || '%' OR " + words("p.name", name) + " ORDER BY j.id2 DESC"));
        assertThat(walk("installation", firstWord.toLowerCase().substring(0, 4))).isEqualTo(sql(
                "SELECT j.id2 FROM jobs j JOIN project p ON p.id = j.project_id WHERE p.name ~* '\\m"
                        + firstWord.substring(0, 4) + "' ORDER BY j.id2 DESC"));
    }

    @Test
    void technicianByNameWordsOrCode() {
        Map<String, Object> technician = jdbi.withHandle(h -> h.createQuery("""
                SELECT u.id::text AS id, u.code, u.firstname, u.lastname FROM job_planning pl JOIN app_user u ON u.id = pl.app_user_id
                 GROUP BY u.id ORDER BY count(*) DESC LIMIT 1""").mapToMap().one());
        List<Integer> byId = walk("technician", (String) technician.get("id"));
        assertThat(byId).isNotEmpty();
        assertThat(walk("technician", ((String) technician.get("code")).toLowerCase())).isEqualTo(byId);
        String lastname = (String) technician.get("lastname");
        String fullName = technician.get("firstname") + " " + lastname;
        String start = lastname.substring(0, 3);
        assertThat(walk("technician", start.toLowerCase())).containsAll(byId).isEqualTo(sql("""
                SELECT j.id2 FROM jobs j WHERE EXISTS (SELECT 1 FROM app_user u WHERE u.firstname || ' ' || u.lastname ~* '\\m%s'
                   AND (j.suggested_user_id = u.id OR EXISTS (SELECT 1 FROM job_planning p WHERE p.job_id = j.id AND p.app_user_id = u.id)))
                 ORDER BY j.id2 DESC""".formatted(start)));
        List<Integer> namesakes = sql("SELECT count(*)::int FROM app_user WHERE firstname = '" + technician.get("firstname")
                + "' AND lastname = '" + lastname.replace("'", "''") + "'");
        if (namesakes.get(0) == 1) {
            assertThat(walk("technician", fullName.toUpperCase())).isEqualTo(byId);
        }
    }

    @Test
    void statusesAreCheckBoxesGroupedOpenAndClosed() {
        Document page = grid.page("/backoffice/jobs?status=Open&status=Completed");
        Element open = page.getElementById("f-status-open");
        Element closed = page.getElementById("f-status-closed");
        assertThat(open.select("input[type=checkbox][name=status]").eachAttr("value"))
                .isEqualTo(sql("SELECT code FROM job_status WHERE NOT is_closed ORDER BY sort_order, name", String.class));
        assertThat(closed.select("input[type=checkbox][name=status]").eachAttr("value"))
                .isEqualTo(sql("SELECT code FROM job_status WHERE is_closed ORDER BY sort_order, name", String.class));
        assertThat(page.select("input[name=status][checked]").eachAttr("value")).containsExactly("Open", "Completed");
        assertThat(page.select("select[name=status]")).isEmpty();
        for (Element box : page.select("input[name=status]")) {
            assertThat(page.select("label[for=" + box.id() + "]")).as(box.id()).hasSize(1);
        }
    }

    @Test
    void theFormGivesBackEveryFilterAsItWasAsked() {
        String type = sql("SELECT code FROM job_type ORDER BY code DESC LIMIT 1", String.class).get(0);
        String priority = sql("SELECT code FROM job_priority ORDER BY code DESC LIMIT 1", String.class).get(0);
        Document page = grid.page("/backoffice/jobs?q=boiler&type=" + type + "&priority=" + priority
                + "&company=acme&installation=main&due_from=2026-01-01&level=children&overdue=1&unplanned=1&size=50");
        assertThat(page.select("#f-type option[selected]").eachAttr("value")).containsExactly(type);
        assertThat(page.select("#f-priority option[selected]").eachAttr("value")).containsExactly(priority);
        assertThat(page.select("#f-skill option[selected]")).isEmpty();
        assertThat(page.select("#f-level option[selected]").eachAttr("value")).containsExactly("children");
        assertThat(page.select("#f-size option[selected]").eachAttr("value")).containsExactly("50");
        assertThat(page.getElementById("f-q").val()).isEqualTo("boiler");
        assertThat(page.getElementById("f-company").val()).isEqualTo("acme");
        assertThat(page.getElementById("f-installation").val()).isEqualTo("main");
        assertThat(page.getElementById("f-technician").val()).isEmpty();
        assertThat(page.getElementById("f-due-from").val()).isEqualTo("2026-01-01");
        assertThat(page.select("#filters input[type=checkbox][checked]").eachAttr("name"))
                .containsExactlyInAnyOrder("overdue", "unplanned");
    }

    @Test
    void theFiltersInForceAreChipsEachTakingAwayOnlyItself() {
        Document page = grid.page("/backoffice/jobs?company=acme&status=Open&status=Planned&overdue=1&sort=name&dir=asc");
        Element chips = page.getElementById("active-filters");
        assertThat(chips.select("a.filter-chip").eachAttr("data-filter")).containsExactly("status", "status", "company", "overdue");
        assertThat(chips.select("a.filter-chip[data-filter=company]").text()).contains("Company").contains("acme");
        assertThat(chips.select("a.filter-chip[data-filter=status]").eachText()).anyMatch(t -> t.contains("Open")).anyMatch(t -> t.contains("Planned"));
        Document withoutCompany = grid.page(chips.selectFirst("a.filter-chip[data-filter=company]").attr("href"));
        assertThat(withoutCompany.getElementById("active-filters").select("a.filter-chip").eachAttr("data-filter"))
                .containsExactly("status", "status", "overdue");
        assertThat(GridPages.numbers(withoutCompany)).isEqualTo(GridPages.numbers(grid.page(
                "/backoffice/jobs?status=Open&status=Planned&overdue=1&sort=name&dir=asc")));
        Document withoutOpen = grid.page(chips.select("a.filter-chip[data-filter=status]").first().attr("href"));
        assertThat(withoutOpen.select("input[name=status][checked]").eachAttr("value")).containsExactly("Planned");
        assertThat(grid.page("/backoffice/jobs").getElementById("active-filters")).isNull();
    }

    private static List<Integer> walk(String filter, String typed) {
        return grid.walk("/backoffice/jobs?size=100&" + filter + "=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
    }

    /** Every word of the text is a word of the column (case-insensitive), the last one maybe only its start. */
    private static String words(String column, String text) {
        List<String> words = java.util.Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
        List<String> conditions = new java.util.ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean whole = i < words.size() - 1 || w.length() < 3;
            conditions.add(column + " ~* '\\m" + w + (whole ? "\\M'" : "'"));
        }
        return "(" + String.join(" AND ", conditions) + ")";
    }

    private static List<Integer> sql(String sql) {
        return sql(sql, Integer.class);
    }

    private static <T> List<T> sql(String sql, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(type).list());
    }
}
