package com.fieldservice.portal.customer;

import com.fieldservice.portal.conversation.TimelineEntry;
import com.fieldservice.portal.jobs.FieldError;
import java.util.List;
import java.util.Map;

/**
 * What the customer may do on one of their jobs, for the fragment customer/job-actions :: actions(job):
 * its timeline as the customer reads it (conversation/TimelineDao: nothing internal) with how many
 * earlier entries it leaves out ({@code timelineEarlier}, the work order's page), whether it
 * is open, whether it still takes comments and files (open, or closed for less than
 * {@link JobActionsService#DAYS_AFTER_CLOSING} days), whom to call once it doesn't
 * ({@code supportPhone}, null when none is set), whether it may still be canceled, and after a
 * refused post, what was typed and why it was refused.
 */
public record JobActions(int number, boolean open, boolean takesMessages, boolean cancelable, List<TimelineEntry> timeline,
                         int timelineEarlier, int filesLeft, String supportPhone, String commentText,
                         Map<String, FieldError> errors, String refusal) {

    public JobActions withRefusal(String commentText, Map<String, FieldError> errors, String refusal) {
        return new JobActions(number, open, takesMessages, cancelable, timeline, timelineEarlier, filesLeft, supportPhone, commentText,
                errors, refusal);
    }

    /** For templates: how long a closed work order still takes comments and files. */
    public int daysAfterClosing() {
        return JobActionsService.DAYS_AFTER_CLOSING;
    }

    /** For templates: at most this many files in one upload now. */
    public int filesPerUpload() {
        return Math.min(ReportService.MAX_FILES_PER_UPLOAD, filesLeft);
    }
}
