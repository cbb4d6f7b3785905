package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.conversation.TimelineDao;
import com.fieldservice.portal.conversation.TimelineEntry;
import com.fieldservice.portal.db.Json;
import com.fieldservice.portal.planning.VisitDao;
import com.fieldservice.portal.reference.CountryName;
import com.fieldservice.portal.web.Language;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The back-office work order's page in one statement: the job with every entity it points at,
 * its children, its visits, its timeline and its history, each list a {@code json_agg} column;
 * then, when its history or a conflict names entities, their names in a second one.
 */
public interface JobPageDao {

    record JobDetail(UUID id, int id2, String name, String description, String internalMemo, String prejobInformation,
                     String estimatedQuantityRemark, String referenceBackOffice, String customerReference,
                     Integer estimatedTime, LocalDate earliestDatePlannable, LocalDate dueDate,
                     OffsetDateTime dateCreate, OffsetDateTime dateUpdate, OffsetDateTime dateClosed,
                     OffsetDateTime dateReportedByCompany, OffsetDateTime suggestedDateStart,
                     OffsetDateTime modifiedDateutc, int version, Integer workingSequence, boolean overdue,
                     UUID statusId, String statusCode, String statusName, String customerStatus, boolean closed,
                     String typeName, String priorityName, UUID skillId, String skillName, String suggestedUser,
                     String approvalResponsibleUser,
                     Integer parentId2, String parentName,
                     String companyName, String companyCode, String contactName, String contactEmail,
                     String contactPhone, String requestedByCompany, String requestedByContact,
                     Integer installationId2, String installationName, String installationReference,
                     String serialNumber, String barcode, String modelName, String familyName, String brandName,
                     String installationLocation, OffsetDateTime warrantyDateUntil, String installationStatus,
                     boolean mobileInstallation,
                     String addressName, String addressStreet, String addressStreet2, String addressStreetNumber,
                     String addressZip, String addressCity, String addressCountry, String addressCountryCode,
                     String addressPhone,
                     String addressEmail, java.math.BigDecimal latitude, java.math.BigDecimal longitude,
                     String reportedPhone, OffsetDateTime awaitingReplySince) {

        /** The address's country in the reader's language. */
        public String addressCountry(Language language) {
            return CountryName.of(language, addressCountryCode, addressCountry);
        }
    }

    record Child(int id2, String name, Integer workingSequence, String statusCode, String statusName,
                 String customerStatus, boolean closed, LocalDate dueDate) {
    }

    record HistoryEntry(OffsetDateTime changedAt, String changedBy, String kind, String changes) {
    }

    /** The work order and the lists its page shows. */
    record JobPage(@Nested JobDetail job, @Json List<Child> children, @Json List<VisitDao.Listed> visits,
                   @Json List<TimelineEntry> timeline, int timelineTotal, @Json List<HistoryEntry> history,
                   int historyTotal) {
    }

    /**
     * The job with everything it points at, since when its customer awaits a reply, and its
     * lists: the children, the visits with their state and whether the technician lacks the
     * job's skill, the timeline as {@link TimelineDao#STAFF_LATEST} reads it (the report and the newest
     * {@code :timelineNewest} other entries), the newest {@code :historyNewest} history entries, and how
     * many entries each holds in all.
     * Its eight names in the reader's language are joined from their own translation tables (the
     * translation, else the name): through translated_name(), which looks in all seven tables at
     * each call, they took 0.9 ms of the statement's 2.4.
     */
    @SqlQuery("""
            SELECT j.id, j.id2, j.name, j.description, j.internal_memo, j.prejob_information, j.estimated_quantity_remark,
                   j.reference_back_office, j.customer_reference, j.estimated_time, j.earliest_date_plannable, j.due_date,
                   j.date_create, j.date_update, j.date_closed, j.date_reported_by_company, j.suggested_date_start,
                   j.modified_dateutc, j.version, j.working_sequence,
                   (j.due_date < :today AND j.date_closed IS NULL) AS overdue,
                   s.id AS status_id, s.code AS status_code, coalesce(s_t.value_translated, s.name) AS status_name, s.customer_status,
                   s.is_closed AS closed, coalesce(t_t.value_translated, t.name) AS type_name,
                   coalesce(pr_t.value_translated, pr.name) AS priority_name,
                   j.skill_id, coalesce(sk_t.value_translated, sk.name) AS skill_name,
                   person_name(su) AS suggested_user,
                   person_name(ar) AS approval_responsible_user,
                   parent.id2 AS parent_id2, parent.name AS parent_name,
                   c.name AS company_name, c.code AS company_code,
                   person_name(ct) AS contact_name,
                   ct.email AS contact_email, ct.phone AS contact_phone,
                   rc.name AS requested_by_company,
                   person_name(rct) AS requested_by_contact,
                   p.id2 AS installation_id2, p.name AS installation_name, p.reference_back_office AS installation_reference,
                   p.serial_number, p.barcode, coalesce(m_t.value_translated, m.name) AS model_name,
                   coalesce(f_t.value_translated, f.name) AS family_name, b.name AS brand_name,
                   p.location AS installation_location, p.warranty_date_until, coalesce(ps_t.value_translated, ps.name) AS installation_status,
                   p.is_mobile_installation AS mobile_installation,
                   addr.name AS address_name, addr.street AS address_street, addr.street2 AS address_street2,
                   addr.street_number AS address_street_number, addr.zip AS address_zip, addr.city AS address_city,
                   country.name AS address_country, country.code AS address_country_code,
                   addr.phone AS address_phone, addr.email AS address_email,
                   addr.latitude_decimal AS latitude, addr.longitude_decimal AS longitude,
                   j.contact_phone AS reported_phone,
                   (SELECT since FROM job_awaiting_reply WHERE job_id = j.id) AS awaiting_reply_since,
                   (SELECT json_agg(c ORDER BY c.working_sequence NULLS LAST, c.id2)
                      FROM (SELECT ch.id2, ch.name, ch.working_sequence, cs.code AS status_code,
                                   coalesce(cs_t.value_translated, cs.name) AS status_name, cs.customer_status,
                                   cs.is_closed AS closed, ch.due_date
                              FROM jobs ch JOIN job_status cs ON cs.id = ch.job_status_id
                              LEFT JOIN job_status_translation cs_t ON cs_t.job_status_id = cs.id AND cs_t.field_name = 'name'
                                                                   AND cs_t.language_code = :language
                             WHERE ch.parent_id = j.id) c) AS children,
                   (SELECT json_agg(v ORDER BY v.date_start, v.id)
                      FROM (SELECT pl.id, u.id AS technician_id, person_name(u) AS technician, u.code AS technician_code,
                                   pl.date_start, pl.date_end, s.visit_state AS state,
                                   (j.skill_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user_skill us
                                     WHERE us.app_user_id = u.id AND us.skill_id = j.skill_id)) AS lacks_skill
                              FROM job_planning pl JOIN app_user u ON u.id = pl.app_user_id
                             WHERE pl.job_id = j.id) v) AS visits,
                   tl.timeline, tl.timeline_total,
                   (SELECT json_agg(h ORDER BY h.changed_at DESC, h.id DESC)
                      FROM (SELECT id, changed_at, changed_by, kind, changes::text AS changes FROM job_history
                             WHERE job_id = j.id ORDER BY changed_at DESC, id DESC LIMIT :historyNewest) h) AS history,
                   (SELECT count(*) FROM job_history WHERE job_id = j.id) AS history_total
              FROM jobs j
              """ + TimelineDao.STAFF_LATEST + """
              JOIN job_status s ON s.id = j.job_status_id
              JOIN job_type t ON t.id = j.job_type_id
              JOIN company c ON c.id = j.company_id
              JOIN project p ON p.id = j.project_id
              LEFT JOIN job_priority pr ON pr.id = j.job_priority_id
              LEFT JOIN skill sk ON sk.id = j.skill_id
              LEFT JOIN app_user su ON su.id = j.suggested_user_id
              LEFT JOIN app_user ar ON ar.id = j.approval_responsible_user_id
              LEFT JOIN jobs parent ON parent.id = j.parent_id
              LEFT JOIN contact ct ON ct.id = coalesce(j.contact_id, p.contact_id)
              LEFT JOIN company rc ON rc.id = j.requested_by_company_id
              LEFT JOIN contact rct ON rct.id = j.requested_by_contact_id
              LEFT JOIN equipment_model m ON m.id = p.equipment_model_id
              LEFT JOIN equipment_family f ON f.id = coalesce(p.equipment_family_id, m.equipment_family_id)
              LEFT JOIN equipment_brand b ON b.id = m.equipment_brand_id
              LEFT JOIN project_status ps ON ps.id = p.project_status_id
              LEFT JOIN LATERAL job_address(j) addr ON true
              LEFT JOIN db_country country ON country.id = addr.db_country_id
              LEFT JOIN job_status_translation s_t ON s_t.job_status_id = s.id AND s_t.field_name = 'name' AND s_t.language_code = :language
              LEFT JOIN job_type_translation t_t ON t_t.job_type_id = t.id AND t_t.field_name = 'name' AND t_t.language_code = :language
              LEFT JOIN job_priority_translation pr_t ON pr_t.job_priority_id = pr.id AND pr_t.field_name = 'name'
                                                     AND pr_t.language_code = :language
              LEFT JOIN skill_translation sk_t ON sk_t.skill_id = sk.id AND sk_t.field_name = 'name' AND sk_t.language_code = :language
              LEFT JOIN equipment_model_translation m_t ON m_t.equipment_model_id = m.id AND m_t.field_name = 'name'
                                                       AND m_t.language_code = :language
              LEFT JOIN equipment_family_translation f_t ON f_t.equipment_family_id = f.id AND f_t.field_name = 'name'
                                                        AND f_t.language_code = :language
              LEFT JOIN project_status_translation ps_t ON ps_t.project_status_id = ps.id AND ps_t.field_name = 'name'
                                                       AND ps_t.language_code = :language
             WHERE j.id2 = :number""")
    Optional<JobPage> page(@Bind("number") int number, @Bind("today") LocalDate today,
                           @Bind("language") String language, @Bind("timelineNewest") int timelineNewest,
                           @Bind("historyNewest") int historyNewest);

    /** How many history entries the page shows unless the whole history is asked for; and at most. */
    int HISTORY_SHOWN = 20;
    int HISTORY_MOST = 500;

    /** A name by its key; {@code countryCode} for a country, which the reader's language names. */
    record Named(String key, String name, String countryCode) {
        public String name(Language language) {
            return countryCode == null ? name : CountryName.of(language, countryCode, name);
        }
    }

    /**
     * The names that a history's values point at, in one statement for the whole history: the
     * entities by GUID (a type, a person, an installation...) and the statuses by code.
     */
    @SqlQuery("""
            WITH wanted AS (SELECT CAST(:ids AS uuid[]) AS ids)
            SELECT t.id::text AS key, coalesce(translated_name(t.id, :language), t.name) AS name,
                   NULL::text AS country_code
              FROM job_type t, wanted w WHERE t.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, coalesce(translated_name(x.id, :language), x.name), NULL
                        FROM job_priority x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, coalesce(translated_name(x.id, :language), x.name), NULL
                        FROM skill x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, x.name, NULL FROM company x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, x.name, x.code FROM db_country x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, x.name, NULL FROM project x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, x.id2 || ' · ' || x.name, NULL FROM jobs x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, person_name(x), NULL
                        FROM app_user x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, person_name(x), NULL
                        FROM contact x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT s.code, coalesce(translated_name(s.id, :language), s.name), NULL
                        FROM job_status s WHERE s.code = ANY(CAST(:codes AS text[]))""")
    List<Named> names(@Bind("ids") String[] ids, @Bind("codes") String[] codes, @Bind("language") String language);

}
