package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.reference.CountryName;
import com.fieldservice.portal.reference.TranslatedName;
import com.fieldservice.portal.web.Language;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The back office's fixed reads: lookups, quick find, the job's detail and the dashboard. */
public interface BackOfficeDao {


    /** Statuses, types, priorities and skills, with their French and Dutch names, for the filter form and the codes in URLs. */
    @SqlQuery("""
            SELECT l.*, translated_name(l.id, 'fr') AS name_fr, translated_name(l.id, 'nl') AS name_nl
              FROM (SELECT 'status' AS kind, id, code, name, sort_order AS seq, customer_status, is_closed AS closed FROM job_status
                    UNION ALL SELECT 'type', id, code, name, 0, NULL, false FROM job_type
                    UNION ALL SELECT 'priority', id, code, name, sequence, NULL, false FROM job_priority
                    UNION ALL SELECT 'skill', id, code, name, 0, NULL, false FROM skill) l
             ORDER BY kind, seq, name""")
    List<JobSearch.Lookup> lookups();

    /** The planner's idea of how many jobs there are (pg_class.reltuples, kept by ANALYZE): free to read. */
    @SqlQuery("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'jobs'::regclass")
    long estimatedJobCount();

    /**
     * For each pattern (a word, or "word%" for the words it starts), at least how many jobs have
     * a matching search word, from the most common words ANALYZE recorded: the frequency of the
     * most frequent one that matches, times the table's size; 0 for a word not among them.
     */
    @SqlQuery("""
            WITH common AS (
                 SELECT e.word, e.frequency
                   FROM pg_stats s
                  CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(word, frequency)
                  WHERE s.schemaname = current_schema() AND s.tablename = 'jobs' AND s.attname = 'search_vector')
            SELECT coalesce((SELECT max(c.frequency) FROM common c WHERE c.word LIKE w.pattern), 0)
                   * greatest((SELECT reltuples FROM pg_class WHERE oid = 'jobs'::regclass), 0)
              FROM unnest(CAST(:patterns AS text[])) WITH ORDINALITY AS w(pattern, n)
             ORDER BY w.n""")
    List<Double> jobsWithWordsAtLeast(@Bind("patterns") String[] patterns);

    // ------------------------------------------------------------------ quick find

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM jobs WHERE id2 = :number)")
    boolean numberExists(@Bind("number") int number);

    /** Up to two jobs whose customer or back-office reference is exactly this (case-insensitive). */
    @SqlQuery("""
            SELECT id2 FROM jobs WHERE lower(customer_reference) = lower(:ref)
            UNION
            SELECT id2 FROM jobs WHERE lower(reference_back_office) = lower(:ref)
            LIMIT 2""")
    List<Integer> byReference(@Bind("ref") String reference);

    // ------------------------------------------------------------------ detail

    record JobDetail(UUID id, int id2, String name, String description, String internalMemo, String prejobInformation,
                     String estimatedQuantityRemark, String referenceBackOffice, String customerReference,
                     Integer estimatedTime, OffsetDateTime earliestDatePlannable, OffsetDateTime dueDate,
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

    /** The job with everything it points at, and since when its customer awaits a reply, in one statement. */
    @SqlQuery("""
            SELECT j.id, j.id2, j.name, j.description, j.internal_memo, j.prejob_information, j.estimated_quantity_remark,
                   j.reference_back_office, j.customer_reference, j.estimated_time, j.earliest_date_plannable, j.due_date,
                   j.date_create, j.date_update, j.date_closed, j.date_reported_by_company, j.suggested_date_start,
                   j.modified_dateutc, j.version, j.working_sequence,
                   (j.due_date < :today_start AND j.date_closed IS NULL) AS overdue,
                   s.id AS status_id, s.code AS status_code, coalesce(translated_name(s.id, :language), s.name) AS status_name, s.customer_status,
                   s.is_closed AS closed, coalesce(translated_name(t.id, :language), t.name) AS type_name,
                   coalesce(translated_name(pr.id, :language), pr.name) AS priority_name,
                   j.skill_id, coalesce(translated_name(sk.id, :language), sk.name) AS skill_name,
                   person_name(su) AS suggested_user,
                   person_name(ar) AS approval_responsible_user,
                   parent.id2 AS parent_id2, parent.name AS parent_name,
                   c.name AS company_name, c.code AS company_code,
                   person_name(ct) AS contact_name,
                   ct.email AS contact_email, ct.phone AS contact_phone,
                   rc.name AS requested_by_company,
                   person_name(rct) AS requested_by_contact,
                   p.id2 AS installation_id2, p.name AS installation_name, p.reference_back_office AS installation_reference,
                   p.serial_number, p.barcode, coalesce(translated_name(m.id, :language), m.name) AS model_name,
                   coalesce(translated_name(f.id, :language), f.name) AS family_name, b.name AS brand_name,
                   p.location AS installation_location, p.warranty_date_until, coalesce(translated_name(ps.id, :language), ps.name) AS installation_status,
                   p.is_mobile_installation AS mobile_installation,
                   addr.name AS address_name, addr.street AS address_street, addr.street2 AS address_street2,
                   addr.street_number AS address_street_number, addr.zip AS address_zip, addr.city AS address_city,
                   country.name AS address_country, country.code AS address_country_code,
                   addr.phone AS address_phone, addr.email AS address_email,
                   addr.latitude_decimal AS latitude, addr.longitude_decimal AS longitude,
                   j.contact_phone AS reported_phone,
                   (SELECT since FROM job_awaiting_reply WHERE job_id = j.id) AS awaiting_reply_since
              FROM jobs j
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
             WHERE j.id2 = :number""")
    Optional<JobDetail> detail(@Bind("number") int number, @Bind("today_start") OffsetDateTime todayStart,
                               @Bind("language") String language);

    /** The job, its status, type, priority, skill, model and family named in English. */
    default Optional<JobDetail> detail(int number, OffsetDateTime todayStart) {
        return detail(number, todayStart, Language.EN.code());
    }

    record Child(int id2, String name, Integer workingSequence, String statusCode, String statusName,
                 String customerStatus, boolean closed, OffsetDateTime dueDate) {
    }

    @SqlQuery("""
            SELECT ch.id2, ch.name, ch.working_sequence, s.code AS status_code,
                   coalesce(translated_name(s.id, :language), s.name) AS status_name, s.customer_status,
                   s.is_closed AS closed, ch.due_date
              FROM jobs ch JOIN job_status s ON s.id = ch.job_status_id
             WHERE ch.parent_id = :job
             ORDER BY ch.working_sequence NULLS LAST, ch.id2""")
    List<Child> children(@Bind("job") UUID job, @Bind("language") String language);

    record HistoryEntry(OffsetDateTime changedAt, String changedBy, String kind, String changes) {
    }

    @SqlQuery("""
            SELECT changed_at, changed_by, kind, changes::text AS changes
              FROM job_history WHERE job_id = :job ORDER BY changed_at DESC, id DESC LIMIT 500""")
    List<HistoryEntry> history(@Bind("job") UUID job);

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
            UNION ALL SELECT x.id::text, nullif(btrim(concat_ws(' ', x.firstname, x.lastname)), ''), NULL
                        FROM app_user x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT x.id::text, nullif(btrim(concat_ws(' ', x.firstname, x.lastname)), ''), NULL
                        FROM contact x, wanted w WHERE x.id = ANY(w.ids)
            UNION ALL SELECT s.code, coalesce(translated_name(s.id, :language), s.name), NULL
                        FROM job_status s WHERE s.code = ANY(CAST(:codes AS text[]))""")
    List<Named> names(@Bind("ids") String[] ids, @Bind("codes") String[] codes, @Bind("language") String language);

    // ------------------------------------------------------------------ dashboard

    record StatusCount(String code, String name, String customerStatus, long count, String nameFr, String nameNl) {
        public String name(Language language) {
            return TranslatedName.pick(language, name, nameFr, nameNl);
        }
    }

    /** The open jobs by status, in one grouped query over the partial index of open jobs. */
    @SqlQuery("""
            SELECT s.code, s.name, s.customer_status, coalesce(n.count, 0) AS count,
                   translated_name(s.id, 'fr') AS name_fr, translated_name(s.id, 'nl') AS name_nl
              FROM job_status s
              LEFT JOIN (SELECT job_status_id, count(*) AS count FROM jobs WHERE date_closed IS NULL GROUP BY job_status_id) n
                     ON n.job_status_id = s.id
             WHERE NOT s.is_closed
             ORDER BY s.sort_order""")
    List<StatusCount> openByStatus();

    /** Overdue: open, and its due day is over (a job due today is not overdue yet). */
    record Headline(long overdue, long dueThisWeek, long unplanned, long reportedToday) {
    }

    /**
     * The dashboard's headline numbers in one statement. Unplanned: the NOT EXISTS is kept a
     * per-row probe of job_planning's index (OFFSET 0 stops PostgreSQL from turning it into an
     * anti-join that reads all of job_planning), cheap because open jobs are a few percent.
     */
    @SqlQuery("""
            SELECT (SELECT count(*) FROM jobs WHERE date_closed IS NULL AND due_date < :today) AS overdue,
                   (SELECT count(*) FROM jobs WHERE date_closed IS NULL AND due_date >= :week_start AND due_date < :week_end) AS due_this_week,
                   (SELECT count(*) FROM jobs j WHERE j.date_closed IS NULL
                       AND NOT EXISTS (SELECT 1 FROM job_planning pl WHERE pl.job_id = j.id OFFSET 0)) AS unplanned,
                   (SELECT count(*) FROM jobs WHERE requested_by_contact_id IS NOT NULL
                       AND date_reported_by_company >= :today AND date_reported_by_company < :tomorrow) AS reported_today""")
    Headline headline(@Bind("week_start") OffsetDateTime weekStart, @Bind("week_end") OffsetDateTime weekEnd,
                      @Bind("today") OffsetDateTime today, @Bind("tomorrow") OffsetDateTime tomorrow);

    record Week(LocalDate week, long opened, long closed) {
    }

    /**
     * Jobs opened and closed per week (weeks of the business zone, from Monday), the 13 weeks up
     * to this one. The zone is named in the SQL rather than left to the session's TimeZone, which
     * follows whatever machine opened the connection.
     */
    @SqlQuery("""
            WITH weeks AS (
                SELECT CAST(:first_week AS date) + 7 * n AS week FROM generate_series(0, 12) AS n)
            SELECT w.week,
                   coalesce(o.n, 0) AS opened, coalesce(c.n, 0) AS closed
              FROM weeks w
              LEFT JOIN (SELECT date_trunc('week', date_create AT TIME ZONE :zone)::date AS week, count(*) AS n
                           FROM jobs WHERE date_create >= :from GROUP BY 1) o ON o.week = w.week
              LEFT JOIN (SELECT date_trunc('week', date_closed AT TIME ZONE :zone)::date AS week, count(*) AS n
                           FROM jobs WHERE date_closed >= :from GROUP BY 1) c ON c.week = w.week
             ORDER BY w.week""")
    List<Week> weeks(@Bind("first_week") LocalDate firstWeek, @Bind("from") OffsetDateTime from, @Bind("zone") String zone);
}
