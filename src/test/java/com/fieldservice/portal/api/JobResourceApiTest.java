package com.fieldservice.portal.api;

import static com.fieldservice.portal.support.ReferenceFixtures.FULL_JOB;
import static com.fieldservice.portal.support.ReferenceFixtures.MINIMAL_JOB;
import static com.fieldservice.portal.support.ReferenceFixtures.MOBILE_JOB;
import static com.fieldservice.portal.support.ReferenceFixtures.PARENT_JOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.web.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/jobs/{id}} against the reference API's sample document for one work order. */
class JobResourceApiTest {

    /** "2026-01-30T22:36:47.489839+00:00", the shared Json mapper's format. */
    private static final Pattern REFERENCE_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
    /** The sample's own dates, some with 7 digits or none after the second. */
    private static final Pattern SAMPLE_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+00:00");
    private static final ObjectMapper JSON = new ObjectMapper();

    static TestPortal portal;
    static JsonNode sample;

    @BeforeAll
    static void start() throws IOException {
        portal = TestPortal.start();
        ReferenceFixtures.insert(portal.jdbi());
        try (InputStream in = JobResourceApiTest.class.getResourceAsStream("/reference/jobs-sample.json")) {
            sample = JSON.readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void fullJobHasExactlyTheKeyPathsOfTheReferenceSample() {
        List<String> expected = JsonKeyPaths.of(sample);
        assertThat(expected).contains("project.equipment_model.translations[].field_name",
                "project.equipment_model.equipment_brand.sales_organization.vat_reg_code", "suggested_user.sales_organization.id");

        assertThat(JsonKeyPaths.of(job(FULL_JOB))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void keysComeInTheOrderOfTheSample() {
        JsonNode job = job(FULL_JOB);
        assertThat(fieldNames(job)).containsExactlyElementsOf(fieldNames(sample));
        assertThat(fieldNames(job.get("project"))).containsExactlyElementsOf(fieldNames(sample.get("project")));
        // and every nested object too: all key paths, in document order
        assertThat(JsonKeyPaths.of(job)).containsExactlyElementsOf(JsonKeyPaths.of(sample));
    }

    @Test
    void everyValueHasTheTypeTheSampleShows() {
        JsonNode job = job(FULL_JOB);
        for (Map.Entry<String, JsonNode> leaf : JsonKeyPaths.leaves(sample)) {
            String path = leaf.getKey();
            JsonNode expected = leaf.getValue();
            JsonNode actual = JsonKeyPaths.at(job, path);
            if (actual.isNull()) {
                continue; // a value the full fixture cannot hold (its own address: it has an address id)
            }
            if (expected.isTextual() && SAMPLE_DATE.matcher(expected.asText()).matches()) {
                assertThat(actual.asText()).as(path).matches(REFERENCE_DATE);
            } else if (expected.isNumber()) {
                assertThat(actual.isNumber()).as(path + " is a number: " + actual).isTrue();
            } else if (expected.isBoolean()) {
                assertThat(actual.isBoolean()).as(path + " is a boolean: " + actual).isTrue();
            } else {
                assertThat(actual.isTextual()).as(path + " is a string: " + actual).isTrue();
            }
        }
    }

    @Test
    void fullJobShowsTheFixtureValues() {
        JsonNode job = job(FULL_JOB);
        assertThat(job.get("id").asText()).isEqualTo(FULL_JOB.toString());
        assertThat(job.get("id2").isInt()).isTrue();
        assertThat(job.get("id2").asInt()).isEqualTo(ReferenceFixtures.FULL_JOB_ID2);
        assertThat(job.get("name").asText()).isEqualTo("Service the main boiler");
        assertThat(job.get("_parent_id").asText()).isEqualTo(PARENT_JOB.toString());
        assertThat(job.get("_parent_jobs_reference_back_office").asText()).isEqualTo("WO-2025-0100");
        assertThat(job.get("project_reference_back_office").asText()).isEqualTo("EQ-ACME-0815");
        assertThat(job.get("job_type_code").asText()).isEqualTo("MAINT");
        assertThat(job.get("job_priority_code").asText()).isEqualTo("PLANT-STOP");
        assertThat(job.get("job_status_id").asText()).isEqualToIgnoringCase("6557B9DC-6106-4327-8E26-6F24D0329C33");
        assertThat(job.get("job_status_code").asText()).isEqualTo("Completed");
        assertThat(job.get("suggested_user_code").asText()).isEqualTo("TECH07");
        assertThat(job.get("skill_code").asText()).isEqualTo("GAS");
        assertThat(job.get("company_code").asText()).isEqualTo("ACME");
        assertThat(job.get("estimated_time").asInt()).isEqualTo(90);
        assertThat(job.get("date_closed").asText()).isEqualTo("2025-03-10T17:40:00.000000+00:00");

        JsonNode project = job.get("project");
        assertThat(project.get("name").asText()).isEqualTo("Main boiler");
        assertThat(project.get("_parent_reference_back_office").asText()).isEqualTo("LOC-ACME-ANT");
        assertThat(project.get("company_code").asText()).isEqualTo("ACME");
        assertThat(project.get("db_address_code").asText()).isEqualTo("ADDR-ACME-ANT");
        assertThat(project.get("contact_reference_back_office").asText()).isEqualTo("CT-0017");
        assertThat(project.get("project_status").get("name").asText()).isEqualTo("Under warranty");
        assertThat(project.get("equipment_family").get("_parent_code").asText()).isEqualTo("HEAT");
        JsonNode model = project.get("equipment_model");
        assertThat(model.get("name").asText()).isEqualTo("ecoTEC plus 48 kW");
        assertThat(model.get("equipment_brand").get("name").asText()).isEqualTo("Vaillant");
        assertThat(model.get("equipment_brand").get("sales_organization").get("name").asText()).isEqualTo("Field Service Belgium");
        assertThat(model.get("equipment_family").get("code").asText()).isEqualTo("BOIL");
        assertThat(model.get("translations").findValuesAsText("value_translated"))
                .containsExactly("ecoTEC plus 48 kW (chaudière)", "ecoTEC plus 48 kW (ketel)");
        assertThat(job.get("job_priority").get("name").asText()).isEqualTo("Plant stopped");
        assertThat(job.get("suggested_user").get("lastname").asText()).isEqualTo("Wouters");
        assertThat(job.get("suggested_user").get("private_db_country_code").asText()).isEqualTo("BE");
        assertThat(job.get("skill").get("sales_organization").get("code").asText()).isEqualTo("SO-BE");
    }

    @Test
    void projectCountersAreDerivedFromItsJobsAndVisits() {
        JsonNode project = job(FULL_JOB).get("project");
        // open: the in-progress parent and the planned, to-be-planned and waiting siblings
        assertThat(project.get("nb_open_jobs").asInt()).isEqualTo(4);
        assertThat(project.get("nb_jobs_planned").asInt()).isEqualTo(1);
        assertThat(project.get("nb_jobs_tobeplanned").asInt()).isEqualTo(1);
        assertThat(project.get("nb_jobs_waitingfurtheraction").asInt()).isEqualTo(1);
        assertThat(project.get("date_next_job").asText()).isEqualTo(ReferenceFixtures.NEXT_VISIT);
        // the canceled sibling's later visit does not count
        assertThat(project.get("date_last_job").asText()).isEqualTo(ReferenceFixtures.LAST_VISIT);
    }

    @Test
    void datesAreWrittenAsTheSharedJsonMapperWritesThem() {
        JsonNode job = job(FULL_JOB);
        assertThat(job.get("date_create").asText())
                .isEqualTo(Json.format(OffsetDateTime.parse("2025-02-27T09:15:00.123456Z")))
                .isEqualTo("2025-02-27T09:15:00.123456+00:00");
        // date columns: midnight UTC
        assertThat(job.get("project").get("date_built").asText()).isEqualTo("2023-01-20T00:00:00.000000+00:00");
        assertThat(job.get("suggested_user").get("birthdate").asText()).isEqualTo("1985-07-30T00:00:00.000000+00:00");
        assertThat(job.get("modified_dateutc").asText()).matches(REFERENCE_DATE);
    }

    @Test
    void jobOnAMobileInstallationCarriesItsOwnAddress() {
        JsonNode job = job(MOBILE_JOB);
        assertThat(job.get("project").get("is_mobile_installation").asBoolean()).isTrue();
        assertThat(job.get("db_address_id").isNull()).isTrue();
        assertThat(job.get("db_address_name").asText()).isEqualTo("Ghent festival site");
        assertThat(job.get("db_address_street").asText()).isEqualTo("Kortrijksesteenweg");
        assertThat(job.get("db_address_street2").asText()).isEqualTo("Gate 3");
        assertThat(job.get("db_address_street_number").asText()).isEqualTo("12");
        assertThat(job.get("db_address_city").asText()).isEqualTo("Gent");
        assertThat(job.get("db_address_zip").asText()).isEqualTo("9000");
        assertThat(job.get("db_address_db_country_code").asText()).isEqualTo("BE");
        assertThat(job.get("db_address_phone").asText()).isEqualTo("+32 9 555 12 12");
        assertThat(job.get("db_address_email").asText()).isEqualTo("site@acme.example");
        assertThat(job.get("db_address_latitude_decimal").isNumber()).isTrue();
        assertThat(job.get("db_address_latitude_decimal").decimalValue()).isEqualByComparingTo("51.0367");
        assertThat(job.get("db_address_longitude_decimal").isNumber()).isTrue();
        assertThat(job.get("db_address_longitude_decimal").decimalValue()).isEqualByComparingTo("3.7107");
    }

    @Test
    void minimalJobStillHasEveryKeyWithNulls() {
        JsonNode job = job(MINIMAL_JOB);
        List<String> absentEntities = List.of("job_priority", "suggested_user", "skill",
                "project.equipment_family", "project.equipment_model", "project.project_status");
        for (String entity : absentEntities) {
            assertThat(JsonKeyPaths.at(job, entity).isNull()).as(entity + " is null").isTrue();
        }
        List<String> expected = JsonKeyPaths.of(sample).stream()
                .filter(path -> absentEntities.stream().noneMatch(entity -> path.startsWith(entity + ".")))
                .collect(Collectors.toList());
        assertThat(JsonKeyPaths.of(job)).containsExactlyElementsOf(expected);

        assertThat(job.get("name").asText()).isEqualTo("Pump leaks");
        assertThat(job.get("job_status_code").asText()).isEqualTo("Open");
        for (String key : List.of("_parent_id", "_parent_jobs_reference_back_office", "project_reference_back_office",
                "job_priority_id", "job_priority_code", "contact_id", "description", "working_sequence", "estimated_time",
                "due_date", "date_update", "date_closed", "suggested_user_id", "suggested_user_code", "skill_code",
                "db_address_street", "db_address_latitude_decimal", "estimated_quantity_remark")) {
            assertThat(job.get(key).isNull()).as(key + " is null").isTrue();
        }
        JsonNode project = job.get("project");
        assertThat(project.get("_parent_reference_back_office").isNull()).isTrue();
        assertThat(project.get("date_next_job").isNull()).isTrue();
        assertThat(project.get("date_last_job").isNull()).isTrue();
        assertThat(project.get("nb_open_jobs").asInt()).isEqualTo(1);
        assertThat(project.get("nb_jobs_planned").asInt()).isZero();
    }

    @Test
    void answersApplicationJsonByDefaultAndTextJsonWhenAskedForIt() {
        HttpResponse<String> byDefault = portal.apiGet("/api/jobs/" + FULL_JOB);
        assertThat(byDefault.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));

        HttpResponse<String> textJson = portal.apiGet("/api/jobs/" + FULL_JOB, "text/json");
        assertThat(textJson.statusCode()).isEqualTo(200);
        assertThat(textJson.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/json"));
        assertThat(textJson.body()).isEqualTo(byDefault.body());

        HttpResponse<String> both = portal.apiGet("/api/jobs/" + FULL_JOB, "text/json, application/json;q=0.9");
        assertThat(both.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void unknownWorkOrderIsA404WithAJsonBody() throws IOException {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000000");
        HttpResponse<String> response = portal.apiGet("/api/jobs/" + unknown);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("error").asText()).isEqualTo("not_found");
        assertThat(body.get("message").asText()).contains(unknown.toString());
    }

    @Test
    void otherUnknownApiPathsKeepTheGenericJson404() throws IOException {
        HttpResponse<String> response = portal.apiGet("/api/nowhere");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void malformedGuidIsA400NamingTheIdField() throws IOException {
        HttpResponse<String> response = portal.apiGet("/api/jobs/not-a-guid");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("invalid_fields").findValuesAsText("field")).containsExactly("id");

        // lenient forms java.util.UUID would accept are not GUIDs either
        assertThat(portal.apiGet("/api/jobs/1-1-1-1-1").statusCode()).isEqualTo(400);
    }

    @Test
    void errorsFollowTheNegotiatedTypeToo() {
        HttpResponse<String> response = portal.apiGet("/api/jobs/not-a-guid", "text/json");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/json"));
    }

    private static JsonNode job(UUID id) {
        HttpResponse<String> response = portal.apiGet("/api/jobs/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
