package com.fieldservice.portal.jobs;

import com.fieldservice.portal.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each documented constraint of the reference, accepted and refused. */
class JobRulesTest {

    static JobFixtures fixtures;
    static Handle handle;
    static JobRules rules;

    @BeforeAll
    static void database() {
        fixtures = new JobFixtures();
        handle = fixtures.jdbi.open();
        rules = new JobRules(handle.attach(ReferenceDao.class), TestClock.DEFAULT);
    }

    @AfterAll
    static void close() {
        handle.close();
    }

    private static JobRules.Result check(Map<String, String> input) {
        return rules.validate(input, Optional.empty(), false);
    }

    private static Map<String, FieldError> errors(String... fieldsAndValues) {
        return check(fixtures.input(fieldsAndValues)).errors();
    }

    @Test
    void aMinimalJobIsValidAndGetsTheDefaultType() {
        JobRules.Result result = check(fixtures.input());
        assertThat(result.errors()).isEmpty();
        JobDraft draft = result.draft().orElseThrow();
        assertThat(draft.jobTypeId()).isEqualTo(fixtures.uuid("SELECT id FROM job_type WHERE is_default"));
        assertThat(draft.companyId()).isEqualTo(fixtures.uuid("SELECT company_id FROM project WHERE id = '" + fixtures.fixedInstallation + "'"));
    }

    @Test
    void typedDatesAreLocalToTheBusinessZoneAndADayFieldKeepsOnlyItsDay() {
        JobDraft draft = check(fixtures.input("suggested_date_start", "2026-07-01T09:30", "due_date", "2026-07-03",
                "earliest_date_plannable", "2026-07-01T23:30:00Z")).draft().orElseThrow();
        assertThat(draft.suggestedDateStart()).isEqualTo(java.time.OffsetDateTime.parse("2026-07-01T09:30+02:00"));
        assertThat(draft.dueDate()).isEqualTo(java.time.LocalDate.parse("2026-07-03"));
        // 23:30 UTC is already 2 July in Brussels: that day
        assertThat(draft.earliestDatePlannable()).isEqualTo(java.time.LocalDate.parse("2026-07-02"));
    }

    @Test
    void aDayFieldGivenAsATimeWhoseBrusselsDayIsOutOfRangeIsRefused() {
        // still 2999 where it was typed, already 3000 in Brussels
        assertThat(errors("due_date", "2999-12-31T23:30:00-05:00"))
                .containsEntry("due_date", FieldError.of("validation.dateOutOfRange", 1900, 2999));
        assertThat(errors("due_date", "2999-12-31T22:30:00Z")).isEmpty();
    }

    @Test
    void nameIsRequiredAndAtMost255() {
        assertThat(errors("name", "  ")).containsEntry("name", FieldError.of("validation.required"));
        assertThat(errors("name", "x".repeat(256))).containsEntry("name", FieldError.of("validation.tooLong", 255, 256));
        assertThat(errors("name", "x".repeat(255))).isEmpty();
    }

    @Test
    void aNewJobWithoutANameIsNamedAfterItsInstallationAndType() {
        Map<String, String> input = fixtures.input();
        input.remove("name");
        JobRules.Result result = rules.validate(input, Optional.empty(), true);
        assertThat(result.draft().orElseThrow().name()).isEqualTo(fixtures.fixedInstallationName + " – Repair");
    }

    @Test
    void textLengthsFollowTheReference() {
        assertThat(errors("description", "d".repeat(4001))).containsKey("description");
        assertThat(errors("description", "d".repeat(4000))).isEmpty();
        assertThat(errors("customer_reference", "c".repeat(51))).containsKey("customer_reference");
        assertThat(errors("customer_reference", "c".repeat(50))).isEmpty();
        assertThat(errors("reference_back_office", "r".repeat(51))).containsKey("reference_back_office");
        assertThat(errors("reference_back_office", "r".repeat(50))).isEmpty();
        assertThat(errors("estimated_quantity_remark", "q".repeat(4001))).containsKey("estimated_quantity_remark");
        assertThat(errors("estimated_quantity_remark", "q".repeat(4000))).isEmpty();
    }

    @Test
    void theInstallationIsRequiredByGuidOrByErpCode() {
        Map<String, String> input = fixtures.input();
        input.remove("project_id");
        assertThat(check(input).errors()).containsEntry("project_id", FieldError.of("validation.required"));
        assertThat(errors("project_id", UUID.randomUUID().toString())).containsEntry("project_id", FieldError.of("validation.unknown"));
        assertThat(errors("project_id", "not-a-guid")).containsEntry("project_id", FieldError.of("validation.guid"));

        String code = fixtures.jdbi.withHandle(h -> h.createQuery(
                "SELECT reference_back_office FROM project WHERE reference_back_office IS NOT NULL LIMIT 1").mapTo(String.class).one());
        input.put("project_reference_back_office", code);
        assertThat(check(input).errors()).isEmpty();
        input.put("project_reference_back_office", "NO-SUCH-ERP-KEY");
        assertThat(check(input).errors()).containsEntry("project_id", FieldError.of("validation.unknown"));
    }

    @Test
    void referencesByCodeMustExistAndTheGuidWins() {
        assertThat(errors("job_type_code", "MAINT")).isEmpty();
        assertThat(check(fixtures.input("job_type_code", "MAINT")).draft().orElseThrow().jobTypeId())
                .isEqualTo(fixtures.uuid("SELECT id FROM job_type WHERE code = 'MAINT'"));
        assertThat(errors("job_type_code", "NOPE")).containsEntry("job_type_id", FieldError.of("validation.unknown"));
        assertThat(errors("job_priority_code", "NOPE")).containsEntry("job_priority_id", FieldError.of("validation.unknown"));
        assertThat(errors("skill_code", "NOPE")).containsEntry("skill_id", FieldError.of("validation.unknown"));
        assertThat(errors("suggested_user_id", UUID.randomUUID().toString())).containsKey("suggested_user_id");

        String inspection = fixtures.uuid("SELECT id FROM job_type WHERE code = 'INSP'").toString();
        assertThat(check(fixtures.input("job_type_id", inspection, "job_type_code", "MAINT")).draft().orElseThrow().jobTypeId())
                .hasToString(inspection);
    }

    @Test
    void estimatedTimeIsAWholeNumberOfMinutesNotNegative() {
        assertThat(errors("estimated_time", "-1")).containsEntry("estimated_time", FieldError.of("validation.notNegative"));
        assertThat(errors("estimated_time", "1.5h")).containsEntry("estimated_time", FieldError.of("validation.wholeNumber"));
        assertThat(errors("estimated_time", "0")).isEmpty();
        assertThat(errors("estimated_time", "90")).isEmpty();
    }

    @Test
    void dueDateMayNotBeBeforeTheEarliestDate() {
        assertThat(errors("earliest_date_plannable", "2026-03-10", "due_date", "2026-03-09"))
                .containsEntry("due_date", FieldError.of("validation.dueBeforeEarliest"));
        assertThat(errors("earliest_date_plannable", "2026-03-10", "due_date", "2026-03-10")).isEmpty();
        assertThat(errors("due_date", "10/03/2026")).containsEntry("due_date", FieldError.of("validation.date"));
        assertThat(errors("suggested_date_start", "tomorrow")).containsEntry("suggested_date_start", FieldError.of("validation.dateTime"));
        assertThat(errors("suggested_date_start", "2026-03-10T14:30")).isEmpty();
        assertThat(errors("suggested_date_start", "2026-03-10T14:30:00+01:00")).isEmpty();
    }

    @Test
    void everyDateAndTimeFieldTakesYears1900To2999Only() {
        FieldError outOfRange = FieldError.of("validation.dateOutOfRange", 1900, 2999);
        for (FieldSpec field : JobFields.ALL) {
            boolean day = field.kind() == FieldSpec.Kind.DATE;
            if (!day && field.kind() != FieldSpec.Kind.DATE_TIME) {
                continue;
            }
            String name = field.name();
            for (String odd : java.util.List.of("-999999999-01-01T00:00:00Z", "+10000-01-01T00:00", "0000-01-01T00:00",
                    "1899-12-31T23:59", "3000-01-01T00:00", "2999-12-31T23:59:59-19:00")) {
                assertThat(errors(name, odd)).as(name + " = " + odd).containsEntry(name,
                        odd.endsWith("-19:00") ? FieldError.of(day ? "validation.date" : "validation.dateTime") : outOfRange);
            }
            if (day) {
                // a day field takes the Brussels day of a moment: here still 1899, already 3000
                assertThat(errors(name, "1900-01-01T00:00+18:00")).as(name).containsEntry(name, outOfRange);
                assertThat(errors(name, "2999-12-31T23:59:59.999999-18:00")).as(name).containsEntry(name, outOfRange);
                assertThat(errors(name, "1900-01-01T00:00Z")).as(name).isEmpty();
                assertThat(errors(name, "2999-12-31T22:59:59Z")).as(name).isEmpty();
            } else {
                assertThat(errors(name, "1900-01-01T00:00+18:00")).as(name).isEmpty();
                assertThat(errors(name, "2999-12-31T23:59:59.999999-18:00")).as(name).isEmpty();
            }
            if (day) {
                assertThat(errors(name, "+10000-01-01")).as(name).containsEntry(name, outOfRange);
                assertThat(errors(name, "1899-12-31")).as(name).containsEntry(name, outOfRange);
                assertThat(errors(name, "1900-01-01")).as(name).isEmpty();
                assertThat(errors(name, "2999-12-31")).as(name).isEmpty();
            } else {
                assertThat(errors(name, "1900-01-01T00:00")).as(name).isEmpty();
                assertThat(errors(name, "2999-12-31T23:59")).as(name).isEmpty();
            }
        }
    }

    @Test
    void theSuggestedVisitMustEndBefore3000() {
        assertThat(errors("suggested_date_start", "2999-12-31T22:00", "estimated_time", "120"))
                .containsEntry("estimated_time", FieldError.of("validation.visitEndsTooLate", 2999));
        assertThat(errors("suggested_date_start", "2026-03-10T14:30", "estimated_time", String.valueOf(Integer.MAX_VALUE)))
                .containsEntry("estimated_time", FieldError.of("validation.visitEndsTooLate", 2999));
        assertThat(errors("suggested_date_start", "2999-12-31T22:00", "estimated_time", "119")).isEmpty();
    }

    @Test
    void aMobileInstallationsJobNeedsStreetCityAndZipWithinTheirLengths() {
        String mobile = fixtures.mobileInstallation.toString();
        assertThat(errors("project_id", mobile)).containsOnlyKeys("db_address_street", "db_address_city", "db_address_zip")
                .containsEntry("db_address_city", FieldError.of("validation.requiredForMobile"));
        assertThat(errors("project_id", mobile, "db_address_street", "Quai de la Batte 10", "db_address_city", "Liège",
                "db_address_zip", "4000")).isEmpty();
        assertThat(errors("project_id", mobile, "db_address_street", "s".repeat(51), "db_address_city", "Liège",
                "db_address_zip", "4000", "db_address_name", "n".repeat(101), "db_address_email", "not-an-email",
                "db_address_phone", "9".repeat(51)))
                .containsOnlyKeys("db_address_street", "db_address_name", "db_address_email", "db_address_phone");
    }

    @Test
    void coordinatesStayInRange() {
        String mobile = fixtures.mobileInstallation.toString();
        String[] address = {"project_id", mobile, "db_address_street", "Quai 1", "db_address_city", "Liège", "db_address_zip", "4000"};
        assertThat(errors(concat(address, "db_address_latitude_decimal", "90.01")))
                .containsEntry("db_address_latitude_decimal", FieldError.of("validation.between", -90, 90));
        assertThat(errors(concat(address, "db_address_longitude_decimal", "-180.5")))
                .containsEntry("db_address_longitude_decimal", FieldError.of("validation.between", -180, 180));
        assertThat(errors(concat(address, "db_address_latitude_decimal", "50.6326", "db_address_longitude_decimal", "5,5797")))
                .isEmpty();
    }

    @Test
    void aFixedInstallationTakesNoAddressOfItsOwn() {
        assertThat(errors("db_address_street", "Somewhere 1")).containsEntry("db_address_street",
                FieldError.of("validation.addressOnlyForMobile"));
    }

    @Test
    void theContactMustBelongToTheInstallationsCompany() {
        UUID otherCompanysContact = fixtures.uuid("SELECT c.id FROM contact c WHERE c.company_id <> "
                + "(SELECT company_id FROM project WHERE id = '" + fixtures.fixedInstallation + "') LIMIT 1");
        assertThat(errors("contact_id", otherCompanysContact.toString()))
                .containsEntry("contact_id", FieldError.of("validation.contactOfAnotherCompany"));
    }

    @Test
    void aParentIsAnExistingTopLevelJobOtherThanItself() {
        UUID child = fixtures.uuid("SELECT id FROM jobs WHERE parent_id IS NOT NULL LIMIT 1");
        UUID topLevel = fixtures.uuid("SELECT id FROM jobs WHERE parent_id IS NULL LIMIT 1");
        assertThat(errors("_parent_id", child.toString())).containsEntry("_parent_id", FieldError.of("validation.parentIsAChild"));
        assertThat(rules.validate(fixtures.input("_parent_id", topLevel.toString()), Optional.of(topLevel), false).errors())
                .containsEntry("_parent_id", FieldError.of("validation.parentIsItself"));
        assertThat(errors("_parent_id", topLevel.toString())).isEmpty();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
