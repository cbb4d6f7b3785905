package com.fieldservice.portal.jobs;

import com.fieldservice.portal.auth.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The rules of a work order's visits (planning/VisitService keeps them), as an edit of the job's
 * suggested technician and start meets them: the first visit follows the edit through the same
 * checks as the visit forms (the technician's row locked, no overlap unless confirmed, not on a
 * closed work order, the customer told of a confirmed visit).
 */
public interface VisitRules {

    /**
     * Moves the job's first visit to this technician and start (keeping its length), or adds one
     * lasting {@code minutesIfNew} when it has none, in the caller's transaction; the job's
     * suggestion then follows its first visit. Refused: nothing written.
     */
    Placement placeFirst(Handle handle, int number, UUID technician, OffsetDateTime start, int minutesIfNew,
                         boolean allowOverlap, Principal who);

    /**
     * What placing the visit came to: refused with {@code errors} by the visit form's fields
     * (visit, technician, start, end), and {@code overlapWith} the other work order's number when
     * the trouble is an overlap; or placed, with {@code warnings} (message keys) to show.
     */
    record Placement(Map<String, FieldError> errors, Optional<Integer> overlapWith, List<String> warnings) {
        public boolean refused() {
            return !errors.isEmpty();
        }
    }
}
