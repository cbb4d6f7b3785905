package com.fieldservice.portal.jobs;

import com.fieldservice.portal.ops.BusinessEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.notify.Notifications;
import com.fieldservice.portal.time.BusinessClock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates and edits work orders, moves them along the workflow and keeps their history, each
 * in one transaction: either all of a change is saved, or nothing. An edit made from an older
 * version than the job's is refused with what changed meanwhile; nothing is ever silently
 * overwritten.
 */
public final class JobService {

    /** A visit suggested without an estimate lasts this long. */
    static final int DEFAULT_VISIT_MINUTES = 60;

    /** How long a suggested visit lasts: the job's estimate, else {@link #DEFAULT_VISIT_MINUTES}. */
    static int visitMinutes(Integer estimatedTime) {
        return estimatedTime == null || estimatedTime == 0 ? DEFAULT_VISIT_MINUTES : estimatedTime;
    }

    /** What a change to a work order came to; handlers tell the cases apart with instanceof, never a cast. */
    public sealed interface Outcome permits Saved, Invalid, Conflict, NotFound, StatusRefused {
    }

    /** What creating a work order comes to: saved, or nothing saved and why. */
    public sealed interface Creation permits Saved, Invalid {
        <T> T either(Function<Saved, T> saved, Function<Invalid, T> invalid);
    }

    /** Saved; {@code warnings} are message keys the planner should read (a visit's technician without the job's skill). */
    public record Saved(int number, List<String> warnings) implements Outcome, Creation {
        public Saved(int number) {
            this(number, List.of());
        }

        @Override
        public <T> T either(Function<Saved, T> saved, Function<Invalid, T> invalid) {
            return saved.apply(this);
        }
    }

    /** Nothing saved; {@code overlapWith}: the work order whose visit the suggested one would overlap (the planner may confirm). */
    public record Invalid(Map<String, FieldError> errors, Optional<Integer> overlapWith) implements Outcome, Creation {
        public Invalid(Map<String, FieldError> errors) {
            this(errors, Optional.empty());
        }

        @Override
        public <T> T either(Function<Saved, T> saved, Function<Invalid, T> invalid) {
            return invalid.apply(this);
        }
    }

    /**
     * The job changed since the version an edit was made from. {@code fields} are the fields that
     * either side changed, and the status if it moved, in the form's order; {@code merged} is
     * what to offer for saving again: every value the person sent, except where only the others
     * changed a field (theirs is taken there).
     */
    public record Conflict(int currentVersion, List<JobDao.HistoryEntry> changesMeanwhile, Map<String, String> merged,
                           List<FieldChange> fields) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /**
     * The status change is refused: the workflow doesn't lead there from {@code from}, or, with
     * {@code need} (a message key), the status needs something the job lacks (a technician, a visit).
     */
    public record StatusRefused(Workflow.Status from, List<Workflow.Status> allowed, String need) implements Outcome {
    }

    /** A job's writable fields as a form shows them, with the version they were read at. */
    public record EditableJob(UUID id, int number, int version, String statusCode, Map<String, String> values) {
    }

    private final Jdbi jdbi;
    private final Workflow workflow;
    private final BusinessClock clock;
    private final VisitRules visits;
    private final ObjectMapper json = new ObjectMapper();

    public JobService(Jdbi jdbi, Workflow workflow, BusinessClock clock, VisitRules visits) {
        this.jdbi = jdbi;
        this.workflow = workflow;
        this.clock = clock;
        this.visits = visits;
    }
    /** A new work order, in Open unless the caller asks for another status a job may start in. */
    public Creation create(Map<String, String> input, Optional<String> statusCode, Principal who) {
        Optional<Workflow.Status> status = workflow.status(statusCode.orElse(Workflow.INITIAL))
                .filter(Workflow.Status::allowedOnCreate);
        if (status.isEmpty()) {
            // every mistake at once: the fields' too, not only the status
            Map<String, FieldError> errors = new LinkedHashMap<>(check(input, Optional.empty()));
            errors.put("job_status_code", FieldError.of("validation.statusNotAllowedOnCreate"));
            return new Invalid(errors);
        }
        try {
            return jdbi.inTransaction(handle -> create(handle, input, status.get(), who));
        } catch (SuggestionEdit.Refused refused) {
            return refused.invalid();
        }
    }

    /** What a new work order starts with: the type and the priority marked as the default, by field. */
    public Map<String, String> newJobDefaults() {
        return jdbi.withExtension(ReferenceDao.class, references -> {
            Map<String, String> values = new LinkedHashMap<>();
            references.defaultJobType().ifPresent(type -> values.put("job_type_id", type.toString()));
            references.defaultJobPriority().ifPresent(priority -> values.put("job_priority_id", priority.toString()));
            return values;
        });
    }

    /**
     * A new work order in Open, inside the caller's transaction: for a caller that saves more
     * with the job (its attachments, say) and wants all of it saved or none. Validates exactly
     * as {@link #create(Map, Optional, Principal)} does.
     */
    public Creation createIn(Handle handle, Map<String, String> input, Principal who) {
        return create(handle, input, workflow.statusOrThrow(Workflow.INITIAL), who);
    }

    /**
     * What {@link #create} (no job given) or {@link #edit} of the job {@code editing} would answer
     * about these values, without saving anything: for a form that found mistakes of its own and
     * tells them together with these.
     */
    public Map<String, FieldError> check(Map<String, String> input, Optional<UUID> editing) {
        return jdbi.withHandle(handle -> new JobRules(handle.attach(ReferenceDao.class), clock)
                .validate(input, editing, editing.isEmpty()).errors());
    }

    private Creation create(Handle handle, Map<String, String> input, Workflow.Status status, Principal who) {
        JobRules.Result result = new JobRules(handle.attach(ReferenceDao.class), clock).validate(input, Optional.empty(), true);
        if (!result.valid()) {
            return new Invalid(result.errors());
        }
        JobDraft draft = result.draft().orElseThrow();
        JobDao dao = handle.attach(JobDao.class);
        JobDao.Created created = dao.insert(status.id(), draft);
        record(dao, created.id(), who, "created", Map.of("status", change(null, status.code())), 0);
        if ("Suggested".equals(status.code())) {
            // its suggestion becomes its visit through the visits' rules (an overlap unless allow_overlap=1); throws when refused
            return new Saved(created.id2(), SuggestionEdit.newJobVisit(handle, visits, created.id2(), draft,
                    "1".equals(input.get("allow_overlap")), who));
        }
        keepSuggestionVisit(dao, created.id(), status.code(), draft);
        return new Saved(created.id2());
    }

    public Optional<EditableJob> editable(int number) {
        return jdbi.withHandle(handle -> {
            JobDao dao = handle.attach(JobDao.class);
            return dao.current(number).map(current -> new EditableJob(current.id(), current.id2(), current.version(),
                    current.statusCode(), asText(dao.formValues(current.id(), clock.zone().getId()))));
        });
    }

    /**
     * Saves every writable field, if the job is still at {@code version}. A changed suggested
     * technician and start move the first visit (or add one) through the visits' rules; a refused
     * visit change saves nothing of the edit. {@code allow_overlap=1} confirms an overlap.
     */
    public Outcome edit(int number, int version, Map<String, String> input, Principal who) {
        try {
            return inTransactionEdit(number, version, input, who);
        } catch (SuggestionEdit.Refused refused) {
            return refused.invalid();
        }
    }

    private Outcome inTransactionEdit(int number, int version, Map<String, String> input, Principal who) {
        return jdbi.inTransaction(handle -> {
            JobDao dao = handle.attach(JobDao.class);
            Optional<JobDao.Current> current = dao.current(number);
            if (current.isEmpty()) {
                return new NotFound();
            }
            UUID id = current.get().id();
            JobRules.Result result = new JobRules(handle.attach(ReferenceDao.class), clock).validate(input, Optional.of(id), false);
            if (!result.valid()) {
                return new Invalid(result.errors());
            }
            if (current.get().version() != version) {
                return conflict(dao, id, version, current.get().version(), input);
            }
            Map<String, String> before = asText(dao.formValues(id, clock.zone().getId()));
            JobDraft draft = result.draft().orElseThrow();
            if (dao.update(id, version, draft) == 0) {
                return conflict(dao, id, version, dao.current(number).orElseThrow().version(), input);
            }
            Map<String, String> after = asText(dao.formValues(id, clock.zone().getId()));
            record(dao, id, who, "edited", differences(before, after), version + 1);
            return new Saved(number, SuggestionEdit.firstVisitFollows(handle, visits, dao, current.get(), draft,
                    "1".equals(input.get("allow_overlap")), who));
        });
    }

    /** Moves the job to another status, if the workflow allows it from where it is. */
    public Outcome changeStatus(int number, String toCode, Principal who) {
        return changeStatus(number, toCode, false, who);
    }

    /**
     * Moves the job to another status, if the workflow allows it from where it is. Suggested
     * turns a suggestion without a visit into one through the visits' rules: refused (an
     * overlap, unless {@code allowOverlap}), nothing of the change is saved ({@link Invalid}).
     */
    public Outcome changeStatus(int number, String toCode, boolean allowOverlap, Principal who) {
        return changeStatus(number, Optional.empty(), toCode, allowOverlap, who);
    }

    /**
     * Moves the job to another status only if it is still in {@code fromCode} when the change is
     * made (a customer may cancel while their job is Open, not once a planner has moved it on).
     */
    public Outcome changeStatusFrom(int number, String fromCode, String toCode, Principal who) {
        return changeStatus(number, Optional.of(fromCode), toCode, false, who);
    }

    private Outcome changeStatus(int number, Optional<String> requiredFrom, String toCode, boolean allowOverlap,
                                 Principal who) {
        try {
            return jdbi.inTransaction(handle -> changeStatus(handle, number, requiredFrom, toCode, allowOverlap, who));
        } catch (SuggestionEdit.Refused refused) {
            return refused.invalid();
        }
    }

    private Outcome changeStatus(Handle handle, int number, Optional<String> requiredFrom, String toCode,
                                 boolean allowOverlap, Principal who) {
        JobDao dao = handle.attach(JobDao.class);
        Optional<JobDao.Current> current = dao.current(number);
        if (current.isEmpty()) {
            return new NotFound();
        }
        Workflow.Status from = workflow.statusOrThrow(current.get().statusCode());
        Optional<Workflow.Status> to = workflow.status(toCode).filter(s -> workflow.allows(from.code(), s.code()))
                .filter(s -> requiredFrom.map(from.code()::equals).orElse(true));
        if (to.isEmpty()) {
            return new StatusRefused(from, workflow.allowedFrom(from.code()), null);
        }
        JobDao.Current job = current.get();
        UUID id = job.id();
        int visitCount = dao.visitCount(id);
        Optional<String> need = Workflow.unmetNeed(to.get().code(), job.suggestedUserId() != null || visitCount > 0,
                visitCount > 0);
        if (need.isPresent()) {
            return new StatusRefused(from, workflow.allowedFrom(from.code()), need.get());
        }
        if (dao.changeStatus(id, job.version(), to.get().id()) == 0) {
            return conflict(dao, id, job.version(), dao.current(number).orElseThrow().version(), Map.of());
        }
        record(dao, id, who, "status", Map.of("status", change(from.code(), to.get().code())), job.version() + 1);
        List<String> warnings = List.of();
        if ("Suggested".equals(to.get().code()) && visitCount == 0) {
            // the suggestion becomes the visit through the visits' rules; throws when refused (all rolled back)
            warnings = SuggestionEdit.suggestionBecomesVisit(handle, visits, job, allowOverlap, who);
        } else {
            // a status change leaves the suggestion as it was read
            keepSuggestionVisit(dao, id, to.get().code(), job.suggestedUserId(), job.suggestedDateStart(), job.estimatedTime());
        }
        BusinessEvents.statusChanged(to.get().code());
        Notifications.statusChanged(handle, id, from.code(), to.get().code());
        return new Saved(number, warnings);
    }

    /**
     * The suggested user and start are the job's first visit: a job with visits moves its first
     * one to them; a Suggested job without one gets it (planning/VisitService keeps the other way).
     * For a new job and a status change; an edit goes through the visits' rules ({@link VisitRules}).
     */
    private static void keepSuggestionVisit(JobDao dao, UUID id, String statusCode, JobDraft draft) {
        keepSuggestionVisit(dao, id, statusCode, draft.suggestedUserId(), draft.suggestedDateStart(), draft.estimatedTime());
    }

    private static void keepSuggestionVisit(JobDao dao, UUID id, String statusCode, UUID user, OffsetDateTime start,
                                            Integer estimatedTime) {
        if (user != null && start != null) {
            dao.firstVisitFollows(id, user, start, visitMinutes(estimatedTime), "Suggested".equals(statusCode));
        }
    }


    private Conflict conflict(JobDao dao, UUID id, int since, int currentVersion, Map<String, String> submitted) {
        List<JobDao.HistoryEntry> meanwhile = dao.historySince(id, since);
        Map<String, String> now = asText(dao.formValues(id, clock.zone().getId()));
        // each field's value at the version the person started from is the first "old" recorded since
        Map<String, String> before = new HashMap<>();
        Map<String, JobDao.HistoryEntry> lastChange = new HashMap<>();
        for (JobDao.HistoryEntry entry : meanwhile) {
            changes(entry).fields().forEachRemaining(field -> {
                if (!lastChange.containsKey(field.getKey())) {
                    before.put(field.getKey(), text(field.getValue().path("old")));
                }
                lastChange.put(field.getKey(), entry);
            });
        }
        List<FieldChange> fields = new ArrayList<>();
        Map<String, String> merged = new LinkedHashMap<>(submitted);
        for (FieldSpec spec : JobFields.ALL) {
            String field = spec.name();
            JobDao.HistoryEntry last = lastChange.get(field);
            FieldChange change = new FieldChange(field, last == null ? now.get(field) : before.get(field), now.get(field),
                    submitted.get(field), last == null ? null : last.changedBy(), last == null ? null : last.changedAt());
            if (change.changedByThem() || change.changedByYou()) {
                fields.add(change);
                merged.put(field, change.kept());
            }
        }
        JobDao.HistoryEntry statusChange = lastChange.get("status");
        if (statusChange != null) {
            String was = before.get("status");
            fields.add(new FieldChange(FieldChange.STATUS, was, text(changes(statusChange).path("status").path("new")), was,
                    statusChange.changedBy(), statusChange.changedAt()));
        }
        return new Conflict(currentVersion, meanwhile, merged, List.copyOf(fields));
    }

    private JsonNode changes(JobDao.HistoryEntry entry) {
        try {
            return json.readTree(entry.changes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private void record(JobDao dao, UUID id, Principal who, String kind, Map<String, ?> changes, int version) {
        try {
            dao.addHistory(id, who.accountId(), who.displayName(), kind, json.writeValueAsString(changes), version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Map<String, String>> differences(Map<String, String> before, Map<String, String> after) {
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                changes.put(field, change(before.get(field), value));
            }
        });
        return changes;
    }

    private static Map<String, String> change(String oldValue, String newValue) {
        Map<String, String> change = new LinkedHashMap<>();
        change.put("old", oldValue);
        change.put("new", newValue);
        return change;
    }

    private static Map<String, String> asText(Map<String, Object> row) {
        Map<String, String> values = new LinkedHashMap<>();
        row.forEach((key, value) -> values.put(key, value == null ? null : value.toString()));
        return values;
    }

}
