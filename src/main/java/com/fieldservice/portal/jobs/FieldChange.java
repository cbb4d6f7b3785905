package com.fieldservice.portal.jobs;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One field of a work order in an edit that came too late: its value when the person began
 * ({@code before}), as others saved it meanwhile ({@code theirs}, last changed by
 * {@code changedBy} at {@code changedAt}), and as the person sent it ({@code yours}). Values are
 * the form's text; empty means none.
 */
public record FieldChange(String field, String before, String theirs, String yours, String changedBy,
                          OffsetDateTime changedAt) {

    /** Not a form field: the status, which only the workflow moves. */
    public static final String STATUS = "job_status_code";

    public boolean changedByThem() {
        return !same(before, theirs);
    }

    public boolean changedByYou() {
        return !same(before, yours);
    }

    /** Both changed it, to different values: the person chooses which one is saved. */
    public boolean toChoose() {
        return changedByThem() && changedByYou() && !same(theirs, yours);
    }

    /** What is saved unless the person chooses otherwise: theirs where only they changed it, else yours. */
    public String kept() {
        return changedByThem() && !changedByYou() ? theirs : yours;
    }

    /** Equal as a form shows them: blank is none, browsers' line breaks and outer spaces don't count. */
    static boolean same(String a, String b) {
        return Objects.equals(normal(a), normal(b));
    }

    private static String normal(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replace("\r\n", "\n").strip();
        return text.isEmpty() ? null : text;
    }
}
