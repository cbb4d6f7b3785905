package com.fieldservice.portal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The catalogue and the database agree: the same lengths, the same required fields. */
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
            assertThat(meta.get("is_nullable")).as(field.name()).isEqualTo(field.required() ? "NO" : "YES");
        }
    }
}
