package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.jobs.JobFields;
import com.fieldservice.portal.time.DateDisplay;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.Texts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The columns of the work-order grid and of its CSV, in order. Each is a field of the catalogue,
 * headed by the field's label ({@link JobFields#labelKey}) on the screen and in the CSV a person
 * opens; the CSV for integrations ({@code names=reference}) heads them with the reference's
 * snake_case names and writes values as the reference API does (a status by its code, moments
 * in ISO-8601 with offset, in UTC, and days at midnight UTC).
 */
public enum GridColumn {
    NUMBER("number", "id2", "id2", (row, dates) -> String.valueOf(row.id2()), row -> String.valueOf(row.id2())),
    NAME("name", "name", "name", (row, dates) -> row.name(), JobSearch.Row::name),
    COMPANY("company", "company_id", "company", (row, dates) -> row.companyName(), JobSearch.Row::companyName),
    INSTALLATION("installation", "project_id", "project", (row, dates) -> row.installationName(),
            JobSearch.Row::installationName),
    TYPE("type", "job_type_id", "job_type", (row, dates) -> row.typeName(), JobSearch.Row::typeName),
    PRIORITY("priority", "job_priority_id", "job_priority", (row, dates) -> row.priorityName(), JobSearch.Row::priorityName),
    STATUS("status", "job_status_code", "job_status_code", (row, dates) -> row.statusName(), JobSearch.Row::statusCode),
    DUE_DATE("due_date", "due_date", "due_date", (row, dates) -> dates.day(row.dueDate()), row -> referenceDay(row.dueDate())),
    TECHNICIAN("technician", "technician", "technician", (row, dates) -> row.technician(), JobSearch.Row::technician),
    CUSTOMER_REFERENCE("customer_reference", "customer_reference", "customer_reference",
            (row, dates) -> row.customerReference(), JobSearch.Row::customerReference),
    /** In the CSV only: the grid has no room for it, and quick find takes it. */
    REFERENCE_BACK_OFFICE(null, "reference_back_office", "reference_back_office",
            (row, dates) -> row.referenceBackOffice(), JobSearch.Row::referenceBackOffice),
    MODIFIED("modified", "modified_dateutc", "modified_dateutc", (row, dates) -> dates.dayTime(row.modifiedDateutc()),
            row -> iso(row.modifiedDateutc()));

    /** As the reference API writes a moment: 2026-01-30T22:36:47.489839+00:00. */
    private static final DateTimeFormatter REFERENCE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT);

    /** The columns the grid shows, each sortable by {@link #sort}. */
    static final List<GridColumn> ON_SCREEN = Arrays.stream(values()).filter(c -> c.sort != null).toList();

    private final String sort;
    private final String field;
    private final String referenceName;
    private final BiFunction<JobSearch.Row, DateDisplay, String> shown;
    private final Function<JobSearch.Row, String> machine;

    GridColumn(String sort, String field, String referenceName, BiFunction<JobSearch.Row, DateDisplay, String> shown,
               Function<JobSearch.Row, String> machine) {
        this.sort = sort;
        this.field = field;
        this.referenceName = referenceName;
        this.shown = shown;
        this.machine = machine;
    }

    /** The sort key of the grid's links ({@code sort=due_date}); null for a column of the CSV only. */
    public String sort() {
        return sort;
    }

    /** The catalogue's name of the field, whose label heads the column. */
    public String field() {
        return field;
    }

    /** The message key of the column's label: its field's ({@link JobFields#labelKey}). */
    public String labelKey() {
        return JobFields.labelKey(field);
    }

    /** The CSV headers: the labels a person reads, or the reference's names for an integration. */
    static List<String> headers(boolean referenceNames, Language language) {
        return Arrays.stream(values())
                .map(c -> referenceNames ? c.referenceName : Texts.get(language, JobFields.labelKey(c.field))).toList();
    }

    /** A CSV line: values as the grid shows them, or as the reference writes them. */
    static List<String> cells(JobSearch.Row row, DateDisplay dates, boolean referenceNames) {
        return Arrays.stream(values())
                .map(c -> referenceNames ? c.machine.apply(row) : c.shown.apply(row, dates)).toList();
    }

    /** As the reference API writes a day: the day at midnight UTC, 2026-01-30T00:00:00.000000+00:00. */
    private static String referenceDay(LocalDate value) {
        return value == null ? null : value.atStartOfDay().atOffset(ZoneOffset.UTC).format(REFERENCE_TIME);
    }

    private static String iso(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC).format(REFERENCE_TIME);
    }
}
