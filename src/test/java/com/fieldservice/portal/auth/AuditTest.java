package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/** The audit log's search: each filter given or not, and planned for the ones given. */
class AuditTest {

    @Test
    void eachFilterAppliesWhenGivenAndTheSearchIsPlannedForThem() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        Audit audit = new Audit(jdbi);
        for (int i = 0; i < 6; i++) {
            audit.record(Optional.empty(), "user" + i + "@portal.test", i % 2 == 0 ? Audit.SIGN_IN : Audit.SIGN_OUT, "", "127.0.0.1");
        }
        List<String> statements = new ArrayList<>();
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
        List<AuditDao.Entry> signIns = audit.search(Optional.of(Audit.SIGN_IN), Optional.empty(), Optional.empty(), 10);
        assertThat(signIns).extracting(AuditDao.Entry::username)
                .containsExactly("user4@portal.test", "user2@portal.test", "user0@portal.test");
        assertThat(audit.search(Optional.of(Audit.SIGN_IN), Optional.of("user0"), Optional.empty(), 10)).hasSize(1);
        assertThat(audit.search(Optional.empty(), Optional.empty(), Optional.of(signIns.get(1).id()), 10)).extracting(AuditDao.Entry::username)
                .containsExactly("user1@portal.test", "user0@portal.test");
        // whether a filter is given decides the plan (an index on the event, or the newest first)
        assertThat(statements).hasSize(6).filteredOn(sql -> sql.startsWith("SET LOCAL plan_cache_mode"))
                .containsOnly("SET LOCAL plan_cache_mode = force_custom_plan").hasSize(3);
    }
}
