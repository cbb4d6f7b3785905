package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.reference.TranslatedName;
import com.fieldservice.portal.web.Language;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The back office's fixed reads: lookups, quick find and the dashboard ({@link JobPageDao}: the work order's page). */
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
                   (SELECT count(*) FROM jobs WHERE date_closed IS NULL AND due_date >= :week_start AND due_date <= :week_last) AS due_this_week,
                   (SELECT count(*) FROM jobs j WHERE j.date_closed IS NULL
                       AND NOT EXISTS (SELECT 1 FROM job_planning pl WHERE pl.job_id = j.id OFFSET 0)) AS unplanned,
                   (SELECT count(*) FROM jobs WHERE requested_by_contact_id IS NOT NULL
                       AND date_reported_by_company >= :today_start AND date_reported_by_company < :tomorrow_start) AS reported_today""")
    Headline headline(@Bind("week_start") LocalDate weekStart, @Bind("week_last") LocalDate weekLast,
                      @Bind("today") LocalDate today, @Bind("today_start") OffsetDateTime todayStart,
                      @Bind("tomorrow_start") OffsetDateTime tomorrowStart);

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
