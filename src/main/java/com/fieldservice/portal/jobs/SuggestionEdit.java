package com.fieldservice.portal.jobs;

import com.fieldservice.portal.auth.Principal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What an edit of a work order's suggested technician and start does to its visits, inside the
 * edit's transaction: the suggestion is the first visit, so a changed one moves that visit (or
 * adds one) through the visits' rules ({@link VisitRules}). Clearing the technician or the start
 * of a job with visits is refused: visits are removed in the work order's visits section, where
 * their own rules (the last visit a Planned job needs) are told. A job without visits keeps a
 * technician without a start, or none, as typed, unless its status needs one (Dispatched).
 */
final class SuggestionEdit {

    /** Where a refused visit change is told on the job's form: its fields by the visit form's (else at the start). */
    private static final Map<String, String> AT = Map.of("visit", "suggested_user_id", "technician", "suggested_user_id");

    /** The edit was refused because of its visit: its transaction rolls back, and this is the answer. */
    static final class Refused extends RuntimeException {
        private final transient JobService.Invalid invalid;

        Refused(JobService.Invalid invalid) {
            super(null, null, false, false);
            this.invalid = invalid;
        }

        JobService.Invalid invalid() {
            return invalid;
        }
    }

    private SuggestionEdit() {
    }

    /** The warnings of the visit change (message keys), if the suggestion changed; throws {@link Refused} when refused. */
    static List<String> firstVisitFollows(Handle handle, VisitRules visits, JobDao dao, JobDao.Current current,
                                          JobDraft draft, boolean allowOverlap, Principal who) {
        if (Objects.equals(current.suggestedUserId(), draft.suggestedUserId())
                && sameMinute(current.suggestedDateStart(), draft.suggestedDateStart())) {
            return List.of();
        }
        if (draft.suggestedUserId() == null || draft.suggestedDateStart() == null) {
            if (dao.visitCount(current.id()) > 0) {
                String field = draft.suggestedUserId() == null ? "suggested_user_id" : "suggested_date_start";
                throw new Refused(new JobService.Invalid(Map.of(field, FieldError.of("jobForm.suggestion.visitsFollow"))));
            }
            if (newlyUnmet(current, draft)) {
                throw new Refused(new JobService.Invalid(Map.of("suggested_user_id",
                        FieldError.of("jobForm.suggestion.technicianNeeded"))));
            }
            return List.of();
        }
        return placedAsTyped(handle, visits, current.id2(), draft, allowOverlap, who);
    }

    /**
     * Whether the edit takes from a job without visits what its status needs ({@link Workflow#unmetNeed},
     * as a status change asks): its technician (Dispatched). The edit removes no visit, so that is
     * the only need it can leave unmet; one already unmet before the edit doesn't hold back its other fields.
     */
    private static boolean newlyUnmet(JobDao.Current current, JobDraft draft) {
        Optional<String> after = Workflow.unmetNeed(current.statusCode(), draft.suggestedUserId() != null, false);
        return after.isPresent()
                && !after.equals(Workflow.unmetNeed(current.statusCode(), current.suggestedUserId() != null, false));
    }

    /**
     * A new work order created in Suggested with a suggested technician and start: the suggestion
     * becomes its first visit through the visits' rules, as a change to Suggested or an edit does,
     * refusals told at the form's fields. The warnings of the visit; throws {@link Refused} when refused.
     */
    static List<String> newJobVisit(Handle handle, VisitRules visits, int number, JobDraft draft, boolean allowOverlap,
                                    Principal who) {
        if (draft.suggestedUserId() == null || draft.suggestedDateStart() == null) {
            return List.of();
        }
        return placedAsTyped(handle, visits, number, draft, allowOverlap, who);
    }

    private static List<String> placedAsTyped(Handle handle, VisitRules visits, int number, JobDraft draft,
                                              boolean allowOverlap, Principal who) {
        VisitRules.Placement placed = visits.placeFirst(handle, number, draft.suggestedUserId(),
                draft.suggestedDateStart(), JobService.visitMinutes(draft.estimatedTime()), allowOverlap, who);
        if (placed.refused()) {
            Map<String, FieldError> errors = new LinkedHashMap<>();
            placed.errors().forEach((field, error) -> errors.putIfAbsent(AT.getOrDefault(field, "suggested_date_start"),
                    // the form offers every user: one who plans no visits is no technician (not an unknown code)
                    field.equals("technician") ? FieldError.of("jobForm.suggestion.notTechnician") : error));
            throw new Refused(new JobService.Invalid(errors, placed.overlapWith()));
        }
        return placed.warnings();
    }

    /**
     * A work order moving to Suggested with a suggested technician and start but no visit: the
     * suggestion becomes its visit through the visits' rules, as an edit of it would. The
     * warnings of the visit (message keys); throws {@link Refused} when refused.
     */
    static List<String> suggestionBecomesVisit(Handle handle, VisitRules visits, JobDao.Current job, boolean allowOverlap,
                                               Principal who) {
        if (job.suggestedUserId() == null || job.suggestedDateStart() == null) {
            return List.of();
        }
        VisitRules.Placement placed = visits.placeFirst(handle, job.id2(), job.suggestedUserId(), job.suggestedDateStart(),
                JobService.visitMinutes(job.estimatedTime()), allowOverlap, who);
        if (placed.refused()) {
            throw new Refused(new JobService.Invalid(placed.errors(), placed.overlapWith()));
        }
        return placed.warnings();
    }

    /** The form shows and sends a start to the minute. */
    private static boolean sameMinute(OffsetDateTime one, OffsetDateTime other) {
        return one == null || other == null ? one == other
                : one.truncatedTo(ChronoUnit.MINUTES).isEqual(other.truncatedTo(ChronoUnit.MINUTES));
    }
}
