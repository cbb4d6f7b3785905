package com.fieldservice.portal.jobs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.RequestValues;

/**
 * Validates what a person or an integration typed for a work order against the reference's
 * documented constraints (the {@link JobFields} catalogue), resolves the references it names
 * (GUID first, else the ERP code; an unknown one is an error, never a silent null) and returns
 * either a {@link JobDraft} or the errors by field. Knows nothing of HTTP.
 */
public final class JobRules {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public record Result(Optional<JobDraft> draft, Map<String, FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final ReferenceDao references;
    /** Dates and times typed without an offset are local to the business zone. */
    private final BusinessClock clock;

    public JobRules(ReferenceDao references, BusinessClock clock) {
        this.references = references;
        this.clock = clock;
    }

    /**
     * @param input     the raw values by reference field name ("name", "project_id", "job_type_code", ...)
     * @param editingId the job being edited, if any (a job can't be its own parent)
     * @param creating  a new job: without a name, it is named after its installation and type
     */
    public Result validate(Map<String, String> input, Optional<UUID> editingId, boolean creating) {
        Reader in = new Reader(input, clock);

        Optional<ReferenceDao.Installation> installation = in.reference("project_id", "project_reference_back_office")
                .flatMap(ref -> found(in, "project_id", references.installation(ref.id(), ref.code())));
        if (installation.isEmpty() && !in.errors.containsKey("project_id")) {
            in.error("project_id", "validation.required");
        }
        if (creating && installation.map(ReferenceDao.Installation::closed).orElse(false)) {
            in.error("project_id", "validation.installationClosed");
        }
        UUID jobType = in.reference("job_type_id", "job_type_code")
                .flatMap(ref -> found(in, "job_type_id", references.lookup("job_type", ref.id(), ref.code())))
                .orElseGet(() -> references.defaultJobType().orElse(null));
        UUID priority = in.reference("job_priority_id", "job_priority_code")
                .flatMap(ref -> found(in, "job_priority_id", references.lookup("job_priority", ref.id(), ref.code())))
                .orElse(null);
        UUID suggestedUser = lookup(in, "suggested_user_id", "suggested_user_code", "app_user");
        UUID skill = lookup(in, "skill_id", "skill_code", "skill");
        UUID approvalUser = lookup(in, "approval_responsible_user_id", null, "app_user");
        UUID country = lookup(in, "db_address_db_country_id", "db_address_db_country_code", "db_country");

        UUID contact = in.reference("contact_id", null)
                .flatMap(ref -> found(in, "contact_id", references.contactCompany(ref.id()).map(company -> {
                    if (installation.isPresent() && !company.equals(installation.get().companyId())) {
                        in.error("contact_id", "validation.contactOfAnotherCompany");
                    }
                    return ref.id();
                })))
                .orElse(null);
        UUID requestedByCompany = in.reference("requested_by_company_id", null)
                .flatMap(ref -> found(in, "requested_by_company_id", references.company(ref.id())))
                .orElse(null);
        UUID requestedByContact = in.reference("requested_by_contact_id", null)
                .flatMap(ref -> found(in, "requested_by_contact_id", references.contactCompany(ref.id()).map(company -> {
                    // whoever asked for the work, it is someone of the company it is done for
                    boolean ofTheJobsCompany = installation.map(i -> company.equals(i.companyId())).orElse(true);
                    if (!ofTheJobsCompany || requestedByCompany != null && !company.equals(requestedByCompany)) {
                        in.error("requested_by_contact_id", "validation.contactOfAnotherCompany");
                    }
                    return ref.id();
                })))
                .orElse(null);
        UUID parent = in.reference("_parent_id", "_parent_jobs_reference_back_office")
                .flatMap(ref -> found(in, "_parent_id", references.job(ref.id(), ref.code())))
                .map(job -> {
                    if (editingId.isPresent() && editingId.get().equals(job.id())) {
                        in.error("_parent_id", "validation.parentIsItself");
                    } else if (job.parentId() != null) {
                        in.error("_parent_id", "validation.parentIsAChild");
                    }
                    return job.id();
                })
                .orElse(null);

        // a new job without a name is named after its installation and type; with the installation
        // still missing, that is the one mistake to tell (the name will follow from it)
        boolean derivable = creating && in.raw("name") == null && (installation.isEmpty() || jobType != null);
        String name = !derivable ? in.text("name")
                : installation.map(i -> i.name() + " – " + references.jobTypeName(jobType)).orElse(null);
        if (name != null && name.length() > 255) {
            name = name.substring(0, 255);
        }
        Integer estimatedTime = in.count("estimated_time");
        Integer workingSequence = in.integer("working_sequence");
        LocalDate earliest = in.date("earliest_date_plannable");
        LocalDate due = in.date("due_date");
        if (earliest != null && due != null && due.isBefore(earliest)) {
            in.error("due_date", "validation.dueBeforeEarliest");
        }
        OffsetDateTime suggestedStart = in.dateTime("suggested_date_start");
        if (suggestedStart != null && estimatedTime != null && estimatedTime > 0
                && !DateInput.plausible(suggestedStart.plusMinutes(estimatedTime))) {
            // the suggested visit lasts the estimate, and must end in a year the database keeps
            in.error("estimated_time", "validation.visitEndsTooLate", DateInput.LAST_YEAR);
        }
        OffsetDateTime reported = in.dateTime("date_reported_by_company");

        boolean mobile = installation.map(ReferenceDao.Installation::isMobileInstallation).orElse(false);
        Map<String, String> address = new LinkedHashMap<>();
        for (String field : JobFields.OWN_ADDRESS) {
            if (!field.endsWith("_id") && !field.endsWith("_decimal")) {
                address.put(field, in.text(field));
            }
        }
        BigDecimal latitude = in.decimal("db_address_latitude_decimal", 90);
        BigDecimal longitude = in.decimal("db_address_longitude_decimal", 180);
        if (mobile) {
            JobFields.OWN_ADDRESS_REQUIRED.stream().filter(field -> address.get(field) == null)
                    .forEach(field -> in.error(field, "validation.requiredForMobile"));
        } else if (installation.isPresent()) {
            boolean anyGiven = address.values().stream().anyMatch(v -> v != null) || latitude != null
                    || longitude != null || country != null;
            if (anyGiven) {
                in.error("db_address_street", "validation.addressOnlyForMobile");
            }
        }

        JobDraft draft = new JobDraft(parent, workingSequence, installation.map(ReferenceDao.Installation::id).orElse(null),
                installation.map(ReferenceDao.Installation::companyId).orElse(null), mobile, jobType, priority, contact,
                requestedByCompany, requestedByContact, in.text("reference_back_office"), name, in.text("description"),
                in.text("internal_memo"), in.text("prejob_information"), estimatedTime, earliest, due, suggestedUser,
                suggestedStart, skill, in.text("customer_reference"), approvalUser, reported,
                address.get("db_address_name"), address.get("db_address_street"), address.get("db_address_street2"),
                address.get("db_address_street_number"), address.get("db_address_city"), address.get("db_address_zip"),
                mobile ? country : null, address.get("db_address_phone"), address.get("db_address_email"),
                mobile ? latitude : null, mobile ? longitude : null, in.text("estimated_quantity_remark"));
        return new Result(in.errors.isEmpty() ? Optional.of(draft) : Optional.empty(), Map.copyOf(in.errors));
    }

    private UUID lookup(Reader in, String idField, String codeField, String table) {
        return in.reference(idField, codeField)
                .flatMap(ref -> found(in, idField, references.lookup(table, ref.id(), ref.code())))
                .orElse(null);
    }

    private static <T> Optional<T> found(Reader in, String field, Optional<T> value) {
        if (value.isEmpty() && !in.errors.containsKey(field)) {
            in.error(field, "validation.unknown");
        }
        return value;
    }

    /** Reads the raw values field by field, checking each against the catalogue and collecting errors. */
    private static final class Reader {
        private final Map<String, String> input;
        private final BusinessClock clock;
        private final Map<String, FieldError> errors = new LinkedHashMap<>();

        Reader(Map<String, String> input, BusinessClock clock) {
            this.input = input;
            this.clock = clock;
        }

        record Ref(UUID id, String code) {
        }

        void error(String field, String key, Object... args) {
            errors.putIfAbsent(field, FieldError.of(key, args));
        }

        String raw(String field) {
            String value = input.get(field);
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }

        String text(String field) {
            FieldSpec spec = JobFields.get(field);
            // multi-line text keeps its inner line breaks; browsers send \r\n
            String value = spec.kind() == FieldSpec.Kind.MULTILINE && input.get(field) != null
                    ? input.get(field).replace("\r\n", "\n").strip() : raw(field);
            if (value != null && value.isEmpty()) {
                value = null;
            }
            if (value == null) {
                if (spec.required()) {
                    error(field, "validation.required");
                }
                return null;
            }
            if (spec.maxLength().isPresent() && value.length() > spec.maxLength().getAsInt()) {
                error(field, "validation.tooLong", spec.maxLength().getAsInt(), value.length());
            }
            if (spec.kind() == FieldSpec.Kind.EMAIL && !EMAIL.matcher(value).matches()) {
                error(field, "validation.email");
            }
            return value;
        }

        Integer integer(String field) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                error(field, "validation.wholeNumber");
                return null;
            }
        }

        Integer count(String field) {
            Integer value = integer(field);
            if (value != null && value < 0) {
                error(field, "validation.notNegative");
            }
            return value;
        }

        BigDecimal decimal(String field, int bound) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal number = new BigDecimal(value.replace(',', '.'));
                if (number.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
                    error(field, "validation.between", -bound, bound);
                }
                return number;
            } catch (NumberFormatException e) {
                error(field, "validation.decimal");
                return null;
            }
        }

        /** A day, as typed (yyyy-mm-dd); of a date and time, its day in the portal's zone. */
        LocalDate date(String field) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            try {
                return DateInput.day(value);
            } catch (DateInput.Refused refused) {
                if (refused.outOfRange()) {
                    errors.putIfAbsent(field, refused.asFieldError());
                    return null;
                }
                // a day field keeps the day of a moment given with it, never its time
                OffsetDateTime moment = dateTime(field);
                if (moment == null) {
                    return null;
                }
                try {
                    // 2999-12-31T23:30-05:00 is already a day of 3000 in Brussels
                    return DateInput.checked(clock.dayOf(moment));
                } catch (DateInput.Refused late) {
                    errors.putIfAbsent(field, late.asFieldError());
                    return null;
                }
            }
        }

        OffsetDateTime dateTime(String field) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            try {
                return DateInput.dateTime(value, clock.zone());
            } catch (DateInput.Refused refused) {
                errors.putIfAbsent(field, !refused.outOfRange() && JobFields.get(field).kind() == FieldSpec.Kind.DATE
                        ? FieldError.of("validation.date") : refused.asFieldError());
                return null;
            }
        }

        /** A reference given by GUID (which wins) or by ERP code. */
        Optional<Ref> reference(String idField, String codeField) {
            String id = raw(idField);
            if (id != null) {
                Optional<UUID> guid = RequestValues.guid(id);
                if (guid.isEmpty()) {
                    error(idField, "validation.guid");
                }
                return guid.map(value -> new Ref(value, null));
            }
            String code = codeField == null ? null : raw(codeField);
            return code == null ? Optional.empty() : Optional.of(new Ref(null, code));
        }
    }
}
