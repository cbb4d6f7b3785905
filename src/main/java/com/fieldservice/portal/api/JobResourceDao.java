package com.fieldservice.portal.api;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The reference API's "jobs" resource, read in one SQL statement that builds the whole JSON
 * document, embedded entities included, with PostgreSQL's {@code JSON_OBJECT} (type json, so the
 * keys keep the reference's order); the handler writes it through unchanged. We chose this over
 * Java records with prefixed-column mappers because the shape then lives in one place that reads
 * side by side with the reference sample, and no embedded entity costs an extra query.
 *
 * <p>How to read the SQL: one common table expression per embedded entity, its keys in the
 * sample's order ({@code NOT MATERIALIZED}: inlined where it is used), then the job itself. An
 * object takes an embedded entity's document with a scalar subquery on the entity's id, and its
 * {@code *_code} with a join on the entity's table: the subquery makes PostgreSQL look up only
 * the rows this job points at (with plain joins, the query outgrows the planner's collapse
 * limits and it builds the document of every project before picking one). {@code JSON_OBJECT}
 * rather than {@code json_build_object} because the job and the project have more than the 50
 * keys a function call may take.
 *
 * <p>Dates are written as {@link com.fieldservice.portal.web.Json#DATE_TIME} writes them,
 * "2026-01-30T22:36:47.489839+00:00", whatever the session's time zone: timestamps with
 * {@code to_char(x AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')}, {@code date}
 * columns at midnight UTC.
 */
public interface JobResourceDao {

    /** The work order with this id as the reference's JSON document, or empty if there is none. */
    @SqlQuery("""
            WITH sales_organization_json AS NOT MATERIALIZED (
                SELECT so.id, JSON_OBJECT(
                           'id' VALUE so.id,
                           'code' VALUE so.code,
                           'name' VALUE so.name,
                           'description' VALUE so.description,
                           'db_country_id' VALUE so.db_country_id,
                           'db_currency_id' VALUE so.db_currency_id,
                           'db_language_id' VALUE so.db_language_id,
                           'accountancy_code' VALUE so.accountancy_code,
                           'archived' VALUE so.archived,
                           'default_unit_of_measure_system_type' VALUE so.default_unit_of_measure_system_type,
                           'street' VALUE so.street,
                           'street2' VALUE so.street2,
                           'street_number' VALUE so.street_number,
                           'zip' VALUE so.zip,
                           'city' VALUE so.city,
                           'email' VALUE so.email,
                           'phone' VALUE so.phone,
                           'fax' VALUE so.fax,
                           'url' VALUE so.url,
                           'vat_reg_code' VALUE so.vat_reg_code,
                           'modified_dateutc' VALUE to_char(so.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                       ) AS json
                  FROM sales_organization so
            ),
            equipment_family_json AS NOT MATERIALIZED (
                SELECT f.id, JSON_OBJECT(
                           'id' VALUE f.id,
                           'name' VALUE f.name,
                           'description' VALUE f.description,
                           'code' VALUE f.code,
                           '_parent_id' VALUE f.parent_id,
                           '_parent_code' VALUE parent.code,
                           'sales_organization_id' VALUE f.sales_organization_id,
                           'sales_organization_code' VALUE so.code,
                           'sales_organization' VALUE (SELECT json FROM sales_organization_json WHERE id = f.sales_organization_id),
                           'modified_dateutc' VALUE to_char(f.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                       ) AS json
                  FROM equipment_family f
                  LEFT JOIN equipment_family parent ON parent.id = f.parent_id
                  LEFT JOIN sales_organization so ON so.id = f.sales_organization_id
            ),
            equipment_brand_json AS NOT MATERIALIZED (
                SELECT b.id, JSON_OBJECT(
                           'id' VALUE b.id,
                           'name' VALUE b.name,
                           'code' VALUE b.code,
                           'sales_organization_id' VALUE b.sales_organization_id,
                           'sales_organization_code' VALUE so.code,
                           'sales_organization' VALUE (SELECT json FROM sales_organization_json WHERE id = b.sales_organization_id),
                           'modified_dateutc' VALUE to_char(b.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                       ) AS json
                  FROM equipment_brand b
                  LEFT JOIN sales_organization so ON so.id = b.sales_organization_id
            ),
            equipment_model_json AS NOT MATERIALIZED (
                SELECT m.id, JSON_OBJECT(
                           'id' VALUE m.id,
                           'code' VALUE m.code,
                           'name' VALUE m.name,
                           'description' VALUE m.description,
                           'equipment_brand_id' VALUE m.equipment_brand_id,
                           'equipment_brand_code' VALUE brand.code,
                           'equipment_brand' VALUE (SELECT json FROM equipment_brand_json WHERE id = m.equipment_brand_id),
                           'equipment_family_id' VALUE m.equipment_family_id,
                           'equipment_family_code' VALUE family.code,
                           'equipment_family' VALUE (SELECT json FROM equipment_family_json WHERE id = m.equipment_family_id),
                           'date_in_production_since' VALUE to_char(m.date_in_production_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'date_out_of_production_since' VALUE to_char(m.date_out_of_production_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'date_end_support' VALUE to_char(m.date_end_support AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'sales_organization_id' VALUE m.sales_organization_id,
                           'sales_organization_code' VALUE so.code,
                           'sales_organization' VALUE (SELECT json FROM sales_organization_json WHERE id = m.sales_organization_id),
                           'replacement_period_nb_months' VALUE m.replacement_period_nb_months,
                           'warranty_period_nb_months' VALUE m.warranty_period_nb_months,
                           'translations' VALUE (
                               SELECT coalesce(JSON_ARRAYAGG(JSON_OBJECT(
                                                  'field_name' VALUE t.field_name,
                                                  'language_code' VALUE t.language_code,
                                                  'value_translated' VALUE t.value_translated)
                                              ORDER BY t.field_name, t.language_code), '[]'::json)
                                 FROM equipment_model_translation t
                                WHERE t.equipment_model_id = m.id),
                           'modified_dateutc' VALUE to_char(m.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                       ) AS json
                  FROM equipment_model m
                  LEFT JOIN equipment_brand brand ON brand.id = m.equipment_brand_id
                  LEFT JOIN equipment_family family ON family.id = m.equipment_family_id
                  LEFT JOIN sales_organization so ON so.id = m.sales_organization_id
            ),
            project_status_json AS NOT MATERIALIZED (
                SELECT ps.id, JSON_OBJECT(
                           'id' VALUE ps.id,
                           'name' VALUE ps.name,
                           'is_default' VALUE ps.is_default,
                           'is_closed' VALUE ps.is_closed,
                           'sales_organization_id' VALUE ps.sales_organization_id,
                           'sales_organization_code' VALUE so.code,
                           'sales_organization' VALUE (SELECT json FROM sales_organization_json WHERE id = ps.sales_organization_id),
                           'code' VALUE ps.code,
                           'modified_dateutc' VALUE to_char(ps.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                       ) AS json
                  FROM project_status ps
                  LEFT JOIN sales_organization so ON so.id = ps.sales_organization_id
            ),
            project_json AS NOT MATERIALIZED (
                SELECT p.id, JSON_OBJECT(
                           'id' VALUE p.id,
                           '_parent_id' VALUE p.parent_id,
                           'root_parent_id' VALUE p.root_parent_id,
                           '_parent_reference_back_office' VALUE parent.reference_back_office,
                           'equipment_family_id' VALUE p.equipment_family_id,
                           'equipment_family_code' VALUE family.code,
                           'equipment_family' VALUE (SELECT json FROM equipment_family_json WHERE id = p.equipment_family_id),
                           'equipment_model_id' VALUE p.equipment_model_id,
                           'equipment_model_code' VALUE model.code,
                           'equipment_model' VALUE (SELECT json FROM equipment_model_json WHERE id = p.equipment_model_id),
                           'project_status_id' VALUE p.project_status_id,
                           'project_status_code' VALUE status.code,
                           'project_status' VALUE (SELECT json FROM project_status_json WHERE id = p.project_status_id),
                           'company_id' VALUE p.company_id,
                           'company_code' VALUE company.code,
                           'db_address_id' VALUE p.db_address_id,
                           'db_address_code' VALUE address.code,
                           'location' VALUE p.location,
                           'contact_id' VALUE p.contact_id,
                           'contact_reference_back_office' VALUE contact.reference_back_office,
                           'owner_user_id' VALUE p.owner_user_id,
                           'name' VALUE p.name,
                           'description' VALUE p.description,
                           'reference_back_office' VALUE p.reference_back_office,
                           'serial_number' VALUE p.serial_number,
                           'barcode' VALUE p.barcode,
                           'date_start_production' VALUE to_char(p.date_start_production AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'date_create' VALUE to_char(p.date_create AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'date_update' VALUE to_char(p.date_update AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'updated_by_user_id' VALUE p.updated_by_user_id,
                           'customer_reference' VALUE p.customer_reference,
                           'warranty_date_until' VALUE to_char(p.warranty_date_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'last_standard_result_score_1' VALUE p.last_standard_result_score_1,
                           'last_standard_result_score_2' VALUE p.last_standard_result_score_2,
                           'target_standard_result_score_1' VALUE p.target_standard_result_score_1,
                           'target_standard_result_score_2' VALUE p.target_standard_result_score_2,
                           'date_built' VALUE to_char(p.date_built, 'YYYY-MM-DD"T00:00:00.000000+00:00"'),
                           'shutdown_consequence' VALUE p.shutdown_consequence,
                           'id2' VALUE p.id2,
                           'nb_open_jobs' VALUE job_counts.nb_open_jobs,
                           'date_next_job' VALUE to_char(visits.date_next_job AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'date_last_job' VALUE to_char(visits.date_last_job AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'nb_jobs_planned' VALUE job_counts.nb_jobs_planned,
                           'nb_jobs_tobeplanned' VALUE job_counts.nb_jobs_tobeplanned,
                           'nb_jobs_waitingfurtheraction' VALUE job_counts.nb_jobs_waitingfurtheraction,
                           'back_office_timestamp' VALUE to_char(p.back_office_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'modified_dateutc' VALUE to_char(p.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'is_mobile_installation' VALUE p.is_mobile_installation
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
            ),
            job_type_json AS NOT MATERIALIZED (
                SELECT jt.id, JSON_OBJECT(
                           'id' VALUE jt.id,
                           'name' VALUE jt.name,
                           'sales_organization_id' VALUE jt.sales_organization_id,
                           'description' VALUE jt.description,
                           'is_default' VALUE jt.is_default,
                           'modified_dateutc' VALUE to_char(jt.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'code' VALUE jt.code
                       ) AS json
                  FROM job_type jt
            ),
            job_priority_json AS NOT MATERIALIZED (
                SELECT jp.id, JSON_OBJECT(
                           'id' VALUE jp.id,
                           'name' VALUE jp.name,
                           'is_default' VALUE jp.is_default,
                           'sequence' VALUE jp.sequence,
                           'sales_organization_id' VALUE jp.sales_organization_id,
                           'sales_organization_code' VALUE so.code,
                           'sales_organization' VALUE (SELECT json FROM sales_organization_json WHERE id = jp.sales_organization_id),
                           'code' VALUE jp.code,
                           'modified_dateutc' VALUE to_char(jp.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                       ) AS json
                  FROM job_priority jp
                  LEFT JOIN sales_organization so ON so.id = jp.sales_organization_id
            ),
            user_json AS NOT MATERIALIZED (
                SELECT u.id, JSON_OBJECT(
                           'id' VALUE u.id,
                           'db_language_id' VALUE u.db_language_id,
                           'username' VALUE u.username,
                           'firstname' VALUE u.firstname,
                           'lastname' VALUE u.lastname,
                           'code' VALUE u.code,
                           'archived' VALUE u.archived,
                           'disabled' VALUE u.disabled,
                           'emergency_contact' VALUE u.emergency_contact,
                           'bankaccount' VALUE u.bankaccount,
                           'social_security' VALUE u.social_security,
                           'place_of_birth' VALUE u.place_of_birth,
                           'nationality' VALUE u.nationality,
                           'functions' VALUE u.functions,
                           'birthdate' VALUE to_char(u.birthdate, 'YYYY-MM-DD"T00:00:00.000000+00:00"'),
                           'skype' VALUE u.skype,
                           'notes' VALUE u.notes,
                           'sales_organization_id' VALUE u.sales_organization_id,
                           'sales_organization' VALUE (SELECT json FROM sales_organization_json WHERE id = u.sales_organization_id),
                           'sales_organization_code' VALUE so.code,
                           'is_team_leader' VALUE u.is_team_leader,
                           'team_leader_user_id' VALUE u.team_leader_user_id,
                           'email' VALUE u.email,
                           'phone' VALUE u.phone,
                           'fax' VALUE u.fax,
                           'mobile' VALUE u.mobile,
                           'private_email' VALUE u.private_email,
                           'private_phone' VALUE u.private_phone,
                           'private_fax' VALUE u.private_fax,
                           'private_mobile' VALUE u.private_mobile,
                           'private_street' VALUE u.private_street,
                           'private_street_number' VALUE u.private_street_number,
                           'private_city' VALUE u.private_city,
                           'private_zip' VALUE u.private_zip,
                           'private_db_country_id' VALUE u.private_db_country_id,
                           'private_db_country_code' VALUE country.code,
                           'modified_dateutc' VALUE to_char(u.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                           'allow_hero_app' VALUE u.allow_hero_app,
                           'allow_sales_app' VALUE u.allow_sales_app,
                           'allow_service_app' VALUE u.allow_service_app,
                           'user_group_id' VALUE u.user_group_id
                       ) AS json
                  FROM app_user u
                  LEFT JOIN sales_organization so ON so.id = u.sales_organization_id
                  LEFT JOIN db_country country ON country.id = u.private_db_country_id
            ),
            skill_json AS NOT MATERIALIZED (
                SELECT sk.id, JSON_OBJECT(
                           'id' VALUE sk.id,
                           'name' VALUE sk.name,
                           'description' VALUE sk.description,
                           'code' VALUE sk.code,
                           'sales_organization_id' VALUE sk.sales_organization_id,
                           'sales_organization_code' VALUE so.code,
                           'sales_organization' VALUE (SELECT json FROM sales_organization_json WHERE id = sk.sales_organization_id),
                           'modified_dateutc' VALUE to_char(sk.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                       ) AS json
                  FROM skill sk
                  LEFT JOIN sales_organization so ON so.id = sk.sales_organization_id
            )
            SELECT JSON_OBJECT(
                       'id' VALUE j.id,
                       '_parent_id' VALUE j.parent_id,
                       '_parent_jobs_reference_back_office' VALUE parent.reference_back_office,
                       'project_id' VALUE j.project_id,
                       'project_reference_back_office' VALUE project.reference_back_office,
                       'project' VALUE (SELECT json FROM project_json WHERE id = j.project_id),
                       'job_type_id' VALUE j.job_type_id,
                       'job_type_code' VALUE job_type.code,
                       'job_type' VALUE (SELECT json FROM job_type_json WHERE id = j.job_type_id),
                       'job_priority_id' VALUE j.job_priority_id,
                       'job_priority_code' VALUE job_priority.code,
                       'job_priority' VALUE (SELECT json FROM job_priority_json WHERE id = j.job_priority_id),
                       'job_status_id' VALUE j.job_status_id,
                       'job_status_code' VALUE job_status.code,
                       'db_address_id' VALUE j.db_address_id,
                       'contact_id' VALUE j.contact_id,
                       'requested_by_company_id' VALUE j.requested_by_company_id,
                       'requested_by_contact_id' VALUE j.requested_by_contact_id,
                       'reference_back_office' VALUE j.reference_back_office,
                       'name' VALUE j.name,
                       'description' VALUE j.description,
                       'working_sequence' VALUE j.working_sequence,
                       'internal_memo' VALUE j.internal_memo,
                       'prejob_information' VALUE j.prejob_information,
                       'estimated_time' VALUE j.estimated_time,
                       'earliest_date_plannable' VALUE to_char(j.earliest_date_plannable AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                       'due_date' VALUE to_char(j.due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                       'date_create' VALUE to_char(j.date_create AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                       'date_update' VALUE to_char(j.date_update AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                       'date_closed' VALUE to_char(j.date_closed AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                       'suggested_user_id' VALUE j.suggested_user_id,
                       'suggested_user_code' VALUE suggested_user.code,
                       'suggested_user' VALUE (SELECT json FROM user_json WHERE id = j.suggested_user_id),
                       'suggested_date_start' VALUE to_char(j.suggested_date_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                       'skill_id' VALUE j.skill_id,
                       'skill_code' VALUE skill.code,
                       'skill' VALUE (SELECT json FROM skill_json WHERE id = j.skill_id),
                       'customer_reference' VALUE j.customer_reference,
                       'approval_responsible_user_id' VALUE j.approval_responsible_user_id,
                       'date_reported_by_company' VALUE to_char(j.date_reported_by_company AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                       'id2' VALUE j.id2,
                       'company_id' VALUE j.company_id,
                       'company_code' VALUE company.code,
                       -- the address the job carries itself, filled only for a job on a mobile installation
                       'db_address_name' VALUE j.db_address_name,
                       'db_address_street' VALUE j.db_address_street,
                       'db_address_street2' VALUE j.db_address_street2,
                       'db_address_street_number' VALUE j.db_address_street_number,
                       'db_address_city' VALUE j.db_address_city,
                       'db_address_zip' VALUE j.db_address_zip,
                       'db_address_db_country_id' VALUE j.db_address_db_country_id,
                       'db_address_db_country_code' VALUE address_country.code,
                       'db_address_phone' VALUE j.db_address_phone,
                       'db_address_email' VALUE j.db_address_email,
                       'db_address_latitude_decimal' VALUE j.db_address_latitude_decimal,
                       'db_address_longitude_decimal' VALUE j.db_address_longitude_decimal,
                       'estimated_quantity_remark' VALUE j.estimated_quantity_remark,
                       'modified_dateutc' VALUE to_char(j.modified_dateutc AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
                   )
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
