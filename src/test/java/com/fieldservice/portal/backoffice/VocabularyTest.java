package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.jobs.FieldSpec;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import com.fieldservice.portal.web.Texts;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One label per field, from the catalogue: the detail page, the form, the history and the CSV
 * header say the same words; empty values read "—"; the history names what ids point at.
 */
class VocabularyTest {

    /** The form's control of a field, where it is not the field itself (a search box, a number). */
    private static final Map<String, String> FORM_CONTROL = Map.of("project_id", "project_search", "_parent_id", "parent_number");
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    static TestPortal portal;
    static Jdbi jdbi;
    static WebSession planner;
    static int mobile;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        jdbi = portal.jdbi();
        ReferenceFixtures.insert(jdbi);
        mobile = jdbi.withHandle(h -> h.createQuery("SELECT id2 FROM jobs WHERE id = :id")
                .bind("id", ReferenceFixtures.MOBILE_JOB).mapTo(Integer.class).one());
        // an edit that touched every field of the catalogue
        String everyField = JobFields.ALL.stream().map(f -> "\"" + f.name() + "\": {\"old\": null, \"new\": \"1\"}")
                .collect(Collectors.joining(", ", "{", "}"));
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_history (job_id, changed_by, kind, changes, version) VALUES (?, 'Pat Planner', 'edited', CAST(? AS jsonb), 1)""",
                ReferenceFixtures.MOBILE_JOB, everyField));
        TestAccounts.staff(jdbi, "planner@vocabulary.test", "planner");
        planner = portal.signedIn("planner@vocabulary.test");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void everyFieldHasTheSameLabelOnTheDetailPageTheFormTheHistoryAndTheCsv() {
        Document detail = page("/backoffice/jobs/" + mobile);
        Document form = page("/backoffice/jobs/" + mobile + "/edit");
        for (FieldSpec field : JobFields.ALL) {
            String name = field.name();
            String label = Texts.get(JobFields.labelKey(name));
            assertThat(detail.select("dt[data-field=" + name + "]").text()).as("detail " + name).isEqualTo(label);
            assertThat(form.select("label[for=" + FORM_CONTROL.getOrDefault(name, name) + "]").text()).as("form " + name)
                    .isEqualTo(label);
            assertThat(detail.select("#history [data-field=" + name + "]").text()).as("history " + name).isEqualTo(label);
        }
        Document grid = page("/backoffice/jobs");
        List<String> header = List.of(planner.get("/backoffice/jobs.csv").body().substring(1).split("\r\n")[0].split(","));
        List<String> fields = Stream.of(GridColumn.values()).map(GridColumn::field).toList();
        assertThat(header).hasSameSizeAs(fields);
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i);
            String label = Texts.get(JobFields.labelKey(name));
            assertThat(header.get(i)).as("CSV " + name).isEqualTo(label);
            Element dt = detail.selectFirst("dt[data-field=" + name + "]");
            if (dt != null) {
                assertThat(dt.text()).as("detail " + name).isEqualTo(label);
            }
            Element column = grid.selectFirst("#jobs th[data-field=" + name + "] a > span");
            if (column != null) {
                assertThat(column.text()).as("grid " + name).isEqualTo(label);
            }
        }
        assertThat(grid.select("#jobs th[data-field]")).hasSize(GridColumn.ON_SCREEN.size());
    }

    @Test
    void integrationsGetTheReferenceNamesAndValues() {
        String csv = planner.get("/backoffice/jobs.csv?names=reference").body().substring(1);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("id2,name,company,project,job_type,job_priority,job_status_code,due_date,technician,"
                + "customer_reference,reference_back_office,modified_dateutc");
        String full = Stream.of(lines).filter(l -> l.startsWith("4711,")).findFirst().orElseThrow();
        // the status by its code, the due date as stored and as the API writes it (the fixture stores it at 00:00 UTC)
        assertThat(full).as(full).contains(",Completed,", ",2025-03-31T00:00:00.000000+00:00,");
    }

    @Test
    void anEmptyValueReadsAsADashAndNoRowCollapses() {
        int minimal = jdbi.withHandle(h -> h.createQuery("SELECT id2 FROM jobs WHERE id = :id")
                .bind("id", ReferenceFixtures.MINIMAL_JOB).mapTo(Integer.class).one());
        Document detail = page("/backoffice/jobs/" + minimal);
        assertThat(detail.select("dl dd")).isNotEmpty().allSatisfy(dd -> assertThat(dd.text()).as(dd.toString()).isNotBlank());
        assertThat(detail.select("dd[data-field=skill_id]").text()).isEqualTo("—");
        assertThat(detail.select("dd[data-field=working_sequence]").text()).isEqualTo("—");
    }

    @Test
    void historyNamesWhatItsIdsPointAtAndWritesDatesAsThePageDoes() {
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_history (job_id, changed_by, kind, changes, version) VALUES (?, 'Pat Planner', 'edited', CAST(? AS jsonb), 9)""",
                ReferenceFixtures.FULL_JOB, """
                {"suggested_user_id": {"old": null, "new": "daf8d667-a5b6-446b-9016-cd1c2c081343"},
                 "project_id": {"old": "00000000-0000-4000-8000-000000000000", "new": "%s"},
                 "_parent_id": {"old": null, "new": "%s"},
                 "suggested_date_start": {"old": "2025-03-05T09:00", "new": null},
                 "estimated_time": {"old": "60", "new": "90"}}""".formatted(ReferenceFixtures.BOILER, ReferenceFixtures.PARENT_JOB)));
        Document detail = page("/backoffice/jobs/4711");
        String history = detail.getElementById("history").text();
        assertThat(history).contains("Suggested technician: — → Lucas Janssens", "Installation: (no longer exists) → Main boiler",
                "Parent work order: — → 4710 · ", "Suggested start: 2025-03-05 09:00 → —", "Estimated time: 60 minutes → 90 minutes");
        assertThat(detail.getElementById("history").html()).doesNotContainPattern(GUID);
        assertThat(history).doesNotContain("suggested_user_id", "project_id", "_parent_id");
    }

    @Test
    void theWorkingOrderShowsOnTheJobAndAmongItsParentsChildren() {
        assertThat(page("/backoffice/jobs/4711").select("dd[data-field=working_sequence]").text()).isEqualTo("2");
        Document parent = page("/backoffice/jobs/4710");
        assertThat(parent.select("#children thead th").first().text()).isEqualTo(Texts.get("field.working_sequence"));
        assertThat(parent.select("#children tbody tr[data-number=4711] td").first().text()).isEqualTo("2");
    }

    @Test
    void everyShownFieldHasALabel() {
        Stream.concat(JobFields.ALL.stream().map(FieldSpec::name), JobFields.SHOWN_ONLY.stream())
                .forEach(name -> assertThat(Texts.has(JobFields.labelKey(name))).as(name).isTrue());
    }

    private static Document page(String path) {
        HttpResponse<String> answer = planner.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }
}
