package com.fieldservice.portal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The catalogue and the database agree: the same lengths, the same required fields, the same years. */
class JobFieldsSchemaTest {

    @Test
    void everyCatalogueFieldHasAColumnOfTheSameLength() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        Map<String, Map<String, Object>> columns = jdbi.withHandle(h -> h.createQuery("""
                SELECT column_name, data_type, character_maximum_length, is_nullable
                  FROM information_schema.columns WHERE table_name = 'jobs'""")
                .mapToMap().list().stream()
                .collect(java.util.stream.Collectors.toMap(row -> (String) row.get("column_name"), row -> row)));

        for (FieldSpec field : JobFields.ALL) {
            String column = field.name().equals("_parent_id") ? "parent_id" : field.name();
            assertThat(columns).as(field.name()).containsKey(column);
            Map<String, Object> meta = columns.get(column);
            if (field.maxLength().isPresent()) {
                assertThat(meta.get("character_maximum_length")).as(field.name()).isEqualTo(field.maxLength().getAsInt());
            } else if (field.kind() == FieldSpec.Kind.MULTILINE || field.kind() == FieldSpec.Kind.TEXT) {
                assertThat(meta.get("data_type")).as(field.name()).isEqualTo("text");
            }
            // a day is kept as a day, a date and time as an instant
            if (field.kind() == FieldSpec.Kind.DATE) {
                assertThat(meta.get("data_type")).as(field.name()).isEqualTo("date");
            } else if (field.kind() == FieldSpec.Kind.DATE_TIME) {
                assertThat(meta.get("data_type")).as(field.name()).isEqualTo("timestamp with time zone");
            }
            assertThat(meta.get("is_nullable")).as(field.name()).isEqualTo(field.required() ? "NO" : "YES");
        }
    }

    @Test
    void theDatabaseKeepsEveryDateAndTimeTheFormsAcceptAndNoOtherYear() throws DateInput.Refused {
        Jdbi jdbi = TestDatabase.freshJdbi();
        // the earliest and the latest instants a person can type, at the farthest offsets there are
        List<OffsetDateTime> accepted = List.of(
                DateInput.dateTime(DateInput.FIRST_YEAR + "-01-01T00:00+18:00", ZoneOffset.UTC),
                DateInput.dateTime(DateInput.LAST_YEAR + "-12-31T23:59:59.999999-18:00", ZoneOffset.UTC));
        // a day beyond the range, whatever the zone
        List<OffsetDateTime> refused = List.of(
                OffsetDateTime.of(DateInput.FIRST_YEAR - 1, 12, 30, 23, 59, 59, 0, ZoneOffset.UTC),
                OffsetDateTime.of(DateInput.LAST_YEAR + 1, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC));
        Map<String, String> checks = jdbi.withHandle(h -> h.createQuery("""
                SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'jobs'::regclass""")
                .map((rs, ctx) -> Map.entry(rs.getString("conname"), rs.getString("definition"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (FieldSpec field : JobFields.ALL) {
            if (field.kind() == FieldSpec.Kind.DATE || field.kind() == FieldSpec.Kind.DATE_TIME) {
                assertThat(checks).as(field.name())
                        .containsEntry("jobs_" + field.name() + "_plausible", "CHECK (plausible(" + field.name() + "))");
            }
        }
        for (OffsetDateTime time : accepted) {
            assertThat(plausible(jdbi, time)).as(time.toString()).isTrue();
        }
        for (OffsetDateTime time : refused) {
            assertThat(plausible(jdbi, time)).as(time.toString()).isFalse();
        }
        // the days a person can type, and not one more
        for (String day : List.of(DateInput.FIRST_YEAR + "-01-01", DateInput.LAST_YEAR + "-12-31")) {
            assertThat(plausibleDay(jdbi, LocalDate.parse(day))).as(day).isTrue();
        }
        for (String day : List.of((DateInput.FIRST_YEAR - 1) + "-12-31", (DateInput.LAST_YEAR + 1) + "-01-01")) {
            assertThat(plausibleDay(jdbi, LocalDate.parse(day))).as(day).isFalse();
        }
    }

    private static boolean plausibleDay(Jdbi jdbi, LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery("SELECT plausible(CAST(:day AS date))").bind("day", day)
                .mapTo(Boolean.class).one());
    }

    private static boolean plausible(Jdbi jdbi, OffsetDateTime time) {
        return jdbi.withHandle(h -> h.createQuery("SELECT plausible(CAST(:time AS timestamptz))").bind("time", time)
                .mapTo(Boolean.class).one());
    }
}
