package com.fieldservice.portal.customer;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.conversation.Conversation;
import com.fieldservice.portal.conversation.TimelineDao;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.RequestValues;
import com.fieldservice.portal.web.ThymeleafRenderer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The customer portal's read side: the company's work orders (open and closed), one work order,
 * finding one by the customer's own reference, and the list as CSV. Everything is read through
 * {@link PortalJobDao} within the signed-in contact's {@link CustomerScope}: a work order outside
 * it answers 404, exactly like one that doesn't exist.
 */
public final class PortalHandler {

    private final Jdbi jdbi;
    /** What the customer may do on an open job: comment, add files, cancel (the report feature's). */
    private final JobActionsService actions;
    private final PortalFormat fmt;

    public PortalHandler(Jdbi jdbi, JobActionsService actions, PortalFormat fmt) {
        this.jdbi = jdbi;
        this.actions = actions;
        this.fmt = fmt;
    }

    /**
     * GET /portal, where customers land after signing in: their open work orders, the same page
     * as /portal/jobs (shown here rather than redirected to, so a bookmark of /portal answers 200).
     */
    public void home(Context ctx) {
        jobs(ctx);
    }

    /** GET /portal/jobs */
    public void jobs(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        CustomerScope scope = CustomerScope.of(who);
        JobListQuery query = JobListQuery.from(ctx);
        JobListQuery.Filter filter = query.filter(scope, viewer(who));
        Map<String, Object> model = new HashMap<>();
        jdbi.useHandle(handle -> {
            PortalJobDao dao = handle.attach(PortalJobDao.class);
            String filters = PortalJobDao.filters(filter);
            List<PortalJobDao.CountedRow> page = dao.page(filter, filters, query.orderClause(), JobListQuery.PAGE_SIZE,
                    query.offset());
            int total = !page.isEmpty() ? page.get(0).total() : query.offset() == 0 ? 0 : dao.count(filter, filters);
            model.put("total", total);
            model.put("pages", Math.max(1, (total + JobListQuery.PAGE_SIZE - 1) / JobListQuery.PAGE_SIZE));
            model.put("rows", page.stream().map(PortalJobDao.CountedRow::row).toList());
            PortalJobDao.FilterChoices choices = dao.filterChoices(scope);
            model.put("installations", choices.installations());
            model.put("cities", choices.cities());
        });
        model.put("query", query);
        model.put("fmt", fmt);
        ThymeleafRenderer.renderBytes(ctx, "customer/jobs.html", model);
    }

    /** GET /portal/jobs.csv: the same query string as the list, every page, streamed. */
    public void csv(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        CustomerScope scope = CustomerScope.of(who);
        JobListQuery query = JobListQuery.from(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"work-orders-" + (query.closed() ? "closed" : "open") + ".csv\"");
        ctx.header("Cache-Control", "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        // a transaction, so that PostgreSQL hands the rows over through a cursor, 500 at a time
        jdbi.useTransaction(handle -> {
            JobListQuery.Filter filter = query.filter(scope, viewer(who));
            try (Stream<CustomerJobView.Row> rows = handle.attach(PortalJobDao.class)
                    .all(filter, PortalJobDao.filters(filter), query.orderClause())) {
                JobCsv.write(out, query.closed(), rows, fmt.in(Language.of(ctx)));
            }
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * GET /portal/jobs/{number}: the work order, its visits, children and timeline (the report and
     * the newest entries; all with {@code ?timeline=all}), and what the
     * customer may do on it, in one statement ({@link WorkOrderPageDao#page}); opening it reads
     * the service team's replies for this contact when one was new ({@link Conversation#contactReads}).
     */
    public void job(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        CustomerScope scope = CustomerScope.of(who);
        Optional<Integer> number = RequestValues.workOrderNumber(ctx.pathParam("number"));
        Optional<WorkOrderPageDao.Page> page = number.flatMap(n -> jdbi.withHandle(handle -> {
            Optional<WorkOrderPageDao.Page> read = handle.attach(WorkOrderPageDao.class).page(scope, n, viewer(who),
                    RequestValues.whole(ctx.queryParam("timeline")) ? Integer.MAX_VALUE : TimelineDao.NEWEST_SHOWN);
            read.ifPresent(job -> Conversation.contactReads(handle, job.job().jobId(), who, ctx.method(), job.repliesToRead()));
            return read;
        }));
        if (page.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", page.get().view());
        model.put("fmt", fmt);
        WorkOrderPageDao.Page read = page.get();
        model.put("jobActions", actions.actions(read.actedOn(), read.timeline(),
                read.timelineTotal() - read.timeline().size(), read.timelineFiles()));
        ThymeleafRenderer.renderBytes(ctx, "customer/job.html", model);
    }

    /** GET /portal/lookup?customer_reference=...: one match opens it, several are listed, none says so. */
    public void lookup(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        CustomerScope scope = CustomerScope.of(who);
        String reference = Optional.ofNullable(ctx.queryParam("customer_reference")).map(String::strip).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("reference", reference);
        model.put("fmt", fmt);
        if (reference.isEmpty() || reference.length() > 50) {
            // no reference can be longer than 50 characters: nothing to look for
            model.put("rows", reference.isEmpty() ? null : List.of());
            ctx.render("customer/lookup.html", model);
            return;
        }
        List<CustomerJobView.Row> rows = jdbi.withExtension(PortalJobDao.class, dao -> dao.byReference(scope, reference, viewer(who)));
        if (rows.size() == 1) {
            ctx.redirect("/portal/jobs/" + rows.get(0).number(), HttpStatus.SEE_OTHER);
            return;
        }
        model.put("rows", rows);
        ctx.render("customer/lookup.html", model);
    }

    /** The contact reading, whose new replies the rows mark (none for an account without a contact). */
    private static java.util.UUID viewer(Principal who) {
        return who.contactId().orElse(null);
    }
}
