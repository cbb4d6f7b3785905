package com.fieldservice.portal.jobs;

import static com.fieldservice.portal.jobs.FieldSpec.Kind.COUNT;
import static com.fieldservice.portal.jobs.FieldSpec.Kind.DATE;
import static com.fieldservice.portal.jobs.FieldSpec.Kind.DATE_TIME;
import static com.fieldservice.portal.jobs.FieldSpec.Kind.DECIMAL;
import static com.fieldservice.portal.jobs.FieldSpec.Kind.EMAIL;
import static com.fieldservice.portal.jobs.FieldSpec.Kind.INTEGER;
import static com.fieldservice.portal.jobs.FieldSpec.Kind.MULTILINE;
import static com.fieldservice.portal.jobs.FieldSpec.Kind.REFERENCE;
import static com.fieldservice.portal.jobs.FieldSpec.multiline;
import static com.fieldservice.portal.jobs.FieldSpec.of;
import static com.fieldservice.portal.jobs.FieldSpec.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The catalogue of a work order's writable fields, as the reference page documents them
 * (seed/jobs-resource.txt): names, kinds, lengths, what is required, and the label each goes
 * by everywhere ({@link #labelKey}). Forms (maxlength and required attributes), the JSON API and
 * {@link JobRules} all read it; the migrations match it, and a test checks that the database
 * columns agree.
 */
public final class JobFields {

    public static final List<FieldSpec> ALL = List.of(
            of("_parent_id", REFERENCE),
            of("working_sequence", INTEGER),
            // "optionally required": by GUID or by ERP code; a new job without a type gets the default one
            of("project_id", REFERENCE).asRequired(),
            of("job_type_id", REFERENCE).asRequired(),
            of("job_priority_id", REFERENCE),
            of("contact_id", REFERENCE),
            of("requested_by_company_id", REFERENCE),
            of("requested_by_contact_id", REFERENCE),
            text("reference_back_office", 50),
            text("name", 255).asRequired(),
            multiline("description", 4000),
            of("internal_memo", MULTILINE),
            of("prejob_information", MULTILINE),
            of("estimated_time", COUNT),
            of("earliest_date_plannable", DATE),
            of("due_date", DATE),
            of("suggested_user_id", REFERENCE),
            of("suggested_date_start", DATE_TIME),
            of("skill_id", REFERENCE),
            text("customer_reference", 50),
            of("approval_responsible_user_id", REFERENCE),
            of("date_reported_by_company", DATE_TIME),
            text("db_address_name", 100),
            text("db_address_street", 50),
            text("db_address_street2", 50),
            text("db_address_street_number", 50),
            text("db_address_city", 50),
            text("db_address_zip", 50),
            of("db_address_db_country_id", REFERENCE),
            text("db_address_phone", 50),
            new FieldSpec("db_address_email", EMAIL, java.util.OptionalInt.of(250), false),
            of("db_address_latitude_decimal", DECIMAL),
            of("db_address_longitude_decimal", DECIMAL),
            multiline("estimated_quantity_remark", 4000));

    /** The job's own address: used, and then street, city and zip required, for a mobile installation only. */
    public static final List<String> OWN_ADDRESS = List.of("db_address_name", "db_address_street", "db_address_street2",
            "db_address_street_number", "db_address_city", "db_address_zip", "db_address_db_country_id",
            "db_address_phone", "db_address_email", "db_address_latitude_decimal", "db_address_longitude_decimal");

    public static final List<String> OWN_ADDRESS_REQUIRED = List.of("db_address_street", "db_address_city", "db_address_zip");

    /**
     * What the pages, the grid and the CSV show of a work order besides its writable fields: read,
     * never typed (the status moves by the workflow, the company follows the installation,
     * {@code technician} is the suggested one or else the next visit's). Labelled like the fields.
     */
    public static final List<String> SHOWN_ONLY = List.of("id2", "job_status_code", "company_id", "technician",
            "date_create", "date_closed", "modified_dateutc");

    private static final Map<String, FieldSpec> BY_NAME = new LinkedHashMap<>();

    static {
        ALL.forEach(field -> BY_NAME.put(field.name(), field));
    }

    private JobFields() {
    }

    public static FieldSpec get(String name) {
        FieldSpec field = BY_NAME.get(name);
        if (field == null) {
            throw new NoSuchElementException("no writable job field " + name);
        }
        return field;
    }

    /**
     * The message key of a field's label, {@code field.<name>}: the one label of the field on the
     * form, the detail pages, the history, the grid's column and the CSV header.
     */
    public static String labelKey(String name) {
        return "field." + name;
    }

    /** The catalogue by name, for templates: {@code ${fields['name'].maxLengthOrNull()}}. */
    public static Map<String, FieldSpec> byName() {
        return java.util.Collections.unmodifiableMap(BY_NAME);
    }
}
