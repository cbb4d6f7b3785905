package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statements run as written; those with {@code <name>} get what the statement defines, as before. */
class SqlTemplatesTest {

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.freshJdbi();
    }

    @Test
    void aStatementWithNothingToReplaceIsSentAsItsOwnStringComparisonsIncluded() {
        for (String sql : List.of("SELECT :a + 1", "SELECT :a + 1 WHERE 1 < 2 AND 1 <> 2 AND 2 <= 2 AND 1<2")) {
            jdbi.useHandle(handle -> {
                var query = handle.createQuery(sql).bind("a", 41);
                assertThat(query.mapTo(Integer.class).one()).isEqualTo(42);
                assertThat(query.getContext().getRenderedSql()).as(sql).isSameAs(sql);
            });
        }
    }

    @Test
    void definedNamesAreReplacedAndTheOperatorLessOrGreaterIsLeftAlone() {
        List<Integer> read = jdbi.withHandle(handle -> handle
                .createQuery("SELECT n FROM generate_series(1, 5) n WHERE n <> 3 AND n < :limit ORDER BY <order>")
                .define("order", "n DESC")
                .bind("limit", 5)
                .mapTo(Integer.class)
                .list());
        assertThat(read).containsExactly(4, 2, 1);
    }

    @Test
    void aNameLeftUndefinedIsStillRefusedBeforeItReachesTheDatabase() {
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.createQuery("SELECT 1 ORDER BY <order>").mapTo(Integer.class).list()))
                .isInstanceOf(UnableToCreateStatementException.class);
    }
}
