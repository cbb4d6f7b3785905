package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.NumberDisplay;
import com.fieldservice.portal.web.Texts;
import java.util.List;

/**
 * The definition-list rows of a work order's back-office page, each with its label, its element
 * id and its value as the page shows it. A field of the catalogue is labelled {@code field.<name>},
 * the label it has on the form, in the history, the grid and the CSV; an empty value reads "—",
 * so that a row never collapses into the next label. Built here rather than by a template
 * fragment per row: one loop per group is a fraction of the rendering work.
 */
public record JobDetailRows(List<Row> general, List<Row> requestedBy, List<Row> installation, List<Row> address,
                            List<Row> planning, List<Row> notes, List<Row> multi) {

    /** A row; {@code field} and {@code id} are null for what the catalogue doesn't hold (the installation's model...). */
    public record Row(String field, String id, String label, String value) {
    }

    static JobDetailRows of(JobPageDao.JobDetail job, Language language, DateDisplay local) {
        Rows rows = new Rows(language);
        NumberDisplay num = NumberDisplay.in(language);
        return new JobDetailRows(
                List.of(rows.field("id2", job.id2()), rows.field("name", job.name()),
                        rows.field("job_type_id", job.typeName()), rows.field("job_priority_id", job.priorityName()),
                        rows.field("job_status_code", job.statusName()),
                        rows.field("reference_back_office", job.referenceBackOffice()),
                        rows.field("customer_reference", job.customerReference()),
                        rows.field("date_create", local.dayTime(job.dateCreate())),
                        rows.field("date_reported_by_company", local.dayTime(job.dateReportedByCompany())),
                        rows.field("date_closed", local.dayTime(job.dateClosed())),
                        rows.field("modified_dateutc", local.dayTime(job.modifiedDateutc())),
                        rows.field("approval_responsible_user_id", job.approvalResponsibleUser())),
                List.of(rows.field("requested_by_company_id", job.requestedByCompany()),
                        rows.field("requested_by_contact_id", job.requestedByContact())),
                List.of(rows.labelled("bo.job.barcode", job.barcode()), rows.labelled("bo.job.model", job.modelName()),
                        rows.labelled("bo.job.family", job.familyName()), rows.labelled("bo.job.brand", job.brandName()),
                        rows.labelled("bo.job.location", job.installationLocation()),
                        rows.labelled("bo.job.warranty", local.day(job.warrantyDateUntil()))),
                List.of(rows.field("db_address_name", job.addressName()),
                        rows.field("db_address_street", job.addressStreet()),
                        rows.field("db_address_street_number", job.addressStreetNumber()),
                        rows.field("db_address_street2", job.addressStreet2()),
                        rows.field("db_address_zip", job.addressZip()),
                        rows.field("db_address_city", job.addressCity()),
                        rows.field("db_address_db_country_id", job.addressCountry(language)),
                        rows.field("db_address_phone", job.addressPhone()),
                        rows.field("db_address_email", job.addressEmail()),
                        rows.field("db_address_latitude_decimal", num.decimal(job.latitude())),
                        rows.field("db_address_longitude_decimal", num.decimal(job.longitude()))),
                List.of(rows.field("suggested_user_id", job.suggestedUser()),
                        rows.field("suggested_date_start", local.dayTime(job.suggestedDateStart())),
                        rows.field("estimated_time", job.estimatedTime() == null ? null
                                : Texts.format(language, "bo.job.minutes", job.estimatedTime())),
                        rows.field("earliest_date_plannable", local.day(job.earliestDatePlannable())),
                        rows.field("due_date", local.day(job.dueDate())),
                        rows.field("skill_id", job.skillName())),
                List.of(rows.field("description", job.description()),
                        rows.field("prejob_information", job.prejobInformation()),
                        rows.field("estimated_quantity_remark", job.estimatedQuantityRemark()),
                        rows.field("internal_memo", job.internalMemo())),
                List.of(rows.field("working_sequence", job.workingSequence())));
    }

    private record Rows(Language language) {

        Row field(String field, Object value) {
            return new Row(field, field.replace('_', '-'), Texts.get(language, "field." + field), shown(value));
        }

        Row labelled(String labelKey, Object value) {
            return new Row(null, null, Texts.get(language, labelKey), shown(value));
        }

        private String shown(Object value) {
            String text = value == null ? null : value.toString();
            return text == null || text.isBlank() ? Texts.get(language, "value.none") : text;
        }
    }
}
