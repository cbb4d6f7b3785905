package com.fieldservice.portal.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes of work orders, their first visit as the suggestion moves it, and their history. */
public interface JobDao extends SqlObject {

    record Created(UUID id, int id2) {
    }

    record Current(UUID id, int id2, int version, String statusCode, UUID suggestedUserId,
                   OffsetDateTime suggestedDateStart, Integer estimatedTime) {
    }

    record HistoryEntry(long id, OffsetDateTime changedAt, String changedBy, String kind, String changes, int version) {
    }

    String WRITABLE_VALUES = """
            parent_id = :parentId, working_sequence = :workingSequence, project_id = :projectId, company_id = :companyId,
            job_type_id = :jobTypeId, job_priority_id = :jobPriorityId, contact_id = :contactId,
            requested_by_company_id = :requestedByCompanyId, requested_by_contact_id = :requestedByContactId,
            reference_back_office = :referenceBackOffice, name = :name, description = :description,
            internal_memo = :internalMemo, prejob_information = :prejobInformation, estimated_time = :estimatedTime,
            earliest_date_plannable = :earliestDatePlannable, due_date = :dueDate, suggested_user_id = :suggestedUserId,
            suggested_date_start = :suggestedDateStart, skill_id = :skillId, customer_reference = :customerReference,
            approval_responsible_user_id = :approvalResponsibleUserId, date_reported_by_company = :dateReportedByCompany,
            db_address_id = NULL,
            db_address_name = :dbAddressName, db_address_street = :dbAddressStreet, db_address_street2 = :dbAddressStreet2,
            db_address_street_number = :dbAddressStreetNumber, db_address_city = :dbAddressCity,
            db_address_zip = :dbAddressZip, db_address_db_country_id = :dbAddressDbCountryId,
            db_address_phone = :dbAddressPhone, db_address_email = :dbAddressEmail,
            db_address_latitude_decimal = :dbAddressLatitudeDecimal, db_address_longitude_decimal = :dbAddressLongitudeDecimal,
            estimated_quantity_remark = :estimatedQuantityRemark""";

    /** The writable fields under the reference's names, as text a form shows back. */
    String FORM_VALUES = """
            SELECT j.parent_id::text AS "_parent_id", j.working_sequence::text AS working_sequence,
                   j.project_id::text AS project_id, j.job_type_id::text AS job_type_id,
                   j.job_priority_id::text AS job_priority_id, j.contact_id::text AS contact_id,
                   j.requested_by_company_id::text AS requested_by_company_id,
                   j.requested_by_contact_id::text AS requested_by_contact_id,
                   j.reference_back_office, j.name, j.description, j.internal_memo, j.prejob_information,
                   j.estimated_time::text AS estimated_time,
                   to_char(j.earliest_date_plannable, 'YYYY-MM-DD') AS earliest_date_plannable,
                   to_char(j.due_date, 'YYYY-MM-DD') AS due_date,
                   j.suggested_user_id::text AS suggested_user_id,
                   to_char(j.suggested_date_start AT TIME ZONE :zone, 'YYYY-MM-DD"T"HH24:MI') AS suggested_date_start,
                   j.skill_id::text AS skill_id, j.customer_reference,
                   j.approval_responsible_user_id::text AS approval_responsible_user_id,
                   to_char(j.date_reported_by_company AT TIME ZONE :zone, 'YYYY-MM-DD"T"HH24:MI') AS date_reported_by_company,
                   j.db_address_name, j.db_address_street, j.db_address_street2, j.db_address_street_number,
                   j.db_address_city, j.db_address_zip, j.db_address_db_country_id::text AS db_address_db_country_id,
                   j.db_address_phone, j.db_address_email,
                   j.db_address_latitude_decimal::text AS db_address_latitude_decimal,
                   j.db_address_longitude_decimal::text AS db_address_longitude_decimal,
                   j.estimated_quantity_remark
              FROM jobs j""";

    @SqlUpdate("""
            INSERT INTO jobs (job_status_id, parent_id, working_sequence, project_id, company_id, job_type_id,
                              job_priority_id, contact_id, requested_by_company_id, requested_by_contact_id,
                              reference_back_office, name, description, internal_memo, prejob_information, estimated_time,
                              earliest_date_plannable, due_date, suggested_user_id, suggested_date_start, skill_id,
                              customer_reference, approval_responsible_user_id, date_reported_by_company,
                              db_address_name, db_address_street, db_address_street2, db_address_street_number,
                              db_address_city, db_address_zip, db_address_db_country_id, db_address_phone,
                              db_address_email, db_address_latitude_decimal, db_address_longitude_decimal,
                              estimated_quantity_remark)
            VALUES (:statusId, :parentId, :workingSequence, :projectId, :companyId, :jobTypeId,
                    :jobPriorityId, :contactId, :requestedByCompanyId, :requestedByContactId,
                    :referenceBackOffice, :name, :description, :internalMemo, :prejobInformation, :estimatedTime,
                    :earliestDatePlannable, :dueDate, :suggestedUserId, :suggestedDateStart, :skillId,
                    :customerReference, :approvalResponsibleUserId, :dateReportedByCompany,
                    :dbAddressName, :dbAddressStreet, :dbAddressStreet2, :dbAddressStreetNumber,
                    :dbAddressCity, :dbAddressZip, :dbAddressDbCountryId, :dbAddressPhone,
                    :dbAddressEmail, :dbAddressLatitudeDecimal, :dbAddressLongitudeDecimal,
                    :estimatedQuantityRemark)""")
    @GetGeneratedKeys({"id", "id2"})
    Created insert(@Bind("statusId") UUID statusId, @BindMethods JobDraft draft);

    /** Sets every writable field; only if the job is still at the version the change was made from. */
    @SqlUpdate("UPDATE jobs SET " + WRITABLE_VALUES + " WHERE id = :id AND version = :version")
    int update(@Bind("id") UUID id, @Bind("version") int version, @BindMethods JobDraft draft);

    @SqlUpdate("UPDATE jobs SET job_status_id = :statusId WHERE id = :id AND version = :version")
    int changeStatus(@Bind("id") UUID id, @Bind("version") int version, @Bind("statusId") UUID statusId);

    @SqlQuery("""
            SELECT j.id, j.id2, j.version, s.code AS status_code, j.suggested_user_id, j.suggested_date_start, j.estimated_time
              FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE j.id2 = :number""")
    Optional<Current> current(@Bind("number") int number);

    default Map<String, Object> formValues(UUID id, String zone) {
        return getHandle().createQuery(FORM_VALUES + " WHERE j.id = :id").bind("id", id).bind("zone", zone)
                .mapToMap().one();
    }

    /**
     * The job's first visit moves to this technician and start (keeping its length); with none,
     * one is added when {@code mayAdd}, lasting {@code minutes}. A closed job's visits stay as they were.
     */
    @SqlUpdate("""
            WITH first AS (
                 SELECT pl.id FROM job_planning pl JOIN jobs j ON j.id = pl.job_id
                  WHERE pl.job_id = :jobId AND j.date_closed IS NULL
                  ORDER BY pl.date_start, pl.id LIMIT 1),
            moved AS (
                 UPDATE job_planning pl SET app_user_id = :userId, date_start = :start,
                        date_end = :start + (pl.date_end - pl.date_start)
                   FROM first WHERE pl.id = first.id RETURNING pl.id)
            INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
            SELECT :jobId, :userId, :start, :start + make_interval(mins => :minutes)
             WHERE :mayAdd AND NOT EXISTS (SELECT 1 FROM job_planning WHERE job_id = :jobId)""")
    void firstVisitFollows(@Bind("jobId") UUID jobId, @Bind("userId") UUID userId, @Bind("start") OffsetDateTime start,
                           @Bind("minutes") int minutes, @Bind("mayAdd") boolean mayAdd);

    @SqlQuery("SELECT count(*) FROM job_planning WHERE job_id = :jobId")
    int visitCount(@Bind("jobId") UUID jobId);

    @SqlUpdate("""
            INSERT INTO job_history (job_id, account_id, changed_by, kind, changes, version)
            VALUES (:jobId, :accountId, :changedBy, :kind, CAST(:changes AS jsonb), :version)""")
    void addHistory(@Bind("jobId") UUID jobId, @Bind("accountId") UUID accountId, @Bind("changedBy") String changedBy,
                    @Bind("kind") String kind, @Bind("changes") String changes, @Bind("version") int version);

    @SqlQuery("""
            SELECT id, changed_at, changed_by, kind, changes::text AS changes, version FROM job_history
             WHERE job_id = :jobId AND version > :since ORDER BY id""")
    List<HistoryEntry> historySince(@Bind("jobId") UUID jobId, @Bind("since") int since);
}
