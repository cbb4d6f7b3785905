package com.fieldservice.portal.conversation;

import com.fieldservice.portal.jobs.FieldError;
import java.util.List;
import java.util.Map;

/**
 * The back office's reply forms on a work order's page: which one was sent ({@code comment} or
 * {@code files}), what was typed and chosen, and what was wrong with it by field after a refused post.
 */
public record ReplyForm(String form, String comment, String visibility, Map<String, FieldError> errors) {

    /** Fresh forms: a reply to the customer unless the planner chooses otherwise. */
    public static ReplyForm empty() {
        return new ReplyForm("", "", Visibility.CUSTOMER.code(), Map.of());
    }

    /** The mistakes of that form (none for the other one). */
    public Map<String, FieldError> errorsOf(String which) {
        return which.equals(form) ? errors : Map.of();
    }

    /** At most this many files in one upload. */
    public int filesPerUpload() {
        return com.fieldservice.portal.customer.ReportService.MAX_FILES_PER_UPLOAD;
    }

    /** The choices of the forms, in their order. */
    public List<Visibility> visibilities() {
        return List.of(Visibility.values());
    }
}
