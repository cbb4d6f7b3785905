package com.fieldservice.portal.conversation;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.customer.ReportService;
import com.fieldservice.portal.customer.Upload;
import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.notify.Notifications;
import com.fieldservice.portal.web.RequestValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
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

    /**
     * A planner changes who reads a comment ({@code comment}, its number) or a file ({@code file},
     * its id) the team wrote on this work order, recorded in its history from → to. Shown to the
     * customer, it is the team's reply as if just written: the work order stops awaiting one, each
     * contact has a new reply to read and, for a comment, is told as of a reply. Made internal, it
     * is taken back: the work order awaits a reply again if it was the team's only answer since the
     * customer's latest message ({@link ReplyStateDao#answerWithdrawn}). The customer's own
     * entries keep theirs; an entry of another work order is none of this one's.
     */
    public Outcome changeVisibility(int number, String entry, String id, String visibility, Principal who) {
        Optional<UUID> job = jobId(number);
        Optional<Object> key = job.isEmpty() ? Optional.empty() : entryKey(entry, id);
        if (key.isEmpty()) {
            return new NotFound();
        }
        return jdbi.inTransaction(handle -> {
            TimelineDao dao = handle.attach(TimelineDao.class);
            Optional<TimelineDao.Written> written = key.get() instanceof Long comment
                    ? dao.comment(job.get(), comment) : dao.file(job.get(), (UUID) key.get());
            if (written.isEmpty()) {
                return new NotFound();
            }
            Map<String, FieldError> errors = new LinkedHashMap<>();
            Optional<Visibility> chosen = visibility(visibility, errors);
            if (written.get().byCustomer()) {
                errors.put("entry", FieldError.of("conversation.change.customers"));
            }
            if (!errors.isEmpty()) {
                return new Refused(errors);
            }
            Visibility to = chosen.orElseThrow();
            if (!to.code().equals(written.get().visibility())) {
                changed(handle, job.get(), key.get(), written.get(), to, who);
            }
            return new Done();
        });
    }

    private static void changed(Handle handle, UUID job, Object key, TimelineDao.Written written,
                                Visibility to, Principal who) {
        TimelineDao dao = handle.attach(TimelineDao.class);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("visibility", Map.of("old", written.visibility(), "new", to.code()));
        if (key instanceof Long comment) {
            dao.commentVisibility(comment, to.code());
            changes.put("comment", Conversation.excerpt(written.text()));
        } else {
            dao.fileVisibility((UUID) key, to.code());
            changes.put("file", written.text());
        }
        Conversation.record(dao, job, who, "visibility", changes);
        Conversation.waitsFollow(handle, job, who, to);
        if (to == Visibility.INTERNAL) {
            handle.attach(ReplyStateDao.class).answerWithdrawn(job);
        }
        if (to == Visibility.CUSTOMER && key instanceof Long) {
            Notifications.teamReplied(handle, job, written.writer(), written.text());
        }
    }

    /** A comment's number or a file's id (read as every GUID of a request is) as the address holds it; none when it can be neither. */
    private static Optional<Object> entryKey(String entry, String id) {
        try {
            return switch (entry) {
                case "comment" -> Optional.of(Long.parseLong(id));
                case "file" -> RequestValues.guid(id).map(file -> file);
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
