package com.fieldservice.portal.jobs;

import java.util.Optional;

/** A work-order number (id2) as it comes in a path or a form: one to nine digits, nothing else. */
public final class WorkOrderNumber {

    private WorkOrderNumber() {
    }

    public static Optional<Integer> parse(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text.strip()));
    }
}
