package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Csv;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /backoffice/jobs} (the search grid) and {@code GET /backoffice/jobs.csv} (the same list as CSV). */
public final class JobGridHandler {

    private final Jdbi jdbi;
    private final JobSearch search;
    private final BusinessClock clock;
    private final DateDisplay dates;

    public JobGridHandler(Jdbi jdbi, BusinessClock clock) {
        this.jdbi = jdbi;
        this.search = new JobSearch(jdbi, clock);
        this.clock = clock;
        this.dates = new DateDisplay(clock);
    }

    /** The lookups changed (on any instance). */
    public void forgetLookups() {
        search.forgetLookups();
    }

    public void grid(Context ctx) {
        ThymeleafRenderer.renderBytes(ctx, "backoffice/jobs.html", model(JobQuery.parse(ctx.queryParamMap()), Language.of(ctx)));
    }

    /** What the grid's page shows for a query, in a language (also read by bench/RenderGrid.java). */
    Map<String, Object> model(JobQuery query, Language language) {
        Map<String, Object> model = new HashMap<>();
        jdbi.useTransaction(handle -> {
            JobSearch.Prepared prepared = search.prepare(handle, query).in(language);
            JobSearch.Matches matches = search.matches(handle, prepared);
            model.put("page", search.page(handle, prepared, matches));
            model.put("count", matches.count());
            model.put("lookups", new Lookups(prepared.named()));
            model.put("chips", query.chips(prepared.named()));
        });
        model.put("query", query);
        model.put("pageSizes", JobQuery.PAGE_SIZES);
        model.put("columns", GridColumn.ON_SCREEN);
        return model;
    }

    /** Grouped lookups for the filter form. */
    public record Lookups(List<JobSearch.Lookup> all) {
        public List<JobSearch.Lookup> of(String kind) {
            return all.stream().filter(l -> l.kind().equals(kind)).toList();
        }

        /** The statuses of one group of the form's check boxes: the open ones, or the closed ones. */
        public List<JobSearch.Lookup> statuses(boolean closed) {
            return all.stream().filter(l -> l.kind().equals("status") && l.closed() == closed).toList();
        }
    }

    /**
     * The CSV a person opens has the grid's labels and values; {@code names=reference} gives an
     * integration the reference's names and values instead, which no translation will change. A
     * person's CSV is in their language, with its separator ({@link Csv#separator}).
     */
    public void csv(Context ctx) {
        JobQuery query = JobQuery.parse(ctx.queryParamMap());
        boolean referenceNames = "reference".equals(ctx.queryParam("names"));
        String file = "work-orders-" + clock.today() + ".csv";
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.header("Cache-Control", "no-store");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
            // the reference's CSV is for scripts: the same in every language
            Language language = referenceNames ? Language.EN : Language.of(ctx);
            char separator = Csv.separator(language);
            DateDisplay shown = dates.in(language);
            out.write(Csv.BYTE_ORDER_MARK);
            Csv.line(out, GridColumn.headers(referenceNames, language), separator);
            search.stream(query, language, row -> {
                try {
                    Csv.line(out, GridColumn.cells(row, shown, referenceNames), separator);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
