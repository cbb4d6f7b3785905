package com.fieldservice.portal.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a field's value can't be used: a message key and its arguments. The one error type of
 * every form: a page gets its errors as a map from field name to FieldError.
 */
public record FieldError(String key, List<Object> args) {

    public static FieldError of(String key, Object... args) {
        return new FieldError(key, List.of(args));
    }

    /** For templates: the arguments as an array, as #messages.msgWithParams wants them. */
    public Object[] argArray() {
        return args.toArray();
    }

    /**
     * The errors in the order a form shows its fields, so its summary reads top to bottom; an
     * error about a field the form doesn't name comes last.
     */
    public static Map<String, FieldError> inOrder(Map<String, FieldError> errors, List<String> formOrder) {
        Map<String, FieldError> ordered = new LinkedHashMap<>();
        formOrder.stream().filter(errors::containsKey).forEach(field -> ordered.put(field, errors.get(field)));
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
