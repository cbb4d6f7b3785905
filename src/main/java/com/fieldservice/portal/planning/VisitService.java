package com.fieldservice.portal.planning;

import com.fieldservice.portal.notify.Notifications;
import com.fieldservice.portal.notify.Notifications.VisitChange;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.jobs.DateInput;
import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.jobs.VisitRules;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.RequestValues;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Adds, moves and removes the visits of a work order, each in one transaction with its history
 * entry and the job's suggested technician and start (which follow the first visit); the job's
 * edit form moves or adds the first visit through the same rules ({@link VisitRules}). The work
 * order's row is locked first, then the technician's: two planners placing the same technician
 * at the same time are served one after the other, so an overlap is always seen.
 */
public final class VisitService implements VisitRules {

    /** What a visit's form holds, as typed. */
    public record VisitInput(String technician, String start, String end, boolean allowOverlap, Optional<Integer> version) {
        public Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("technician", technician == null ? "" : technician);
            values.put("start", start == null ? "" : start);
            values.put("end", end == null ? "" : end);
            return values;
        }
    }

    public sealed interface Outcome permits Saved, Invalid, NotFound, Conflict {
    }

    /** Saved; {@code warnings} are message keys the planner should read (a technician without the job's skill). */
    public record Saved(int number, List<String> warnings) implements Outcome {
    }

    /** Nothing saved; {@code overlapWith} is the other work order's number when the only trouble is an overlap. */
    public record Invalid(Map<String, FieldError> errors, Optional<Integer> overlapWith) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** The work order changed since the version the form was read at. */
    public record Conflict() implements Outcome {
    }

    static final String LACKS_SKILL = "planning.visit.lacksSkill";
    /** The longest a visit may last, in days: the board reads a week's visits from those started this long before it. */
    static final int LONGEST_DAYS = 14;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final BusinessClock clock;

    public VisitService(Jdbi jdbi, BusinessClock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Outcome add(int number, VisitInput input, Principal who) {
        return jdbi.inTransaction(handle -> change(handle, number, Optional.empty(), input, who));
    }

    public Outcome move(int number, UUID visit, VisitInput input, Principal who) {
        return jdbi.inTransaction(handle -> change(handle, number, Optional.of(visit), input, who));
    }

    public Outcome remove(int number, UUID visit, Optional<Integer> version, Principal who) {
        return jdbi.inTransaction(handle -> {
            VisitDao visits = handle.attach(VisitDao.class);
            Optional<VisitDao.LockedJob> job = visits.lockJob(number);
            if (job.isEmpty()) {
                return new NotFound();
            }
            Optional<VisitDao.Stored> stored = visits.visit(job.get().id(), visit);
            if (stored.isEmpty()) {
                return new NotFound();
            }
            if (version.isPresent() && version.get() != job.get().version()) {
                return new Conflict();
            }
            if (job.get().closed()) {
                return new Invalid(Map.of("visit", FieldError.of("planning.visit.closed")), Optional.empty());
            }
            // the last visit of a work order whose status needs one (Planned, Dispatched) stays
            boolean last = visits.count(job.get().id()) == 1;
            if (last && Workflow.unmetNeed(job.get().statusCode(), false, false).isPresent()) {
                return new Invalid(Map.of("visit", FieldError.of("planning.visit.lastNeeded")),
                        Optional.empty());
            }
            visits.delete(job.get().id(), visit);
            finish(handle, job.get(), who, "visit-removed", shown(stored.get()), null);
            tellTheCustomer(handle, job.get(), VisitChange.CANCELLED, stored.get());
            return new Saved(number, List.of());
        });
    }

    private Outcome change(Handle handle, int number, Optional<UUID> visitId, VisitInput input, Principal who) {
        VisitDao visits = handle.attach(VisitDao.class);
        Optional<VisitDao.LockedJob> locked = visits.lockJob(number);
        if (locked.isEmpty()) {
            return new NotFound();
        }
        VisitDao.LockedJob job = locked.get();
        Optional<VisitDao.Stored> before = visitId.flatMap(id -> visits.visit(job.id(), id));
        if (visitId.isPresent() && before.isEmpty()) {
            return new NotFound();
        }
        if (input.version().isPresent() && input.version().get() != job.version()) {
            return new Conflict();
        }
        Map<String, FieldError> errors = new LinkedHashMap<>();
        if (job.closed()) {
            errors.put("visit", FieldError.of("planning.visit.closed"));
        }
        String technicianText = input.technician() == null ? "" : input.technician().strip();
        Optional<VisitDao.LockedTechnician> technician = technicianText.isEmpty() ? Optional.empty()
                : visits.lockTechnician(RequestValues.guid(technicianText).orElse(null), technicianText, job.skillId());
        if (technicianText.isEmpty()) {
            errors.put("technician", FieldError.of("planning.visit.technicianRequired"));
        } else if (technician.isEmpty()) {
            errors.put("technician", FieldError.of("planning.visit.technicianUnknown"));
        }
        Optional<OffsetDateTime> start = time(input.start(), "start", errors);
        Optional<OffsetDateTime> end = time(input.end(), "end", errors);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            errors.put("end", FieldError.of("planning.visit.endBeforeStart"));
        } else if (start.isPresent() && end.isPresent() && end.get().isAfter(start.get().plusDays(LONGEST_DAYS))) {
            errors.put("end", FieldError.of("planning.visit.tooLong", LONGEST_DAYS));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors, Optional.empty());
        }
        return place(handle, job, before, technician.get(), start.get(), end.get(), input.allowOverlap(), who);
    }

    /** The edit form's way in (jobs/VisitRules): the first visit follows the suggested technician and start. */
    @Override
    public Placement placeFirst(Handle handle, int number, UUID technicianId, OffsetDateTime start, int minutesIfNew,
                                boolean allowOverlap, Principal who) {
        VisitDao visits = handle.attach(VisitDao.class);
        VisitDao.LockedJob job = visits.lockJob(number)
                .orElseThrow(() -> new IllegalStateException("work order " + number + " vanished while edited"));
        if (job.closed()) {
            return refused(Map.of("visit", FieldError.of("planning.visit.closed")), Optional.empty());
        }
        Optional<VisitDao.LockedTechnician> technician = visits.lockTechnician(technicianId, null, job.skillId());
        if (technician.isEmpty()) {
            return refused(Map.of("technician", FieldError.of("planning.visit.technicianUnknown")), Optional.empty());
        }
        Optional<VisitDao.Stored> first = visits.firstVisit(job.id());
        OffsetDateTime end = first.map(visit -> start.plus(Duration.between(visit.start(), visit.end())))
                .orElse(start.plusMinutes(minutesIfNew));
        if (!DateInput.plausible(end)) {
            return refused(Map.of("end", FieldError.of("validation.visitEndsTooLate", DateInput.LAST_YEAR)), Optional.empty());
        }
        Outcome outcome = place(handle, job, first, technician.get(), start, end, allowOverlap, who);
        if (outcome instanceof Saved saved) {
            return new Placement(Map.of(), Optional.empty(), saved.warnings());
        }
        if (outcome instanceof Invalid invalid) {
            return refused(invalid.errors(), invalid.overlapWith());
        }
        throw new IllegalStateException("a visit is placed or refused, not " + outcome);
    }

    private static Placement refused(Map<String, FieldError> errors, Optional<Integer> overlapWith) {
        return new Placement(errors, overlapWith, List.of());
    }

    /**
     * Moves {@code before} (none: adds a visit) to this technician and time, unless it overlaps
     * another visit of theirs and the planner did not confirm; with its history entry, the job's
     * suggestion following its first visit, and the customer told when the visit is confirmed.
     */
    private Outcome place(Handle handle, VisitDao.LockedJob job, Optional<VisitDao.Stored> before,
                          VisitDao.LockedTechnician technician, OffsetDateTime start, OffsetDateTime end, boolean allowOverlap,
                          Principal who) {
        VisitDao visits = handle.attach(VisitDao.class);
        UUID technicianId = technician.id();
        Optional<UUID> visitId = before.map(VisitDao.Stored::id);
        Optional<Integer> other = visits.overlapping(technicianId, start, end, visitId.orElse(null));
        if (other.isPresent() && !allowOverlap) {
            return new Invalid(Map.of("start", FieldError.of("planning.visit.overlap", String.valueOf(other.get()))), other);
        }
        // the visit written, the job following its first visit and the history entry: one statement
        String changes = changes(before.map(this::shown).orElse(null),
                shown(new VisitDao.Stored(null, job.id(), technicianId, technician.name(), start, end, 0)));
        VisitDao.Changed changed = (visitId.isPresent()
                ? visits.update(job.id(), visitId.get(), technicianId, start, end, job.version(), who.accountId(),
                        who.displayName(), "visit-moved", changes)
                : visits.insert(job.id(), technicianId, start, end, job.version(), who.accountId(), who.displayName(),
                        "visit-added", changes))
                .filter(written -> written.recorded() == 1)
                .orElseThrow(() -> new IllegalStateException("work order " + job.id2() + " changed while locked"));
        VisitDao.Stored after = new VisitDao.Stored(changed.id(), job.id(), technicianId, technician.name(), start, end,
                changed.sequence());
        tellTheCustomer(handle, job, before.isPresent() ? VisitChange.MOVED : VisitChange.CONFIRMED, after);
        return new Saved(job.id2(), technician.mastersSkill() ? List.of() : List.of(LACKS_SKILL));
    }

    private Optional<OffsetDateTime> time(String text, String field, Map<String, FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, FieldError.of("planning.visit.timeRequired"));
            return Optional.empty();
        }
        try {
            return Optional.of(DateInput.dateTime(text, clock.zone()));
        } catch (DateInput.Refused refused) {
            errors.put(field, refused.asFieldError());
            return Optional.empty();
        }
    }

    /** A visit the customer sees (the work order is Planned or later) changed: they hear of it. */
    private static void tellTheCustomer(Handle handle, VisitDao.LockedJob job, VisitChange change, VisitDao.Stored visit) {
        if ("confirmed".equals(job.visitState())) {
            Notifications.visitChanged(handle, job.id(), change, new Notifications.Visit(visit.id(), visit.sequence(),
                    visit.start(), visit.end(), visit.technician()));
        }
    }

    /** After a visit is removed: the job follows its first visit (a new version) and its history says what changed: one statement. */
    private void finish(Handle handle, VisitDao.LockedJob job, Principal who, String kind, String old, String now) {
        if (handle.attach(VisitDao.class).followFirstVisit(job.id(), job.version(), who.accountId(), who.displayName(),
                kind, changes(old, now)) != 1) {
            throw new IllegalStateException("work order " + job.id2() + " changed while locked");
        }
    }

    /** The history entry's changes: the visit, as it was and as it is ({@code null}: none). */
    private static String changes(String old, String now) {
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        Map<String, String> change = new LinkedHashMap<>();
        change.put("old", old);
        change.put("new", now);
        changes.put("visit", change);
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Tom Wouters · 2026-12-14 09:00–10:00" in the business zone (the end's day too when it differs). */
    String shown(VisitDao.Stored visit) {
        var start = clock.local(visit.start());
        var end = clock.local(visit.end());
        String until = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : SHOWN.format(end);
        return visit.technician() + " · " + SHOWN.format(start) + "–" + until;
    }
}
