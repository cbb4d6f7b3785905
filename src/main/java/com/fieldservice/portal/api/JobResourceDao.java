package com.fieldservice.portal.api;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The reference API's "jobs" resource, read in one SQL statement that builds the whole JSON
 * document, embedded entities included, with PostgreSQL's {@code json_build_object} (type json,
 * so the keys keep the reference's order); the handler writes it through unchanged. We chose this over
 * Java records with prefixed-column mappers because the shape then reads side by side with the
 * reference sample, and no embedded entity costs an extra query.
 *
 * <p>How to read the SQL: the installation (project) first, its keys in the sample's order
 * ({@code NOT MATERIALIZED}: inlined where it is used), then the job itself. The small reference
 * entities they embed (sales organisation, equipment family, brand and model, statuses, job type
 * and priority, user, skill) are stored documents, {@code reference_document}, each defined once
 * by a view in migration V44 and rebuilt by the database whenever its tables change: building
 * them at every request was two thirds of this statement's time. An object takes an embedded
 * entity's document with a scalar subquery on the entity's id, and its {@code *_code} with a join
 * on the entity's table: the subquery makes PostgreSQL look up only the rows this job points at
 * (with plain joins, it builds the document of every project before picking one). A function
 * call takes at most 100 arguments (50 keys): the job, which has more, is built in two objects
 * whose texts are joined (the first without its closing brace, the second without its opening
 * one), so the query runs on PostgreSQL 13 and later. The job-level {@code db_address_*} values
 * are the job's own address, filled only for a job on a mobile installation.
 *
 * <p>Dates are written as {@link com.fieldservice.portal.web.Json#DATE_TIME} writes them,
 * "2026-01-30T22:36:47.489839+00:00", whatever the session's time zone, by the database's
 * {@code reference_time} (migration V13): timestamps in UTC, {@code date} columns at midnight UTC.
 */
public interface JobResourceDao {

    /** The work order with this id as the reference's JSON document, or empty if there is none. */
    @SqlQuery("""
            WITH project_json AS NOT MATERIALIZED (
                SELECT p.id, json_build_object(
                           'id', p.id,
                           '_parent_id', p.parent_id,
                           'root_parent_id', p.root_parent_id,
                           '_parent_reference_back_office', parent.reference_back_office,
                           'equipment_family_id', p.equipment_family_id,
                           'equipment_family_code', family.code,
                           'equipment_family', (SELECT document FROM reference_document WHERE entity = 'equipment_family' AND id = p.equipment_family_id),
                           'equipment_model_id', p.equipment_model_id,
                           'equipment_model_code', model.code,
                           'equipment_model', (SELECT document FROM reference_document WHERE entity = 'equipment_model' AND id = p.equipment_model_id),
                           'project_status_id', p.project_status_id,
                           'project_status_code', status.code,
                           'project_status', (SELECT document FROM reference_document WHERE entity = 'project_status' AND id = p.project_status_id),
                           'company_id', p.company_id,
                           'company_code', company.code,
                           'db_address_id', p.db_address_id,
                           'db_address_code', address.code,
                           'location', p.location,
                           'contact_id', p.contact_id,
                           'contact_reference_back_office', contact.reference_back_office,
                           'owner_user_id', p.owner_user_id,
                           'name', p.name,
                           'description', p.description,
                           'reference_back_office', p.reference_back_office,
                           'serial_number', p.serial_number,
                           'barcode', p.barcode,
                           'date_start_production', reference_time(p.date_start_production),
                           'date_create', reference_time(p.date_create),
                           'date_update', reference_time(p.date_update),
                           'updated_by_user_id', p.updated_by_user_id,
                           'customer_reference', p.customer_reference,
                           'warranty_date_until', reference_time(p.warranty_date_until),
                           'last_standard_result_score_1', p.last_standard_result_score_1,
                           'last_standard_result_score_2', p.last_standard_result_score_2,
                           'target_standard_result_score_1', p.target_standard_result_score_1,
                           'target_standard_result_score_2', p.target_standard_result_score_2,
                           'date_built', reference_time(p.date_built),
                           'shutdown_consequence', p.shutdown_consequence,
                           'id2', p.id2,
                           'nb_open_jobs', job_counts.nb_open_jobs,
                           'date_next_job', reference_time(visits.date_next_job),
                           'date_last_job', reference_time(visits.date_last_job),
                           'nb_jobs_planned', job_counts.nb_jobs_planned,
                           'nb_jobs_tobeplanned', job_counts.nb_jobs_tobeplanned,
                           'nb_jobs_waitingfurtheraction', job_counts.nb_jobs_waitingfurtheraction,
                           'back_office_timestamp', reference_time(p.back_office_timestamp),
                           'modified_dateutc', reference_time(p.modified_dateutc),
                           'is_mobile_installation', p.is_mobile_installation
                       ) AS json
                  FROM project p
                  LEFT JOIN project parent ON parent.id = p.parent_id
                  LEFT JOIN equipment_family family ON family.id = p.equipment_family_id
                  LEFT JOIN equipment_model model ON model.id = p.equipment_model_id
                  LEFT JOIN project_status status ON status.id = p.project_status_id
                  JOIN company ON company.id = p.company_id
                  LEFT JOIN db_address address ON address.id = p.db_address_id
                  LEFT JOIN contact ON contact.id = p.contact_id
                  -- the read-only counters, from the jobs of the installation by status
                  CROSS JOIN LATERAL (
                      SELECT count(*) FILTER (WHERE NOT s.is_closed) AS nb_open_jobs,
                             count(*) FILTER (WHERE s.code = 'Planned') AS nb_jobs_planned,
                             count(*) FILTER (WHERE s.code = 'ToBePlanned') AS nb_jobs_tobeplanned,
                             count(*) FILTER (WHERE s.code IN ('WaitingFurtherActions', 'WorkshopWaitingFurtherAction'))
                                 AS nb_jobs_waitingfurtheraction
                        FROM jobs j
                        JOIN job_status s ON s.id = j.job_status_id
                       WHERE j.project_id = p.id
                  ) job_counts
                  -- and from their planned visits, the next one of a job still open and the last
                  -- one that started (of a job that was not canceled)
                  CROSS JOIN LATERAL (
                      SELECT min(v.date_start) FILTER (WHERE v.date_start >= now() AND NOT s.is_closed) AS date_next_job,
                             max(v.date_start) FILTER (WHERE v.date_start < now() AND s.code <> 'Canceled') AS date_last_job
                        FROM jobs j
                        JOIN job_status s ON s.id = j.job_status_id
                        JOIN job_planning v ON v.job_id = j.id
                       WHERE j.project_id = p.id
                  ) visits
            )
            SELECT left(json_build_object(
                       'id', j.id,
                       '_parent_id', j.parent_id,
                       '_parent_jobs_reference_back_office', parent.reference_back_office,
                       'project_id', j.project_id,
                       'project_reference_back_office', project.reference_back_office,
                       'project', (SELECT json FROM project_json WHERE id = j.project_id),
                       'job_type_id', j.job_type_id,
                       'job_type_code', job_type.code,
                       'job_type', (SELECT document FROM reference_document WHERE entity = 'job_type' AND id = j.job_type_id),
                       'job_priority_id', j.job_priority_id,
                       'job_priority_code', job_priority.code,
                       'job_priority', (SELECT document FROM reference_document WHERE entity = 'job_priority' AND id = j.job_priority_id),
                       'job_status_id', j.job_status_id,
                       'job_status_code', job_status.code,
                       'db_address_id', j.db_address_id,
                       'contact_id', j.contact_id,
                       'requested_by_company_id', j.requested_by_company_id,
                       'requested_by_contact_id', j.requested_by_contact_id,
                       'reference_back_office', j.reference_back_office,
                       'name', j.name,
                       'description', j.description,
                       'working_sequence', j.working_sequence,
                       'internal_memo', j.internal_memo,
                       'prejob_information', j.prejob_information,
                       'estimated_time', j.estimated_time,
                       'earliest_date_plannable', reference_time(j.earliest_date_plannable),
                       'due_date', reference_time(j.due_date),
                       'date_create', reference_time(j.date_create),
                       'date_update', reference_time(j.date_update),
                       'date_closed', reference_time(j.date_closed),
                       'suggested_user_id', j.suggested_user_id,
                       'suggested_user_code', suggested_user.code,
                       'suggested_user', (SELECT document FROM reference_document WHERE entity = 'app_user' AND id = j.suggested_user_id),
                       'suggested_date_start', reference_time(j.suggested_date_start),
                       'skill_id', j.skill_id,
                       'skill_code', skill.code,
                       'skill', (SELECT document FROM reference_document WHERE entity = 'skill' AND id = j.skill_id),
                       'customer_reference', j.customer_reference,
                       'approval_responsible_user_id', j.approval_responsible_user_id,
                       'date_reported_by_company', reference_time(j.date_reported_by_company),
                       'id2', j.id2,
                       'company_id', j.company_id,
                       'company_code', company.code,
                       'db_address_name', j.db_address_name,
                       'db_address_street', j.db_address_street,
                       'db_address_street2', j.db_address_street2,
                       'db_address_street_number', j.db_address_street_number,
                       'db_address_city', j.db_address_city,
                       'db_address_zip', j.db_address_zip,
                       'db_address_db_country_id', j.db_address_db_country_id
                   )::text, -1) || ', ' || substr(json_build_object(
                       'db_address_db_country_code', address_country.code,
                       'db_address_phone', j.db_address_phone,
                       'db_address_email', j.db_address_email,
                       'db_address_latitude_decimal', j.db_address_latitude_decimal,
                       'db_address_longitude_decimal', j.db_address_longitude_decimal,
                       'estimated_quantity_remark', j.estimated_quantity_remark,
                       'modified_dateutc', reference_time(j.modified_dateutc)
                   )::text, 2)
              FROM jobs j
              LEFT JOIN jobs parent ON parent.id = j.parent_id
              JOIN project ON project.id = j.project_id
              JOIN job_type ON job_type.id = j.job_type_id
              LEFT JOIN job_priority ON job_priority.id = j.job_priority_id
              JOIN job_status ON job_status.id = j.job_status_id
              LEFT JOIN app_user suggested_user ON suggested_user.id = j.suggested_user_id
              LEFT JOIN skill ON skill.id = j.skill_id
              JOIN company ON company.id = j.company_id
              LEFT JOIN db_country address_country ON address_country.id = j.db_address_db_country_id
             WHERE j.id = :id
            """)
    Optional<String> findJobJson(@Bind("id") UUID id);
}
