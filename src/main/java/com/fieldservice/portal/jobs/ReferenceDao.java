package com.fieldservice.portal.jobs;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Resolves the references a work order names, by GUID or by ERP code, for validation. */
public interface ReferenceDao {

    record Installation(UUID id, UUID companyId, boolean isMobileInstallation, String name, boolean closed) {
    }

    record ParentJob(UUID id, UUID parentId) {
    }

    @SqlQuery("""
            SELECT p.id, p.company_id, p.is_mobile_installation, p.name, coalesce(ps.is_closed, false) AS closed
              FROM project p LEFT JOIN project_status ps ON ps.id = p.project_status_id
             WHERE p.id = :id OR (CAST(:id AS uuid) IS NULL AND p.reference_back_office = :code)""")
    Optional<Installation> installation(@Bind("id") UUID id, @Bind("code") String code);

    /** The GUID of a lookup row (job_type, job_priority, skill, app_user, db_country) found by GUID or by code. */
    @SqlQuery("SELECT id FROM <table> WHERE id = :id OR (CAST(:id AS uuid) IS NULL AND code = :code)")
    Optional<UUID> lookup(@Define("table") String table, @Bind("id") UUID id, @Bind("code") String code);

    @SqlQuery("SELECT company_id FROM contact WHERE id = :id AND NOT archived")
    Optional<UUID> contactCompany(@Bind("id") UUID id);

    @SqlQuery("SELECT id FROM company WHERE id = :id")
    Optional<UUID> company(@Bind("id") UUID id);

    @SqlQuery("""
            SELECT id, parent_id FROM jobs
             WHERE id = :id OR (CAST(:id AS uuid) IS NULL AND reference_back_office = :code)""")
    Optional<ParentJob> job(@Bind("id") UUID id, @Bind("code") String code);

    @SqlQuery("SELECT name FROM job_type WHERE id = :id")
    String jobTypeName(@Bind("id") UUID id);

    @SqlQuery("SELECT id FROM job_type WHERE is_default")
    Optional<UUID> defaultJobType();

    @SqlQuery("SELECT id FROM job_priority WHERE is_default")
    Optional<UUID> defaultJobPriority();

}
