package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A uuid column reads as the same UUID whether the driver has it as text (a statement's first
 * runs) or as bytes (once the statement is prepared on the server), and a NULL as null.
 */
class UuidColumnsTest {

    public record Line(UUID id, UUID maybe, String name) {
    }

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.freshJdbi();
    }

    @Test
    void theSameUuidEveryTimeTheStatementRunsAsTextFirstThenAsBytes() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(UUID.randomUUID());
        }
        ids.add(new UUID(0, 0));
        ids.add(new UUID(-1, -1));
        List<Line> read = jdbi.withHandle(h -> {
            List<Line> lines = new ArrayList<>();
            for (UUID id : ids) {
                lines.add(h.createQuery("SELECT CAST(:id AS uuid) AS id, CAST(NULL AS uuid) AS maybe, 'x' AS name")
                        .bind("id", id).mapTo(Line.class).one());
            }
            return lines;
        });
        assertThat(read).extracting(Line::id).containsExactlyElementsOf(ids);
        assertThat(read).extracting(Line::maybe).containsOnlyNulls();
    }

    @Test
    void aUuidWrittenAsTextReadsAsItsUuid() {
        UUID id = UUID.randomUUID();
        UUID read = jdbi.withHandle(h -> h.createQuery("SELECT CAST(:id AS text)").bind("id", id.toString())
                .mapTo(UUID.class).one());
        assertThat(read).isEqualTo(id);
    }
}
