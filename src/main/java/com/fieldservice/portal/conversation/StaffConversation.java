package com.fieldservice.portal.conversation;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.customer.ReportService;
import com.fieldservice.portal.customer.Upload;
import com.fieldservice.portal.jobs.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Planners answer a work order's customer, or write a note for the service team only, with
 * comments and files: checked as the customer's are (the same length, the same files by their
 * bytes, sizes and counts), all saved or none, and recorded in the work order's history.
 */
public final class StaffConversation {

    public sealed interface Outcome permits Done, NotFound, Refused {
    }

    public record Done() implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** Nothing was saved; the mistakes by field. */
    public record Refused(Map<String, FieldError> errors) implements Outcome {
    }

    private final Jdbi jdbi;

    public StaffConversation(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Outcome comment(int number, String typed, String visibility, Principal who) {
        Optional<UUID> job = jobId(number);
        if (job.isEmpty()) {
            return new NotFound();
        }
        String comment = Conversation.cleaned(typed);
        Map<String, FieldError> errors = new LinkedHashMap<>();
        Conversation.problem(comment).ifPresent(problem -> errors.put("comment", problem));
        Optional<Visibility> chosen = visibility(visibility, errors);
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        jdbi.useTransaction(handle -> Conversation.addComment(handle, job.get(), who, comment, chosen.orElseThrow()));
        return new Done();
    }

    public Outcome addFiles(int number, List<Upload> uploads, String visibility, Principal who) {
        Optional<UUID> job = jobId(number);
        if (job.isEmpty()) {
            return new NotFound();
        }
        Map<String, FieldError> errors = new LinkedHashMap<>();
        List<ReportService.Accepted> files = Conversation.accepted(uploads, errors);
        Optional<Visibility> chosen = visibility(visibility, errors);
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        return jdbi.inTransaction(handle -> {
            handle.attach(TimelineDao.class).lockJob(job.get());
            int left = Conversation.filesLeft(handle, job.get(), false);
            if (files.size() > left) {
                return new Refused(Map.of("files", FieldError.of("actions.files.jobFull", ReportService.MAX_FILES_PER_JOB, left)));
            }
            Conversation.addFiles(handle, job.get(), who, files, chosen.orElseThrow());
            return new Done();
        });
    }

    /** The planner read the customer's message and needs not answer: the work order stops awaiting a reply. */
    public Outcome markRead(int number, Principal who) {
        Optional<UUID> job = jobId(number);
        if (job.isEmpty()) {
            return new NotFound();
        }
        jdbi.useTransaction(handle -> Conversation.markRead(handle, job.get(), who));
        return new Done();
    }

    private Optional<UUID> jobId(int number) {
        return jdbi.withExtension(TimelineDao.class, dao -> dao.jobId(number));
    }

    private static Optional<Visibility> visibility(String raw, Map<String, FieldError> errors) {
        Optional<Visibility> chosen = Visibility.of(raw);
        if (chosen.isEmpty()) {
            errors.put("visibility", FieldError.of("conversation.visibility.unknown"));
        }
        return chosen;
    }
}
