package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.reference.ChoicesDao;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.RequestScope;
import com.fieldservice.portal.web.RequestValues;
import com.fieldservice.portal.web.Language;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The planner's forms for a work order: new (also as a duplicate or a child of another), edit,
 * and the status change. Each parses the form, calls one JobService method, and redirects on
 * success (post/redirect/get) or shows the form again with what was typed and the errors.
 */
public final class JobFormHandler {

    private final JobService jobs;
    private final Jdbi jdbi;
    private final FieldValues fieldValues;

    public JobFormHandler(JobService jobs, Jdbi jdbi, BusinessClock clock) {
        this.jobs = jobs;
        this.jdbi = jdbi;
        this.fieldValues = new FieldValues(clock);
    }

    /**
     * The form's fields from top to bottom, so that its summary lists mistakes in the order the
     * planner meets them; with the id of the element each names where it isn't the field's own.
     */
    static final List<String> FORM_ORDER = List.of("name", "job_type_id", "job_priority_id", "customer_reference",
            "reference_back_office", "description", "project_id", "contact_id", "date_reported_by_company",
            "requested_by_company_id", "requested_by_contact_id", "db_address_name", "db_address_street",
            "db_address_street_number", "db_address_street2", "db_address_zip", "db_address_city",
            "db_address_db_country_id", "db_address_phone", "db_address_email", "db_address_latitude_decimal",
            "db_address_longitude_decimal", "estimated_time", "earliest_date_plannable", "due_date", "suggested_user_id",
            "suggested_date_start", "skill_id", "approval_responsible_user_id", "_parent_id", "working_sequence",
            "prejob_information", "internal_memo", "estimated_quantity_remark");
    private static final Map<String, String> ANCHORS = Map.of("project_id", "project_search", "_parent_id", "parent_number");

    /**
     * GET /backoffice/jobs/new, ?from=N to duplicate job N, ?parent=N to add a child to job N.
     * A new job starts with the default type and priority; a duplicate or a child with its source's.
     */
    public void newForm(Context ctx) {
        Map<String, String> values = new HashMap<>(jobs.newJobDefaults());
        Optional<Integer> from = RequestValues.workOrderNumber(ctx.queryParam("from"));
        Optional<Integer> parent = RequestValues.workOrderNumber(ctx.queryParam("parent"));
        from.or(() -> parent).flatMap(jobs::editable).ifPresent(source -> {
            values.putAll(source.values());
            values.remove("reference_back_office");
            if (parent.isPresent()) {
                values.put("_parent_id", source.id().toString());
                values.remove("working_sequence");
            }
        });
        render(ctx, Mode.NEW, values, Map.of(), Optional.empty());
    }

    /** POST /backoffice/jobs/new */
    public void create(Context ctx) {
        Map<String, String> values = formValues(ctx);
        Map<String, Object> picked = new HashMap<>();
        Map<String, FieldError> pickerErrors = resolvePickers(values, picked);
        JobService.Creation outcome = pickerErrors.isEmpty()
                ? jobs.create(values, Optional.empty(), RequestScope.requirePrincipal(ctx))
                : new JobService.Invalid(together(pickerErrors, jobs.check(values, Optional.empty())));
        outcome.either(saved -> {
            ctx.redirect("/backoffice/jobs/" + saved.number() + "?created", HttpStatus.SEE_OTHER);
            return null;
        }, invalid -> {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, Mode.NEW, values, invalid.errors(), Optional.empty(), picked);
            return null;
        });
    }

    /** GET /backoffice/jobs/{number}/edit */
    public void editForm(Context ctx) {
        JobService.EditableJob job = editable(ctx);
        render(ctx, Mode.EDIT, job.values(), Map.of(), Optional.of(job));
    }

    /** POST /backoffice/jobs/{number}/edit */
    public void edit(Context ctx) {
        JobService.EditableJob job = editable(ctx);
        Map<String, String> values = formValues(ctx);
        // the version the form was loaded at; without a readable one, the edit can only conflict
        int version = RequestValues.wholeNumber(ctx.formParam("version")).orElse(-1);
        Map<String, Object> picked = new HashMap<>();
        Map<String, FieldError> pickerErrors = resolvePickers(values, picked);
        JobService.Outcome outcome = pickerErrors.isEmpty()
                ? jobs.edit(job.number(), version, values, RequestScope.requirePrincipal(ctx))
                : new JobService.Invalid(together(pickerErrors, jobs.check(values, Optional.of(job.id()))));
        if (outcome instanceof JobService.Saved saved) {
            ctx.redirect("/backoffice/jobs/" + job.number() + "?saved" + visitWarning(saved), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof JobService.Conflict conflict) {
            ctx.status(HttpStatus.CONFLICT);
            ctx.render("backoffice/job-conflict.html",
                    jdbi.withHandle(handle -> JobConflictPage.model(job.number(), conflict, handle.attach(ChoicesDao.class),
                            handle.attach(JobPageDao.class), fieldValues, Language.of(ctx))));
        } else if (outcome instanceof JobService.Invalid invalid) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            JobService.EditableJob asLoaded = new JobService.EditableJob(job.id(), job.number(), version, job.statusCode(),
                    job.values());
            // an overlapping visit is offered to plan anyway, as in the visit forms
            invalid.overlapWith().ifPresent(other -> picked.put("overlapWith", other));
            render(ctx, Mode.EDIT, values, invalid.errors(), Optional.of(asLoaded), picked);
        } else {
            throw new NotFoundResponse();
        }
    }

    /** The pickers' mistakes with the rules' about every other field: all of them in one answer. */
    private static Map<String, FieldError> together(Map<String, FieldError> pickerErrors, Map<String, FieldError> ruleErrors) {
        Map<String, FieldError> errors = new HashMap<>(pickerErrors);
        ruleErrors.forEach(errors::putIfAbsent);
        return errors;
    }

    /** The names of the statuses a refusal speaks of, in the reader's language, by code (an unknown code reads as sent). */
    private Map<String, String> statusNames(JobService.StatusRefused refused, String requested, Language language) {
        List<String> codes = new ArrayList<>(refused.allowed().stream().map(Workflow.Status::code).toList());
        codes.add(refused.from().code());
        codes.add(requested);
        return statusNames(codes, language);
    }

    private Map<String, String> statusNames(List<String> codes, Language language) {
        Map<String, String> names = new HashMap<>();
        codes.forEach(code -> names.put(code, code));
        jdbi.withExtension(JobPageDao.class, dao -> dao.names(new String[0], codes.toArray(String[]::new), language.code()))
                .forEach(named -> names.put(named.key(), named.name()));
        return names;
    }

    /** POST /backoffice/jobs/{number}/status with the field {@code status} (a status code). */
    /** As the visit forms: a technician without the job's skill is planned, and the page warns. */
    private static String visitWarning(JobService.Saved saved) {
        return saved.warnings().isEmpty() ? "" : "&visit-warning=skill";
    }

    public void changeStatus(Context ctx) {
        int number = RequestValues.workOrderNumber(ctx.pathParam("number")).orElseThrow(NotFoundResponse::new);
        String to = Optional.ofNullable(ctx.formParam("status")).orElse("");
        JobService.Outcome outcome = jobs.changeStatus(number, to, "1".equals(ctx.formParam("allow_overlap")),
                RequestScope.requirePrincipal(ctx));
        if (outcome instanceof JobService.Saved saved) {
            ctx.redirect("/backoffice/jobs/" + number + "?status-changed" + visitWarning(saved), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof JobService.StatusRefused refused) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            Map<String, Object> model = new HashMap<>(Map.of("number", number, "requested", to,
                    "from", refused.from(), "allowed", refused.allowed()));
            model.put("need", refused.need());
            model.put("names", statusNames(refused, to, Language.of(ctx)));
            ctx.render("backoffice/status-refused.html", model);
        } else if (outcome instanceof JobService.Invalid invalid) {
            // the suggested visit the status would add is refused (an overlap may be confirmed)
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            Map<String, Object> model = new HashMap<>(Map.of("number", number, "requested", to,
                    "visitErrors", invalid.errors(), "names", statusNames(List.of(to), Language.of(ctx))));
            model.put("overlapWith", invalid.overlapWith().orElse(null));
            ctx.render("backoffice/status-refused.html", model);
        } else if (outcome instanceof JobService.Conflict) {
            ctx.redirect("/backoffice/jobs/" + number + "?status-conflict", HttpStatus.SEE_OTHER);
        } else {
            throw new NotFoundResponse();
        }
    }

    private enum Mode { NEW, EDIT }

    private void render(Context ctx, Mode mode, Map<String, String> values, Map<String, FieldError> errors,
                        Optional<JobService.EditableJob> job) {
        render(ctx, mode, values, errors, job, Map.of());
    }

    private void render(Context ctx, Mode mode, Map<String, String> values, Map<String, FieldError> errors,
                        Optional<JobService.EditableJob> job, Map<String, Object> picked) {
        Map<String, Object> model = new HashMap<>(picked);
        model.putIfAbsent("candidates", List.of());
        String language = Language.of(ctx).code();
        jdbi.useExtension(ChoicesDao.class, choices -> {
            Optional<ChoicesDao.InstallationChoice> installation = RequestValues.guid(values.get("project_id"))
                    .flatMap(choices::installation);
            model.put("installation", installation.orElse(null));
            model.put("jobTypes", choices.jobTypes(language));
            model.put("jobPriorities", choices.jobPriorities(language));
            model.put("skills", choices.skills(language));
            model.put("users", choices.users());
            model.put("countries", choices.countries(Language.of(ctx)));
            model.put("contacts", installation.map(i -> choices.contactsOf(i.companyId())).orElse(List.of()));
            model.put("requestingCompanies", installation.flatMap(i -> choices.company(i.companyId()))
                    .map(List::of).orElse(List.of()));
            model.put("parentNumber", RequestValues.guid(values.get("_parent_id")).flatMap(choices::jobNumber).orElse(null));
        });
        model.put("mode", mode.name());
        model.put("values", values);
        model.put("errors", FieldError.inOrder(errors, FORM_ORDER));
        model.put("anchors", ANCHORS);
        model.put("fields", JobFields.byName());
        model.put("job", job.orElse(null));
        // with choices offered, an empty search box lets the chosen one count on the next save
        model.put("installationSearch", ((List<?>) model.get("candidates")).isEmpty()
                ? values.getOrDefault("project_search", "") : "");
        ctx.render("backoffice/job-form.html", model);
    }

    /** At most this many installations are offered to choose from when a search finds several. */
    static final int CANDIDATES = 20;

    /**
     * The installation and the parent can be named as people know them: the installation by its
     * number, serial number or ERP reference, or by words of its name, its company or its
     * location (several matches are offered to choose from); the parent by its number.
     */
    private Map<String, FieldError> resolvePickers(Map<String, String> values, Map<String, Object> model) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        jdbi.useExtension(ChoicesDao.class, choices -> {
            String search = values.getOrDefault("project_search", "").strip();
            if (!search.isEmpty()) {
                List<ChoicesDao.InstallationChoice> found = choices.installationsNamed(search);
                if (found.isEmpty()) {
                    String[] words = search.toLowerCase(java.util.Locale.ROOT).split("\\s+");
                    String[] patterns = java.util.Arrays.stream(words)
                            .map(word -> "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                            .toArray(String[]::new);
                    found = choices.installationsMatching(patterns, CANDIDATES + 1);
                }
                if (found.size() == 1) {
                    values.put("project_id", found.get(0).id().toString());
                    values.remove("project_search");
                } else if (found.isEmpty()) {
                    errors.put("project_id", FieldError.of("picker.installationNotFound"));
                } else {
                    errors.put("project_id", FieldError.of(found.size() > CANDIDATES
                            ? "picker.installationTooMany" : "picker.installationAmbiguous"));
                    model.put("candidates", found.subList(0, Math.min(found.size(), CANDIDATES)));
                }
            }
            // the conflict page carries the parent as it is stored (_parent_id), not as a number to look up
            if (values.containsKey("parent_number")) {
                String parent = values.get("parent_number").strip().replaceFirst("^#", "");
                Optional<UUID> parentId = RequestValues.workOrderNumber(parent).flatMap(choices::jobByNumber);
                if (parent.isEmpty()) {
                    values.remove("_parent_id");
                } else if (parentId.isPresent()) {
                    values.put("_parent_id", parentId.get().toString());
                } else {
                    errors.put("_parent_id", FieldError.of("picker.jobNotFound"));
                }
            }
        });
        return errors;
    }

    private JobService.EditableJob editable(Context ctx) {
        return RequestValues.workOrderNumber(ctx.pathParam("number")).flatMap(jobs::editable).orElseThrow(NotFoundResponse::new);
    }

    private static Map<String, String> formValues(Context ctx) {
        Map<String, String> values = new HashMap<>();
        ctx.formParamMap().forEach((name, list) -> {
            if (!list.isEmpty() && !name.equals("_csrf")) {
                values.put(name, list.get(0));
            }
        });
        return values;
    }
}
