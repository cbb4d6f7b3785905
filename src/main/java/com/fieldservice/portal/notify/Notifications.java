package com.fieldservice.portal.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.conversation.Visibility;
import com.fieldservice.portal.planning.VisitEvents;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * <b>What triggers which email, to whom: the one place.</b> The services that make a change
 * call one method here inside their transaction; it writes the outbox rows in that transaction,
 * so a change that is rolled back sends nothing and a saved change is never without its
 * messages. {@link MailSender} delivers them after the commit.
 *
 * <ul>
 * <li>A customer's report: the reporter (report received), colleagues who follow their company's
 *     work orders, the back office's mailbox and back-office people who asked (new report).</li>
 * <li>A comment: from the service team for the customer, to the reporter (and colleagues who
 *     follow); from a customer, to the back office. An internal note is never sent to anyone.</li>
 * <li>A work order completed, a visit confirmed, moved or cancelled: the reporter (and colleagues
 *     who follow).</li>
 * <li>A password link (forgot password, invitation, an administrator's reset): the account's owner.</li>
 * </ul>
 * A person who said no to a topic gets nothing about it; a person without an email address gets
 * a row marked skipped, with the reason.
 */
public final class Notifications {

    /** Statuses that mean the work was done (not cancelled). */
    static final Set<String> COMPLETED = Set.of("Completed", "WorkshopCompleted");
    static final String NO_ADDRESS = "no email address on record for this person";
    /** The address a password request (a row of kind password_reset without an account yet) was made for. */
    public static final String REQUESTED_FOR = "requestedFor";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A change to a visit the customer is told about. */
    public enum VisitChange {
        CONFIRMED(Kind.VISIT_CONFIRMED), MOVED(Kind.VISIT_MOVED), CANCELLED(Kind.VISIT_CANCELLED);

        final Kind kind;

        VisitChange(Kind kind) {
            this.kind = kind;
        }
    }

    /**
     * A visit as a message about it tells it: its id (its calendar event's UID), its SEQUENCE as
     * stored (as it was, for a cancelled one), its times and its technician's name.
     */
    public record Visit(UUID id, int sequence, OffsetDateTime start, OffsetDateTime end, String technician) {
    }

    private Notifications() {
    }

    /** A customer reported a problem: the work order {@code jobId} was just created in this transaction. */
    public static void reportReceived(Handle handle, UUID jobId) {
        NotificationDao dao = handle.attach(NotificationDao.class);
        NotificationDao.JobFacts job = dao.jobFacts(jobId);
        toCustomers(dao, job, Kind.REPORT_RECEIVED, jobParams(job));
        toBackOffice(dao, job, Kind.NEW_REPORT, jobParams(job));
    }

    /**
     * A comment was added to the work order's conversation. Only a comment the customer may read
     * is sent to customers; an internal note goes nowhere.
     */
    public static void commentAdded(Handle handle, UUID jobId, Principal author, Visibility visibility, String comment) {
        if (visibility != Visibility.CUSTOMER) {
            return;
        }
        if (author.isBackOffice()) {
            teamReplied(handle, jobId, author.appUserId().orElse(null), comment);
            return;
        }
        NotificationDao dao = handle.attach(NotificationDao.class);
        NotificationDao.JobFacts job = dao.jobFacts(jobId);
        Map<String, Object> params = jobParams(job);
        params.put("comment", comment);
        params.put("author", author.displayName());
        toBackOffice(dao, job, Kind.CUSTOMER_COMMENT, params);
    }

    /**
     * The team's comment reaches the work order's customers: written for them, or a note a planner
     * later showed them. Named by its author's first name ({@code writer}, a member of staff or
     * null); none for staff without one: the message then names the team in its reader's language.
     */
    public static void teamReplied(Handle handle, UUID jobId, UUID writer, String comment) {
        NotificationDao dao = handle.attach(NotificationDao.class);
        NotificationDao.JobFacts job = dao.jobFacts(jobId);
        Map<String, Object> params = jobParams(job);
        params.put("comment", comment);
        params.put("author", Optional.ofNullable(writer).flatMap(dao::staffFirstName).orElse(""));
        toCustomers(dao, job, Kind.REPLY, params);
    }

    /** The work order moved from one status to another (codes of the workflow). */
    public static void statusChanged(Handle handle, UUID jobId, String fromCode, String toCode) {
        NotificationDao dao = handle.attach(NotificationDao.class);
        if (COMPLETED.contains(toCode) && !COMPLETED.contains(fromCode)) {
            NotificationDao.JobFacts job = dao.jobFacts(jobId);
            toCustomers(dao, job, Kind.JOB_COMPLETED, jobParams(job));
        } else if (dao.confirmsVisits(fromCode, toCode)) {
            // the proposed visits become the customer's: each is confirmed to them
            for (Visit visit : dao.customerVisits(jobId)) {
                visitChanged(handle, jobId, VisitChange.CONFIRMED, visit);
            }
        }
    }

    /**
     * A visit the customer may see was confirmed, moved or cancelled: call it in the transaction
     * that changes the visit, with the visit as it is now (as it was, for a cancelled one); the
     * message tells the technician's first name only. What its calendar attachment says is taken
     * now: the visit may move again or be gone by the time the message is written.
     */
    public static void visitChanged(Handle handle, UUID jobId, VisitChange change, Visit visit) {
        NotificationDao dao = handle.attach(NotificationDao.class);
        NotificationDao.JobFacts job = dao.jobFacts(jobId);
        Map<String, Object> params = jobParams(job);
        params.put("start", visit.start().toString());
        params.put("end", visit.end().toString());
        params.put("technician", visit.technician() == null ? "" : firstName(visit.technician()));
        params.put("visit", visit.id().toString());
        // a cancellation is the event's next revision: calendars take it over the one they hold
        params.put("sequence", change == VisitChange.CANCELLED ? visit.sequence() + 1 : visit.sequence());
        params.put("place", dao.place(jobId).map(a -> VisitEvents.place(a.street(), a.streetNumber(), a.zip(), a.city()))
                .orElse(""));
        toCustomers(dao, job, change.kind, params);
    }

    /**
     * A one-time link to choose a password, to the account's owner: after "forgot your password"
     * ({@link Kind#PASSWORD_RESET}), an invitation ({@link Kind#INVITATION}) or an administrator's
     * reset ({@link Kind#ACCOUNT_RESET}). The token is the link's secret; only the message holds
     * it, the database keeps its hash. Whether a message goes out: not when the account has no
     * email address on record (its row is then skipped, with the reason).
     */
    public static boolean passwordLink(Handle handle, UUID accountId, Kind kind, String token, Duration validity) {
        if (!kind.isPasswordLink()) {
            throw new IllegalArgumentException(kind + " is not a password link");
        }
        return link(handle.attach(NotificationDao.class), accountId, kind, token, validity, null);
    }

    /**
     * "Forgot your password?" for a well-formed address: one row, the same whether an account has
     * the address or not, so that the request does the same work either way and its answer tells
     * nothing, not even by its time. The sender decides later ({@link MailSender}, with
     * {@code admin/ForgotPasswordService#answer}): the account's link, or nothing at all.
     */
    public static void passwordRequest(Handle handle, String email, String clientAddress) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(REQUESTED_FOR, email);
        params.put("client", clientAddress);
        handle.attach(NotificationDao.class).insert(Kind.PASSWORD_RESET.code(), "person", null, null, null, json(params),
                "pending", null);
    }

    /** The sender found the account of a password request ({@code requestId}): the request's row becomes its link. */
    public static boolean answerPasswordRequest(Handle handle, long requestId, UUID accountId, String token, Duration validity) {
        return link(handle.attach(NotificationDao.class), accountId, Kind.PASSWORD_RESET, token, validity, requestId);
    }

    private static boolean link(NotificationDao dao, UUID accountId, Kind kind, String token, Duration validity, Long request) {
        return dao.person(accountId).map(person -> {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("token", token);
            params.put("minutes", validity.toMinutes());
            params.put("name", person.name());
            if (request == null) {
                write(dao, kind, null, person.accountId(), person.email(), params);
            } else {
                dao.answer(request, person.accountId(), person.email(), json(params));
            }
            return person.email() != null;
        }).orElse(false);
    }

    private static void toCustomers(NotificationDao dao, NotificationDao.JobFacts job, Kind kind, Map<String, Object> params) {
        Topic topic = kind.topic().orElseThrow();
        for (NotificationDao.CustomerRecipient person : dao.customerRecipients(job.id(), topic.code())) {
            boolean wantsTopic = person.topicChoice() == null ? topic.wantedByDefault() : person.topicChoice();
            boolean follows = person.reporter()
                    || (person.companyChoice() == null ? Topic.COMPANY_JOBS.wantedByDefault() : person.companyChoice());
            if (wantsTopic && follows) {
                Map<String, Object> own = new LinkedHashMap<>(params);
                own.put("name", person.name());
                // a colleague who follows the company's work orders reads who reported it
                own.put("yours", person.reporter());
                write(dao, kind, job.id(), person.accountId(), person.email(), own);
            }
        }
    }

    private static void toBackOffice(NotificationDao dao, NotificationDao.JobFacts job, Kind kind, Map<String, Object> params) {
        // the mailbox's address is the sender's to read (PORTAL_BACKOFFICE_MAIL): skipped there when it is not set
        dao.insert(kind.code(), "backoffice", job.id(), null, null, json(params), "pending", null);
        for (NotificationDao.Person person : dao.staffWhoAsked(kind.topic().orElseThrow().code())) {
            Map<String, Object> own = new LinkedHashMap<>(params);
            own.put("name", person.name());
            write(dao, kind, job.id(), person.accountId(), person.email(), own);
        }
    }

    private static void write(NotificationDao dao, Kind kind, UUID jobId, UUID accountId, String email,
                              Map<String, Object> params) {
        if (email == null) {
            dao.insert(kind.code(), "person", jobId, accountId, null, json(params), "skipped", NO_ADDRESS);
        } else {
            dao.insert(kind.code(), "person", jobId, accountId, email, json(params), "pending", null);
        }
    }

    /** What every message about a work order may say: what its customer may see of it. */
    private static Map<String, Object> jobParams(NotificationDao.JobFacts job) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("number", job.number());
        params.put("jobName", job.name());
        params.put("reference", job.customerReference() == null ? "" : job.customerReference());
        params.put("installation", job.installation() == null ? "" : job.installation());
        params.put("status", job.customerStatus());
        params.put("reporter", job.reporterName() == null ? "" : job.reporterName());
        return params;
    }

    private static String firstName(String name) {
        String trimmed = name == null ? "" : name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String json(Map<String, Object> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
