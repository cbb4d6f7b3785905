package com.fieldservice.portal.customer;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Tokens;
import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.RequestValues;
import com.fieldservice.portal.web.Language;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The "report a problem" form: GET shows it (with ?q= searching the company's installations),
 * POST reports the problem and redirects to the confirmation, or shows the form again with what
 * was typed and why it can't be saved yet. Works without JavaScript.
 */
public final class ReportHandler {

    /**
     * The form's fields from top to bottom: shown back as typed after a mistake, and the order of
     * the error summary. Files can't be shown back: the browser must be given them again.
     */
    private static final List<String> FORM_ORDER = List.of("project_id", "db_address_street", "db_address_street_number",
            "db_address_zip", "db_address_city", "db_address_name", "description", "job_priority_id",
            "earliest_date_plannable", "customer_reference", "contact_phone", "files");

    private final ReportService reports;
    private final JobActionsService actions;
    private final Jdbi jdbi;

    public ReportHandler(ReportService reports, JobActionsService actions, Jdbi jdbi) {
        this.reports = reports;
        this.actions = actions;
        this.jdbi = jdbi;
    }

    /** GET /portal/report */
    public void form(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        Map<String, String> values = new HashMap<>();
        values.put("submission", Tokens.random());
        reports.customerPriorities().stream().filter(ReportDao.PriorityOption::isDefault).findFirst()
                .ifPresent(p -> values.put("job_priority_id", p.id().toString()));
        who.contactId().flatMap(contact -> reports.dao(d -> d.contactPhone(contact)))
                .ifPresent(phone -> values.put("contact_phone", phone));
        render(ctx, who, values, Map.of(), List.of(), false, false);
    }

    /** POST /portal/report (multipart: the files come with the form) */
    public void submit(Context ctx) {
        UploadLimits.withFiles(ctx, uploads -> submit(ctx, uploads));
    }

    private void submit(Context ctx, List<Upload> uploads) {
        Principal who = RequestScope.requirePrincipal(ctx);
        Map<String, String> values = new HashMap<>();
        ctx.formParamMap().forEach((name, list) -> {
            if (!list.isEmpty() && !name.equals("_csrf")) {
                values.put(name, list.get(0));
            }
        });
        boolean filesSent = uploads.stream().anyMatch(u -> !u.isEmpty());

        ReportService.Outcome outcome = reports.report(values, uploads, who);
        if (outcome instanceof ReportService.Created created) {
            ctx.redirect("/portal/report/done/" + created.number(), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof ReportService.AlreadyCreated earlier) {
            ctx.redirect("/portal/report/done/" + earlier.number(), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof ReportService.SameReference same) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, who, values, Map.of(), same.numbers(), true, filesSent);
        } else if (outcome instanceof ReportService.Invalid invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, who, values, invalid.errors(), List.of(), false, filesSent);
        } else {
            throw new IllegalStateException("a report came to " + outcome);
        }
    }

    /** GET /portal/report/done/{number} */
    public void done(Context ctx) {
        Principal who = RequestScope.requirePrincipal(ctx);
        ReportDao.CustomerJob job = RequestValues.workOrderNumber(ctx.pathParam("number")).flatMap(n -> actions.customerJob(n, who))
                .orElseThrow(NotFoundResponse::new);
        ctx.render("customer/report-done.html", Map.of("number", job.number()));
    }

    private void render(Context ctx, Principal who, Map<String, String> typed, Map<String, FieldError> errors,
                        List<Integer> sameReference, boolean warnSameReference, boolean filesDropped) {
        Map<String, String> values = new HashMap<>();
        FORM_ORDER.forEach(field -> values.put(field, typed.getOrDefault(field, "")));
        values.put("submission", Optional.ofNullable(typed.get("submission")).filter(t -> !t.isBlank()).orElseGet(Tokens::random));
        String query = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        String q = query;
        Map<String, Object> model = new HashMap<>();
        jdbi.useExtension(ReportDao.class, dao -> {
            int fixed = dao.countFixedInstallations(who.company());
            boolean search = fixed > ReportService.SELECT_AT_MOST;
            List<ReportDao.InstallationOption> listed = new ArrayList<>();
            if (!search) {
                listed.addAll(dao.fixedInstallations(who.company(), ReportService.SELECT_AT_MOST));
            } else if (!q.isEmpty()) {
                listed.addAll(dao.searchInstallations(who.company(), q, ReportService.SEARCH_RESULTS));
            }
            // the installation already chosen stays offered, whatever was searched
            RequestValues.guid(values.get("project_id")).flatMap(id -> dao.installation(who.company(), id))
                    .filter(chosen -> !chosen.isMobileInstallation())
                    .filter(chosen -> listed.stream().noneMatch(i -> i.id().equals(chosen.id())))
                    .ifPresent(chosen -> listed.add(0, chosen));
            model.put("search", search);
            model.put("installationCount", fixed);
            model.put("installations", listed);
            List<ReportDao.InstallationOption> mobiles = dao.mobileInstallations(who.company());
            model.put("mobiles", mobiles);
            // where the unit is now is asked for once it is chosen, or kept in sight once typed
            model.put("mobileChosen", mobiles.stream().anyMatch(m -> m.id().toString().equals(values.get("project_id")))
                    || ReportService.ADDRESS.stream().anyMatch(field -> !values.get(field).isBlank()));
            model.put("priorities", dao.customerPriorities(Language.of(ctx).code()));
        });
        model.put("q", q);
        model.put("values", values);
        model.put("errors", FieldError.inOrder(errors, FORM_ORDER));
        model.put("fields", JobFields.byName());
        model.put("sameReference", sameReference);
        model.put("warnSameReference", warnSameReference);
        model.put("filesDropped", filesDropped);
        model.put("maxFiles", ReportService.MAX_FILES_PER_UPLOAD);
        model.put("searchLimit", ReportService.SEARCH_RESULTS);
        // the emergency line under the urgency: only when there is a number to call
        model.put("supportPhone", actions.supportPhone().orElse(null));
        ctx.render("customer/report-form.html", model);
    }
}
