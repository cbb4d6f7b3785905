package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The grid's search on a fresh database of demo work orders, shaped by the test and analysed,
 * with every statement it sends kept, for tests of which plan a search takes at volume.
 */
final class GridOnDemoData {

    /** What one grid request found: the count, and the numbers of its page's lines. */
    record Result(JobSearch.Matches matches, List<Integer> numbers) {
    }

    final Jdbi jdbi;
    private final JobSearch search = new JobSearch(null, TestClock.DEFAULT);
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    GridOnDemoData(int jobs, Consumer<Handle> shape) {
        jdbi = TestDatabase.freshJdbi();
        DemoData.fillIfEmpty(jdbi, jobs);
        jdbi.useHandle(h -> {
            shape.accept(h);
            h.execute("ANALYZE jobs");
        });
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
    }

    /** The statements sent since the last {@link #forget()}. */
    List<String> statements() {
        return statements;
    }

    void forget() {
        statements.clear();
    }

    JobSearch.Prepared prepare(Map<String, List<String>> params) {
        return jdbi.withHandle(h -> search.prepare(h, JobQuery.parse(params)));
    }

    /** One grid request, as the grid's handler makes it: count, then the page. */
    Result run(Map<String, List<String>> params) {
        return jdbi.inTransaction(h -> {
            JobSearch.Prepared prepared = search.prepare(h, JobQuery.parse(params));
            JobSearch.Matches matches = search.matches(h, prepared);
            List<Integer> numbers = search.page(h, prepared, matches).rows().stream().map(JobSearch.Row::id2).toList();
            return new Result(matches, numbers);
        });
    }

    /** The plan mode the last grid request asked for before counting its matches. */
    String planModeAsked() {
        String settings = statements.stream().filter(sql -> sql.contains("set_config('plan_cache_mode', '")).findFirst().orElseThrow();
        return settings.replaceAll("(?s).*set_config\\('plan_cache_mode', '([a-z_]+)'.*", "$1");
    }

    /** How PostgreSQL will plan the page of a grid request, once its matches are counted. */
    String pagePlanMode(Map<String, List<String>> params) {
        return jdbi.inTransaction(h -> {
            search.matches(h, search.prepare(h, JobQuery.parse(params)));
            return h.createQuery("SELECT current_setting('plan_cache_mode')").mapTo(String.class).one();
        });
    }

    List<Integer> sql(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).list());
    }
}
