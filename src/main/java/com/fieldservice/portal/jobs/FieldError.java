package com.fieldservice.portal.jobs;

import java.util.List;

/** Why a field's value can't be used: a message key of the jobs bundle and its arguments. */
public record FieldError(String key, List<Object> args) {

    public static FieldError of(String key, Object... args) {
        return new FieldError(key, List.of(args));
    }

    /** For templates: the arguments as an array, as #messages.msgWithParams wants them. */
    public Object[] argArray() {
        return args.toArray();
    }
}
