package com.fieldservice.portal.customer;

import com.fieldservice.portal.conversation.TimelineEntry;
import com.fieldservice.portal.jobs.FieldError;
import java.util.List;
import java.util.Map;

/**
 * What the customer may do on one of their jobs, for the fragment customer/job-actions :: actions(job):
 * its timeline as the customer reads it (conversation/TimelineDao: nothing internal), whether it still takes them, whether it may still be canceled, and after
 * a refused post, what was typed and why it was refused.
 */
public record JobActions(int number, boolean open, boolean cancelable, List<TimelineEntry> timeline,
                         int filesLeft, String commentText,
                         Map<String, FieldError> errors, String refusal) {

    public JobActions withRefusal(String commentText, Map<String, FieldError> errors, String refusal) {
        return new JobActions(number, open, cancelable, timeline, filesLeft, commentText, errors, refusal);
    }

    /** For templates: at most this many files in one upload now. */
    public int filesPerUpload() {
        return Math.min(ReportService.MAX_FILES_PER_UPLOAD, filesLeft);
    }
}
