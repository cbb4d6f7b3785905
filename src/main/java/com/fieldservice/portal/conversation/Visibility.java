package com.fieldservice.portal.conversation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who reads a comment or a file: the customer too, or the service team only. Stored as its
 * {@link #code()} ({@code job_comment.visibility}, {@code job_attachment.visibility}, V15).
 */
public enum Visibility {
    CUSTOMER("customer"),
    INTERNAL("internal");

    private final String code;

    Visibility(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The visibility a form sent, exactly as its code; anything else is none. */
    public static Optional<Visibility> of(String raw) {
        return Arrays.stream(values()).filter(v -> v.code.equals(raw)).findFirst();
    }
}
