package com.fieldservice.portal.admin;

import com.fieldservice.portal.jobs.FieldError;
import java.util.Map;

/**
 * What an administration action came to: done (with its result), refused with a message key per
 * form field, or about an account that isn't there.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    /** What is wrong, by form field name; nothing was written. */
    record Invalid<T>(Map<String, FieldError> errors) implements Outcome<T> {
    }

    record NotFound<T>() implements Outcome<T> {
    }
}
