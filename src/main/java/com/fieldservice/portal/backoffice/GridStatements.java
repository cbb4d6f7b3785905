package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.conversation.ReplyStateDao;
import org.jdbi.v3.core.statement.Query;

/**
 * The job grid's statements, as {@link JobSearch} composes them: the page (at once, or its
 * numbers first from an index), the count of matches and the CSV export, with the sort's
 * attributes they share.
 */
final class GridStatements {

    private GridStatements() {
    }

    /**
     * The technician a line shows: the suggested one, else the nearest planned visit's (the next,
     * else the last). A subquery rather than a join, so that PostgreSQL works it out only for the
     * lines of the page (it postpones costly output columns past ORDER BY ... LIMIT), not for
     * every job that matches, unless the page is sorted on it.
     */
    static final String TECHNICIAN_NAME = """
            (SELECT person_name(u)
               FROM app_user u
              WHERE u.id = coalesce(j.suggested_user_id, (
                    SELECT pl.app_user_id FROM job_planning pl WHERE pl.job_id = j.id
                     ORDER BY pl.date_start < now(), abs(extract(epoch FROM pl.date_start - now())) LIMIT 1)))""";

    /**
     * The grid's lines are read in two steps, in one statement. First the jobs of the page
     * ({@link #SELECT_JOBS}: filtered, ordered and limited on the jobs table alone, plus the one
     * table a sort may need), then their company and installation ({@link #LINES_FROM}). A
     * technician's five thousand jobs are sorted before 26 of them are joined, not after all are.
     * Type, priority and status come as ids, named from the cached lookups: joining those three
     * small tables made the planner weigh eight tables' join orders, 5 ms per page, more than
     * running the query.
     */
    static final String SELECT_LINES = """
            SELECT j.id2, j.name, c.name AS company_name, c.code AS company_code, p.id2 AS installation_id2,
                   p.name AS installation_name, j.job_type_id AS type_id, j.job_priority_id AS priority_id,
                   j.job_status_id AS status_id, j.due_date, (j.due_date < :today AND j.date_closed IS NULL) AS overdue,
                  \s""" + TECHNICIAN_NAME + """
            \sAS technician, j.customer_reference, j.reference_back_office, j.modified_dateutc,
                   j.sort_key,\s""" + ReplyStateDao.AWAITING_COLUMN + """
             AS awaiting_reply
              FROM (""";

    /** The page's jobs: {@code <sortKey>} is the sort key as text (for the page links), {@code <sortValue>} the key itself, {@code <sortJoin>} the sort's table, {@code <jobs>} the jobs table or the few jobs found by number. */
    static final String SELECT_JOBS = """
            SELECT j.id, j.id2, j.name, j.company_id, j.project_id, j.job_type_id, j.job_priority_id, j.job_status_id,
                   j.due_date, j.date_closed, j.suggested_user_id, j.customer_reference, j.reference_back_office,
                   j.modified_dateutc, <sortKey> AS sort_key, <sortValue> AS sort_value
              FROM <jobs> j<sortJoin>
             WHERE true""";

    static final String LINES_FROM = """
            ) j
              JOIN company c ON c.id = j.company_id
              JOIN project p ON p.id = j.project_id""";

    /** A page of lines: the jobs of the page ({@code <where>}, {@code <order>}, {@code <limit>}), then their lines in the same order. */
    static final String PAGE = SELECT_LINES + SELECT_JOBS + "<where><order> LIMIT <limit>" + LINES_FROM + "<linesOrder>";
    /**
     * The same page in two steps, when the filters can be checked on the order's index alone
     * ({@link Where#pageByIndex}): the page's numbers from an index-only walk (the inner
     * {@code <where>}, the sort columns and id2 are all in the index), then those jobs by number.
     * Read at once, every job the walk passes over would be fetched from the table to be checked.
     */
    static final String PAGE_BY_INDEX = SELECT_LINES + SELECT_JOBS
            + " AND j.id2 IN (SELECT j.id2 FROM jobs j WHERE true<where><order> LIMIT <limit>)" + LINES_FROM + "<linesOrder>";
    /**
     * The same page when its jobs are a set of numbers with their due dates and nothing else
     * ({@link Where#onlyJobNumbers}, a technician's), sorted by number or by due date: the page's
     * numbers are the set's, sorted and limited ({@code <where>} holds only the page's keyset, on
     * {@code j.id2} and {@code j.due_date}); no job is read but the page's.
     */
    static final String PAGE_BY_NUMBERS = SELECT_LINES + SELECT_JOBS + " AND j.id2 IN (SELECT j.id2 FROM <numbers> j(id2, due_date)"
            + " WHERE true<where> GROUP BY j.id2, j.due_date<order> LIMIT <limit>)" + LINES_FROM + "<linesOrder>";
    /** Every line of the list, in order, for the CSV. */
    static final String EXPORT = SELECT_LINES + SELECT_JOBS + "<where>" + LINES_FROM + "<linesOrder>";
    /**
     * The counts' last columns: the planner's settings of {@link JobSearch#matches} put back for the
     * page, and with no more matches than the cap, the page's plan kept per connection: it reads
     * those jobs by number ({@link JobSearch#page}), whatever the filters were.
     */
    private static final String SETTINGS_BACK =
            " set_config('enable_seqscan', 'on', true) AS seqscan, set_config('gin_fuzzy_search_limit', '0', true) AS fuzzy,"
            + " set_config('plan_cache_mode', CASE WHEN count(*) <= <cap> THEN 'force_generic_plan'"
            + " ELSE current_setting('plan_cache_mode') END, true) AS plans";

    /**
     * How many jobs match, up to {@code <limit>}, and their numbers when they are no more than
     * {@code <cap>}: one line, not a thousand, whatever the count. Its last step, once every match
     * is counted, puts the planner's settings of {@link JobSearch#matches} back for the page. That makes it
     * parallel unsafe too (set_config), which suits it: under its rule against sequential scans the
     * planner costed parallel plans far too low, and their workers cost more than they saved.
     */
    static final String MATCHES = "SELECT count(*) AS found, CASE WHEN count(*) <= <cap>"
            + " THEN coalesce(array_agg(m.id2), '{}') END AS numbers," + SETTINGS_BACK + "<estimate>"
            + " FROM (SELECT j.id2 FROM jobs j WHERE true<where> LIMIT <limit>) m";
    /** The {@code <estimate>} of {@link #MATCHES} for the full list: the planner's idea of the table's size (pg_class.reltuples, kept by ANALYZE). */
    static final String ESTIMATE = ", (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'jobs'::regclass) AS estimate";
    static final String NO_ESTIMATE = "";

    /**
     * The same count for a set of job ids that is the only condition ({@code <ids>}, see
     * {@link Where#onlyJobIds}): the distinct ids are counted on their own, and only when they are
     * no more than {@code <cap>} are their numbers looked up, rather than a number for every id
     * counted (a technician's thousand jobs, 3,800 buffers instead of 170).
     *
     * <p>Telling distinct ids needs all of them, and the technicians a name matches ("Smit") have
     * 35,000 visits: 10 ms to read, to say "More than 1,000". So the first {@code <sample>} ids are
     * read first ({@link #SAMPLE} times the cap: a job appears once per visit, and once more as a
     * suggestion). All the ids are read only when that sample is full yet holds no more than the
     * cap of distinct jobs, most of them having come twice or more.
     */
    static final String MATCHES_OF_IDS = """
            WITH sample AS MATERIALIZED (SELECT s.id FROM <ids> s(id) LIMIT <sample>),
                 seen AS MATERIALIZED (SELECT DISTINCT id FROM sample LIMIT <limit>)
            SELECT count(*) AS found, CASE WHEN count(*) <= <cap>
                   THEN (SELECT coalesce(array_agg(j.id2), '{}') FROM jobs j WHERE j.id = ANY (array_agg(m.id))) END AS numbers,
            """ + SETTINGS_BACK + "\n" + """
              FROM (SELECT id FROM seen
                     WHERE (SELECT count(*) FROM seen) > <cap> OR (SELECT count(*) FROM sample) < <sample>
                    UNION ALL
                    SELECT id FROM (SELECT DISTINCT s.id FROM <ids> s(id) LIMIT <limit>) all_ids
                     WHERE (SELECT count(*) FROM seen) <= <cap> AND (SELECT count(*) FROM sample) = <sample>) m""";
    /** How many times the count cap of ids {@link #MATCHES_OF_IDS} reads first. */
    static final int SAMPLE = 4;

    /** Defines the sort's key, its table and the lines' order (the same as the jobs' inside). */
    static Query sorted(Query query, JobSort sort, boolean ascending) {
        String dir = ascending ? " ASC" : " DESC";
        return query.define("jobs", "jobs").define("sortKey", sort.keyText()).define("sortValue", sort.sql()).define("sortJoin", sort.join())
                .define("linesOrder", " ORDER BY j.sort_value" + dir + ", j.id2" + dir);
    }
}
