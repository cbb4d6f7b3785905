package com.fieldservice.portal.customer;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.conversation.Conversation;
import com.fieldservice.portal.conversation.TimelineEntry;
import com.fieldservice.portal.conversation.Visibility;
import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.jobs.Workflow;
import com.fieldservice.portal.time.BusinessClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import io.javalin.http.HandlerType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What a customer does on a job of theirs after reporting it: comment and add files while it is
 * open and for {@value #DAYS_AFTER_CLOSING} days after the day it closed (business days of the
 * {@link BusinessClock}), cancel while it is still Open; and who may fetch its files. A job the
 * customer may not see is not found, whatever the reason. Each change is one transaction that
 * holds the job's row, so a job closed meanwhile is judged as it is then.
 */
public final class JobActionsService {

    public sealed interface Outcome permits Done, NotFound, Refused {
    }

    public record Done() implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** Nothing was saved: a message of the report bundle, or errors by field. */
    public record Refused(String messageKey, Map<String, FieldError> errors) implements Outcome {
    }

    /** A closed work order takes comments and files for this many days after the day it closed. */
    public static final int DAYS_AFTER_CLOSING = 30;

    private final Jdbi jdbi;
    private final JobService jobs;
    private final BusinessClock clock;
    private final Optional<String> supportPhone;

    /** @param supportPhone whom customers call (PORTAL_SUPPORT_PHONE), if anyone is named */
    public JobActionsService(Jdbi jdbi, JobService jobs, BusinessClock clock, Optional<String> supportPhone) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.clock = clock;
        this.supportPhone = supportPhone;
    }

    /** The number customers call (PORTAL_SUPPORT_PHONE), if one is set. */
    public Optional<String> supportPhone() {
        return supportPhone;
    }

    /** Whether the job takes the customer's comments and files now: open, or closed for less than the days allowed. */
    boolean takesMessages(ReportDao.CustomerJob job) {
        if (!job.closed()) {
            return true;
        }
        return job.closedOn() != null
                && !clock.today().isAfter(clock.dayOf(job.closedOn()).plusDays(DAYS_AFTER_CLOSING));
    }

    /** The job as this customer may see it; empty for another company's (or, in own-requests scope, another contact's) job. */
    public Optional<ReportDao.CustomerJob> customerJob(int number, Principal who) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.customerJob(number, CustomerScope.of(who)));
    }

    /** The timeline (what the customer may read of it) and forms of a job; empty when this customer may not see it. */
    public Optional<JobActions> actions(int number, Principal who) {
        return read(number, who, (handle, read) -> { });
    }

    /**
     * The full activity page: as {@link #actions}, and reading it reads the team's replies for
     * this contact, as opening the work order does ({@link Conversation#contactReads}).
     */
    public Optional<JobActions> activity(int number, Principal who, HandlerType method) {
        return read(number, who, (handle, read) -> Conversation.contactReads(handle, read.job().id(), who, method,
                read.repliesToRead()));
    }

    /** The job in this customer's scope with its timeline, {@code then} done with what was read, as actions. */
    private Optional<JobActions> read(int number, Principal who,
                                      BiConsumer<Handle, WorkOrderPageDao.Activity> then) {
        return jdbi.withHandle(handle -> handle.attach(WorkOrderPageDao.class)
                .activity(CustomerScope.of(who), number, who.contactId().orElse(null))
                .map(read -> {
                    then.accept(handle, read);
                    List<TimelineEntry> timeline = read.timeline();
                    return actions(read.job(), timeline, 0, files(timeline));
                }));
    }

    private static int files(List<TimelineEntry> timeline) {
        return (int) timeline.stream().filter(entry -> "file".equals(entry.kind())).count();
    }

    /**
     * What the customer may do on a job they may see, read with its timeline (the work order's page
     * reads both at once): the entries shown, how many earlier ones they leave out, and how many
     * files the whole timeline holds.
     */
    public JobActions actions(ReportDao.CustomerJob job, List<TimelineEntry> timeline, int earlier, int files) {
        return new JobActions(job.number(), !job.closed(), takesMessages(job), Workflow.INITIAL.equals(job.statusCode()),
                timeline, earlier, Math.max(0, ReportService.MAX_FILES_PER_JOB - files), supportPhone.orElse(null), "",
                Map.of(), null);
    }

    public Outcome comment(int number, String text, Principal who) {
        Optional<ReportDao.CustomerJob> job = customerJob(number, who);
        if (job.isEmpty()) {
            return new NotFound();
        }
        String comment = Conversation.cleaned(text);
        Optional<FieldError> problem = Conversation.problem(comment);
        if (problem.isPresent()) {
            return new Refused(null, Map.of("comment", problem.get()));
        }
        return jdbi.inTransaction(handle -> {
            ReportDao dao = handle.attach(ReportDao.class);
            if (!takesMessages(dao.lockJob(job.get().id()))) {
                return new Refused("actions.closed", Map.of());
            }
            Conversation.addComment(handle, job.get().id(), who, comment, Visibility.CUSTOMER);
            return new Done();
        });
    }

    public Outcome addFiles(int number, List<Upload> uploads, Principal who) {
        Optional<ReportDao.CustomerJob> job = customerJob(number, who);
        if (job.isEmpty()) {
            return new NotFound();
        }
        Map<String, FieldError> errors = new LinkedHashMap<>();
        List<ReportService.Accepted> files = Conversation.accepted(uploads, errors);
        if (!errors.isEmpty()) {
            return new Refused(null, errors);
        }
        return jdbi.inTransaction(handle -> {
            ReportDao dao = handle.attach(ReportDao.class);
            UUID id = job.get().id();
            if (!takesMessages(dao.lockJob(id))) {
                return new Refused("actions.closed", Map.of());
            }
            int left = Conversation.filesLeft(handle, id, true);
            if (files.size() > left) {
                return new Refused(null, Map.of("files", FieldError.of("actions.files.jobFull",
                        ReportService.MAX_FILES_PER_JOB, left)));
            }
            Conversation.addFiles(handle, id, who, files, Visibility.CUSTOMER);
            return new Done();
        });
    }

    /** Cancels the job if it is still Open at that moment; the job's history records who did. */
    public Outcome cancel(int number, Principal who) {
        if (customerJob(number, who).isEmpty()) {
            return new NotFound();
        }
        JobService.Outcome outcome = jobs.changeStatusFrom(number, Workflow.INITIAL, "Canceled", who);
        if (outcome instanceof JobService.Saved) {
            return new Done();
        }
        if (outcome instanceof JobService.NotFound) {
            return new NotFound();
        }
        return new Refused("actions.cancel.notOpen", Map.of());
    }

    /** A file a customer may fetch: of a job they may see, and not internal. */
    public Optional<ReportDao.StoredFile> customerFile(int number, UUID fileId, Principal who) {
        return customerJob(number, who).flatMap(job -> jdbi.withExtension(ReportDao.class,
                dao -> dao.customerFile(job.id(), fileId)));
    }

    /** A file of any job, for the back office. */
    public Optional<ReportDao.StoredFile> anyFile(int number, UUID fileId) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.anyJob(number).flatMap(job -> dao.file(job.id(), fileId)));
    }

    /** Part of a file the caller was allowed to read ({@link #customerFile}, {@link #anyFile}). */
    public Optional<byte[]> filePart(ReportDao.StoredFile file, int from, int length) {
        return jdbi.withExtension(ReportDao.class, dao -> dao.part(file.id(), from, length));
    }
}
