package com.fieldservice.portal.jobs;

import java.util.OptionalInt;

/**
 * One writable field of a work order as the reference documents it: its name (the form field,
 * the JSON key and the column are all named so), what kind of value it takes, its maximum
 * length and whether it is always required.
 */
public record FieldSpec(String name, Kind kind, OptionalInt maxLength, boolean required) {

    public enum Kind {
        /** one line of text */
        TEXT,
        /** several lines of text */
        MULTILINE,
        /** a whole number (never negative where the reference counts something) */
        COUNT,
        /** a whole number that may be negative (ordering) */
        INTEGER,
        /** a calendar day, entered as yyyy-mm-dd */
        DATE,
        /** a date and time, entered as yyyy-mm-ddThh:mm in the portal's time zone, or ISO-8601 with offset */
        DATE_TIME,
        /** a decimal number */
        DECIMAL,
        /** the GUID of another entity */
        REFERENCE,
        /** an e-mail address */
        EMAIL
    }

    static FieldSpec text(String name, int maxLength) {
        return new FieldSpec(name, Kind.TEXT, OptionalInt.of(maxLength), false);
    }

    static FieldSpec multiline(String name, int maxLength) {
        return new FieldSpec(name, Kind.MULTILINE, OptionalInt.of(maxLength), false);
    }

    static FieldSpec of(String name, Kind kind) {
        return new FieldSpec(name, kind, OptionalInt.empty(), false);
    }

    FieldSpec asRequired() {
        return new FieldSpec(name, kind, maxLength, true);
    }

    /** For templates: the maxlength attribute, or null when the reference sets none. */
    public Integer maxLengthOrNull() {
        return maxLength.isPresent() ? maxLength.getAsInt() : null;
    }
}
