package com.fieldservice.portal.conversation;

import com.fieldservice.portal.ops.BusinessEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.customer.ReportService;
import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.notify.Notifications;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What both sides write into a work order's conversation, each in the caller's transaction and
 * each recorded in the work order's history (who, when, for whom): a comment, files. What a
 * comment may be is checked here for both sides. Who waits for whom follows in the same
 * transaction ({@link ReplyStateDao}): a customer's message makes the work order await the team's
 * reply; the team's answer to the customer (a comment or files they see, not an internal note)
 * ends that wait and is a new reply for every contact until they open the work order.
 */
public final class Conversation {

    public static final int MAX_COMMENT = 4000;
    /** How much of a comment its history entry repeats. */
    private static final int EXCERPT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Conversation() {
    }

    /** A comment as it is kept: Windows line ends made plain, no surrounding blanks. */
    public static String cleaned(String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n").strip();
    }

    /** What is wrong with a cleaned comment, if anything. */
    public static Optional<FieldError> problem(String comment) {
        if (comment.isEmpty()) {
            return Optional.of(FieldError.of("validation.required"));
        }
        if (comment.length() > MAX_COMMENT) {
            return Optional.of(FieldError.of("validation.tooLong", MAX_COMMENT, comment.length()));
        }
        return Optional.empty();
    }

    /** The files of one upload that pass the checks, or, in {@code errors}, why not: none sent is a mistake too. */
    public static List<ReportService.Accepted> accepted(List<com.fieldservice.portal.customer.Upload> uploads,
                                                        Map<String, FieldError> errors) {
        List<ReportService.Accepted> files = ReportService.files(uploads, ReportService.MAX_FILES_PER_UPLOAD, errors);
        if (errors.isEmpty() && files.isEmpty()) {
            errors.put("files", FieldError.of("actions.files.none"));
        }
        return files;
    }

    public static void addComment(Handle handle, UUID jobId, Principal who, String comment, Visibility visibility) {
        TimelineDao dao = handle.attach(TimelineDao.class);
        dao.insertComment(jobId, who.accountId(), who.appUserId().orElse(null),
                who.isBackOffice() ? null : who.contactId().orElse(null), authorName(dao, who), !who.isBackOffice(),
                comment, visibility.code());
        BusinessEvents.commented(visibility.code());
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("visibility", visibility.code());
        changes.put("comment", excerpt(comment));
        record(dao, jobId, who, "comment", changes);
        waitsFollow(handle, jobId, who, visibility);
        Notifications.commentAdded(handle, jobId, who, visibility, comment);
    }

    public static void addFiles(Handle handle, UUID jobId, Principal who, List<ReportService.Accepted> files,
                                Visibility visibility) {
        store(handle, jobId, who, files, visibility);
        waitsFollow(handle, jobId, who, visibility);
    }

    /** The photos and documents sent with the report itself: part of the report, not a message awaiting a reply. */
    public static void addReportFiles(Handle handle, UUID jobId, Principal who, List<ReportService.Accepted> files) {
        store(handle, jobId, who, files, Visibility.CUSTOMER);
    }

    /**
     * A planner has read the customer's message and needs not answer it: the work order stops
     * awaiting a reply, recorded in its history. False when it awaited none.
     */
    public static boolean markRead(Handle handle, UUID jobId, Principal who) {
        if (handle.attach(ReplyStateDao.class).markRead(jobId) == 0) {
            return false;
        }
        record(handle.attach(TimelineDao.class), jobId, who, "read", Map.of());
        return true;
    }

    /**
     * The contact reading a work order's page (the work order, or its full activity) has read the
     * team's answers it showed: the one place their new-reply mark is cleared. The page's own
     * statement reads {@code repliesToRead} ({@link ReplyStateDao#REPLIES_TO_READ_COLUMN}, null
     * when nothing is new to them), so a page with nothing new writes nothing, and an answer
     * arriving after the page was read stays new rather than unseen. Only a GET reads: a HEAD
     * asks whether the page is there, and an account without a contact has no mark.
     */
    public static void contactReads(Handle handle, UUID jobId, Principal who, HandlerType method, Integer repliesToRead) {
        if (method == HandlerType.GET && repliesToRead != null) {
            who.contactId().ifPresent(contact -> handle.attach(ReplyStateDao.class).contactRead(jobId, contact, repliesToRead));
        }
    }

    /** What a comment's history entry repeats of it. */
    static String excerpt(String comment) {
        return comment.length() > EXCERPT ? comment.substring(0, EXCERPT) + "…" : comment;
    }

    static void waitsFollow(Handle handle, UUID jobId, Principal who, Visibility visibility) {
        ReplyStateDao waits = handle.attach(ReplyStateDao.class);
        if (!who.isBackOffice()) {
            waits.customerWrote(jobId);
        } else if (visibility == Visibility.CUSTOMER) {
            waits.teamAnswered(jobId);
        }
    }

    private static void store(Handle handle, UUID jobId, Principal who, List<ReportService.Accepted> files,
                              Visibility visibility) {
        TimelineDao dao = handle.attach(TimelineDao.class);
        for (ReportService.Accepted file : files) {
            dao.insertFile(jobId, file.name(), file.kind().contentType(), file.bytes().length, file.bytes(),
                    who.accountId(), who.appUserId().orElse(null),
                    who.isBackOffice() ? null : who.contactId().orElse(null), visibility.code());
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("visibility", visibility.code());
            changes.put("file", file.name());
            record(dao, jobId, who, "file", changes);
        }
    }

    /** How many more files this side may add to the work order: customers count the files they see. */
    public static int filesLeft(Handle handle, UUID jobId, boolean customerView) {
        return Math.max(0, ReportService.MAX_FILES_PER_JOB - handle.attach(TimelineDao.class).countFiles(jobId, customerView));
    }

    /**
     * A comment's author as fixed when written: a customer by name, staff by first name; null for
     * staff without one, whom every page and message names as the team in its reader's language.
     */
    private static String authorName(TimelineDao dao, Principal who) {
        if (!who.isBackOffice()) {
            return who.displayName();
        }
        return who.appUserId().flatMap(dao::staffFirstName).orElse(null);
    }

    static void record(TimelineDao dao, UUID jobId, Principal who, String kind, Map<String, ?> changes) {
        try {
            dao.record(jobId, who.accountId(), who.displayName(), kind, JSON.writeValueAsString(changes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
