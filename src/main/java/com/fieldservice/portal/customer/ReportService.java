package com.fieldservice.portal.customer;

import com.fieldservice.portal.ops.BusinessEvents;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.conversation.Conversation;
import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.jobs.JobService;
import com.fieldservice.portal.notify.Notifications;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.PhoneNumbers;
import com.fieldservice.portal.web.RequestValues;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * A customer reports a problem: the work order, its photos and documents, the phone number to
 * reach them (the work order's contact phone) and the form's one-time token are saved in one
 * transaction, or nothing is. The work order's own rules (lengths, the installation's address,
 * dates) are {@link JobService}'s; this class adds only what is particular to customers: their
 * company's installations only, the urgencies they may choose, a description, the files, and the
 * warning about a reference already in use.
 */
public final class ReportService {

    public static final int MAX_FILES_PER_UPLOAD = 5;
    public static final int MAX_FILES_PER_JOB = 20;
    /** With more installations than this, the form searches instead of listing them all. */
    public static final int SELECT_AT_MOST = 50;
    public static final int SEARCH_RESULTS = 20;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    /** The fields of a mobile installation's address a customer fills in. */
    static final List<String> ADDRESS = List.of("db_address_name", "db_address_street", "db_address_street_number",
            "db_address_zip", "db_address_city");

    public sealed interface Outcome permits Created, AlreadyCreated, Invalid, SameReference {
    }

    public record Created(int number) implements Outcome {
    }

    /** This form was sent before: the job it created. */
    public record AlreadyCreated(int number) implements Outcome {
    }

    public record Invalid(Map<String, FieldError> errors) implements Outcome {
    }

    /** Open jobs this customer may see use this reference already: their numbers. */
    public record SameReference(List<Integer> numbers) implements Outcome {
    }

    private final Jdbi jdbi;
    private final JobService jobs;
    private final BusinessClock clock;

    public ReportService(Jdbi jdbi, JobService jobs, BusinessClock clock) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * @param values what the form sent: project_id (the GUID of one of the company's installations,
     *               fixed or mobile: one choice; a mobile one with where it is now, db_address_*),
     *               description, job_priority_id, earliest_date_plannable, customer_reference,
     *               contact_phone, report_anyway, submission
     */
    public Outcome report(Map<String, String> values, List<Upload> uploads, Principal who) {
        String token = Optional.ofNullable(values.get("submission")).map(String::strip)
                .filter(t -> TOKEN.matcher(t).matches()).orElse(null);
        if (token != null) {
            Optional<Integer> earlier = dao(d -> d.submitted(token, who.accountId()));
            if (earlier.isPresent()) {
                return new AlreadyCreated(earlier.get());
            }
        }
        Map<String, FieldError> errors = new LinkedHashMap<>();
        Map<String, String> input = new LinkedHashMap<>();

        Optional<ReportDao.InstallationOption> installation = installation(values, who, errors);
        installation.ifPresent(i -> input.put("project_id", i.id().toString()));
        boolean mobile = installation.map(ReportDao.InstallationOption::isMobileInstallation).orElse(false);

        String description = Optional.ofNullable(values.get("description")).map(String::strip).orElse("");
        if (description.isEmpty()) {
            errors.put("description", FieldError.of("validation.required"));
        }
        input.put("description", description);
        input.put("name", name(installation, description));
        input.put("customer_reference", values.getOrDefault("customer_reference", ""));
        input.put("earliest_date_plannable", values.getOrDefault("earliest_date_plannable", ""));
        priority(values.get("job_priority_id"), errors).ifPresent(p -> input.put("job_priority_id", p.toString()));
        input.put("requested_by_company_id", who.company().toString());
        who.contactId().ifPresent(contact -> input.put("requested_by_contact_id", contact.toString()));
        input.put("date_reported_by_company", clock.now().truncatedTo(ChronoUnit.SECONDS).toString());

        String phone = phone(values.get("contact_phone"), errors);
        if (mobile) {
            // the technician finds the unit at this address, and calls this number there
            ADDRESS.forEach(field -> input.put(field, values.getOrDefault(field, "")));
            if (phone != null) {
                input.put("db_address_phone", phone);
            }
        }
        List<Accepted> files = files(uploads, MAX_FILES_PER_UPLOAD, errors);

        jobs.check(input, Optional.empty()).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }

        String reference = input.get("customer_reference").strip();
        if (!reference.isEmpty() && !"on".equals(values.get("report_anyway"))) {
            List<Integer> same = dao(d -> d.openJobsWithReference(CustomerScope.of(who), reference));
            if (!same.isEmpty()) {
                return new SameReference(same);
            }
        }

        try {
            return jdbi.inTransaction(handle -> {
                return jobs.createIn(handle, input, who).either(
                        saved -> saveWithJob(handle, saved.number(), files, phone, token, who),
                        invalid -> new Invalid(invalid.errors()));
            });
        } catch (SubmittedMeanwhile sameFormTwice) {
            // the same form, sent again while the first was being saved: that one's job, not a second
            return dao(d -> d.submitted(token, who.accountId())).<Outcome>map(AlreadyCreated::new)
                    .orElseThrow(() -> new IllegalStateException("report token recorded but not found"));
        }
    }

    /** What comes with the report, in the job's transaction: its files, the phone number, the form's token. */
    private static Outcome saveWithJob(org.jdbi.v3.core.Handle handle, int number, List<Accepted> files, String phone,
                                       String token, Principal who) {
        ReportDao dao = handle.attach(ReportDao.class);
        UUID jobId = dao.jobId(number);
        Conversation.addReportFiles(handle, jobId, who, files);
        if (phone != null) {
            dao.keepContactPhone(jobId, phone);
        }
        if (token != null && dao.recordSubmission(token, who.accountId(), jobId) == 0) {
            throw new SubmittedMeanwhile();
        }
        BusinessEvents.reported();
        Notifications.reportReceived(handle, jobId);
        return new Created(number);
    }

    /** The one-line summary planners see: "Boiler 2 – Water leaks under the boiler…" (at most 255). */
    static String name(Optional<ReportDao.InstallationOption> installation, String description) {
        String summary = description.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("")
                .replaceAll("\\s+", " ");
        if (summary.length() > 80) {
            int cut = summary.lastIndexOf(' ', 80);
            summary = summary.substring(0, cut > 40 ? cut : 80) + "…";
        }
        if (summary.isEmpty()) {
            summary = "Problem reported";
        }
        String name = installation.map(i -> i.name() + " – ").orElse("") + summary;
        return name.length() > 255 ? name.substring(0, 254) + "…" : name;
    }

    private Optional<ReportDao.InstallationOption> installation(Map<String, String> values, Principal who,
                                                                Map<String, FieldError> errors) {
        String chosen = values.get("project_id");
        if (chosen == null || chosen.isBlank()) {
            errors.put("project_id", FieldError.of("report.installation.required"));
            return Optional.empty();
        }
        // another company's installation, a closed one or a made-up id: all simply not found
        Optional<ReportDao.InstallationOption> found = RequestValues.guid(chosen)
                .flatMap(id -> dao(d -> d.installation(who.company(), id)));
        if (found.isEmpty()) {
            errors.put("project_id", FieldError.of("report.installation.notFound"));
        }
        return found;
    }

    private Optional<UUID> priority(String chosen, Map<String, FieldError> errors) {
        List<ReportDao.PriorityOption> allowed = customerPriorities();
        if (chosen == null || chosen.isBlank()) {
            return allowed.stream().filter(ReportDao.PriorityOption::isDefault).map(ReportDao.PriorityOption::id).findFirst();
        }
        Optional<UUID> id = RequestValues.guid(chosen).filter(u -> allowed.stream().anyMatch(p -> p.id().equals(u)));
        if (id.isEmpty()) {
            errors.put("job_priority_id", FieldError.of("report.priority.unknown"));
        }
        return id;
    }

    private static String phone(String raw, Map<String, FieldError> errors) {
        String phone = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (phone.isEmpty()) {
            return null;
        }
        int max = JobFields.get("db_address_phone").maxLength().orElse(50);
        if (phone.length() > max) {
            errors.put("contact_phone", FieldError.of("validation.tooLong", max, phone.length()));
        } else if (!PhoneNumbers.plausible(phone)) {
            errors.put("contact_phone", FieldError.of("report.phone.format"));
        }
        return phone;
    }

    /** A file that passed: its safe name, what it is, its bytes. */
    public record Accepted(String name, Upload.Kind kind, byte[] bytes) {
    }

    /** Checks the files sent with a form; the first problem found is the field's message. */
    public static List<Accepted> files(List<Upload> uploads, int atMost, Map<String, FieldError> errors) {
        List<Upload> sent = uploads.stream().filter(u -> !u.isEmpty()).toList();
        if (sent.size() > atMost) {
            errors.put("files", FieldError.of("report.files.tooMany", atMost, sent.size()));
            return List.of();
        }
        List<Accepted> accepted = new java.util.ArrayList<>();
        for (Upload upload : sent) {
            if (upload.tooLarge()) {
                errors.putIfAbsent("files", FieldError.of("report.files.tooLarge", upload.safeName(),
                        Upload.MAX_BYTES / (1024 * 1024)));
            } else if (upload.size() == 0) {
                errors.putIfAbsent("files", FieldError.of("report.files.empty", upload.safeName()));
            } else {
                Optional<Upload.Kind> kind = upload.detectedKind();
                if (kind.isEmpty()) {
                    errors.putIfAbsent("files", FieldError.of("report.files.type", upload.safeName()));
                } else {
                    accepted.add(new Accepted(upload.safeName(), kind.get(), upload.bytes()));
                }
            }
        }
        return errors.containsKey("files") ? List.of() : accepted;
    }

    public List<ReportDao.PriorityOption> customerPriorities() {
        return dao(ReportDao::customerPriorities);
    }

    <T> T dao(java.util.function.Function<ReportDao, T> query) {
        return jdbi.withExtension(ReportDao.class, query::apply);
    }

    private static final class SubmittedMeanwhile extends RuntimeException {
        SubmittedMeanwhile() {
            super(null, null, false, false);
        }
    }
}
