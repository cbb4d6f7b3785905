package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.Nested;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A row and its lists read in one statement: every value as a plain column would give it. */
class JsonColumnsTest {

    public record Item(UUID id, int id2, String name, OffsetDateTime at, boolean done, Integer size) {
    }

    public record Head(String title) {
    }

    public record WithItems(@Nested Head head, @Json List<Item> items) {
    }

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.freshJdbi();
    }

    @Test
    void aListColumnReadsAsTheRecordsWithTheirTimesAndNullsAndNoRowsAsAnEmptyList() {
        UUID id = UUID.randomUUID();
        WithItems read = jdbi.withHandle(h -> {
            // offsets as the session writes them, Brussels' local mean time of 1899 among them
            h.execute("SET TIME ZONE 'Europe/Brussels'");
            return h.createQuery("""
                    SELECT 'Jobs' AS title,
                           (SELECT json_agg(i ORDER BY i.id2) FROM (VALUES
                                (CAST(:id AS uuid), 2, 'line "two"', timestamptz '2999-12-31 23:59:59.5+00', true, NULL::int, 'x'),
                                (gen_random_uuid(), 1, 'één · Zürich', timestamptz '1899-12-31 00:00:00+00', false, 7, 'y'))
                                AS i(id, id2, name, at, done, size, ordering_only)) AS items""")
                    .bind("id", id).mapTo(WithItems.class).one();
        });
        assertThat(read.head().title()).isEqualTo("Jobs");
        assertThat(read.items()).extracting(Item::id2).containsExactly(1, 2);
        Item first = read.items().get(0);
        Item second = read.items().get(1);
        assertThat(first.name()).isEqualTo("één · Zürich");
        assertThat(first.at().toInstant()).isEqualTo(OffsetDateTime.parse("1899-12-31T00:00:00Z").toInstant());
        assertThat(first.size()).isEqualTo(7);
        assertThat(first.done()).isFalse();
        assertThat(second.id()).isEqualTo(id);
        assertThat(second.name()).isEqualTo("line \"two\"");
        assertThat(second.at().toInstant()).isEqualTo(OffsetDateTime.parse("2999-12-31T23:59:59.5Z").toInstant());
        assertThat(second.size()).isNull();
        assertThat(second.done()).isTrue();

        WithItems none = jdbi.withHandle(h -> h.createQuery("""
                SELECT 'Nothing' AS title, (SELECT json_agg(x) FROM generate_series(1, 0) x) AS items""")
                .mapTo(WithItems.class).one());
        assertThat(none.items()).isEmpty();
    }
}
