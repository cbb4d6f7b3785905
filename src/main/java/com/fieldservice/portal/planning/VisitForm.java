package com.fieldservice.portal.planning;

import com.fieldservice.portal.jobs.FieldError;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A visit form as the job's page shows it again after a refusal: which form (a visit's, or the
 * one adding a visit when {@code visit} is null), what was typed, why it was refused, and the
 * work order a refused overlap is with (then the form offers to plan it anyway).
 */
public record VisitForm(UUID visit, Map<String, String> values, Map<String, FieldError> errors, Integer overlapWith) {

    /** The form's fields from top to bottom, for the summary's order. */
    static final List<String> ORDER = List.of("visit", "technician", "start", "end");

    public static VisitForm empty() {
        return new VisitForm(null, Map.of(), Map.of(), null);
    }

    /** Whether this form is the one of that visit (null: the form adding one) and holds what was typed. */
    public boolean isFor(UUID id) {
        return !values.isEmpty() && java.util.Objects.equals(visit, id);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public Map<String, FieldError> orderedErrors() {
        return FieldError.inOrder(errors, ORDER);
    }
}
