package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.time.BusinessClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The job grid's SQL. The filters are many and each optional, so the WHERE clause is composed
 * here (every value bound, never spliced) rather than written out beside a DAO method; the
 * fixed lookups live in {@link BackOfficeDao}. One place builds the filter, the order and the
 * keyset condition for the page, the count and the CSV, so the three always agree.
 *
 * <p>Performance at a million jobs: the default view walks the unique index on id2 backwards
 * and stops after one page; filters use the indexes of V2 and V6 (status+id2, company+id2, the
 * partial indexes over open jobs, the GIN index on search_vector). The count is capped: counting
 * a million rows exactly costs some 150 ms every time, while "10,000+" is as useful to a planner;
 * for the unfiltered list the page adds the planner's estimate of the table size. Common search
 * words are weighed with the column's statistics first ({@link SearchWords}): one alone is not
 * counted, and beside rarer words it is checked rather than looked up in the index.
 */
public final class JobSearch {

    /**
     * Beyond this many matches the grid says "More than 1,000" rather than count on: a planner
     * narrows a list that long, and counting a common word's ten thousand matches cost a
     * quarter of a second at a million jobs.
     */
    public static final int COUNT_CAP = 1_000;
    /** Up to this many matches, the page reads them by number (see {@link #page}). */
    static final int FEW = COUNT_CAP;

    /** A value of a lookup table (status, type, priority, skill) or a technician. */
    public record Lookup(String kind, UUID id, String code, String name, int seq, String customerStatus, boolean closed) {
    }

    /** One line of the grid as the query reads it: the lookups by id, named from {@link #lookups}. */
    public record Listed(int id2, String name, String companyName, String companyCode, Integer installationId2,
                         String installationName, UUID typeId, UUID priorityId, UUID statusId, OffsetDateTime dueDate,
                         boolean overdue, String technician, String customerReference, String referenceBackOffice,
                         OffsetDateTime modifiedDateutc, String sortKey) {
    }

    /** One line of the grid. */
    public record Row(int id2, String name, String companyName, String companyCode, Integer installationId2,
                      String installationName, String typeName, String priorityName, String statusCode,
                      String statusName, String customerStatus, boolean closed, OffsetDateTime dueDate,
                      boolean overdue, String technician, String customerReference, String referenceBackOffice,
                      OffsetDateTime modifiedDateutc, String sortKey) {
    }

    /** How many jobs match: exact up to the cap; {@code estimate} is the planner's guess for the whole table. */
    public record Count(long value, boolean capped, Long estimate) {
    }

    public record Page(List<Row> rows, String previousLink, String nextLink) {
    }

    /** A grid request ready to become SQL: the query, the lookups its codes name, its search words weighed. */
    public record Prepared(JobQuery query, List<Lookup> lookups, SearchWords words) {

        /** The grid's line, with the type, priority and status named. */
        Row row(Listed listed) {
            Lookup type = byId(listed.typeId());
            Lookup priority = byId(listed.priorityId());
            Lookup status = byId(listed.statusId());
            return new Row(listed.id2(), listed.name(), listed.companyName(), listed.companyCode(),
                    listed.installationId2(), listed.installationName(), type == null ? null : type.name(),
                    priority == null ? null : priority.name(), status == null ? null : status.code(),
                    status == null ? null : status.name(), status == null ? null : status.customerStatus(),
                    status != null && status.closed(), listed.dueDate(), listed.overdue(), listed.technician(),
                    listed.customerReference(), listed.referenceBackOffice(), listed.modifiedDateutc(), listed.sortKey());
        }

        private Lookup byId(UUID id) {
            return id == null ? null : lookups.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
        }

        /** Whether every type, priority and status these lines name is in the (cached) lookups. */
        boolean knowsAll(List<Listed> lines) {
            return lines.stream().allMatch(line -> byId(line.typeId()) != null && byId(line.statusId()) != null
                    && (line.priorityId() == null || byId(line.priorityId()) != null));
        }

        Prepared withLookups(List<Lookup> fresh) {
            return new Prepared(query, fresh, words);
        }
    }

    private final Jdbi jdbi;
    /** The days of the date filters and of "reported today" are local days of the business zone. */
    private final BusinessClock clock;

    public JobSearch(Jdbi jdbi, BusinessClock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** How long the lookups are reused: they change when an administrator edits a status or a type. */
    private static final long LOOKUPS_TTL_NANOS = 30_000_000_000L;
    private record CachedLookups(List<Lookup> lookups, long loadedAt) {
    }
    private volatile CachedLookups cached;

    /**
     * The lookups (one small query, then reused for 30 s, unless {@code fresh}), for the filter
     * form, to turn codes into ids and to name each line's type, priority and status.
     */
    private List<Lookup> lookups(Handle handle, boolean fresh) {
        CachedLookups current = cached;
        long now = System.nanoTime();
        if (fresh || current == null || now - current.loadedAt() > LOOKUPS_TTL_NANOS) {
            current = new CachedLookups(List.copyOf(handle.attach(BackOfficeDao.class).lookups()), now);
            cached = current;
        }
        return current.lookups();
    }

    /** Reads what the SQL of this query depends on: the lookups, and how common its search words are. */
    public Prepared prepare(Handle handle, JobQuery query) {
        List<String> words = SearchWords.parse(query.q);
        List<Double> atLeast = words.isEmpty() ? List.of() : handle.attach(BackOfficeDao.class)
                .jobsWithWordsAtLeast(words.stream().map(SearchWords::likePattern).toArray(String[]::new));
        return new Prepared(query, lookups(handle, false), SearchWords.weigh(words, atLeast));
    }

    /**
     * One page of the list; call inside a transaction. The statement is planned for its actual
     * values every time (never a generic plan: whether a word matches ten jobs or a hundred
     * thousand decides between the full-text index and walking id2 backwards).
     */
    public Page page(Handle handle, Prepared search, Matches matches) {
        JobQuery query = search.query();
        handle.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        Sql sql = new Sql();
        sql.bind("today_start", todayStart()).append(SELECT_LINES).append(SELECT_JOBS);
        filter(sql, search);
        if (matches.numbers() != null && matches.numbers().size() <= FEW) {
            // few matches (a rare word, a reference): read them by number, then sort them, rather
            // than walk the whole list in order hoping to meet them
            sql.bindInts("matching", matches.numbers()).append(" AND j.id2 = ANY (:matching)");
        }
        boolean backwards = query.beforeId != null;
        if (query.afterId != null || query.beforeId != null) {
            keyset(sql, query, backwards ? query.beforeId : query.afterId, backwards);
        }
        boolean asc = query.ascending != backwards;
        orderBy(sql, query.sort, asc);
        sql.append(" LIMIT ").append(String.valueOf(query.size + 1)).append(LINES_FROM).append(linesOrder(asc));
        List<Listed> lines = sql.query(handle).setFetchSize(query.size + 1).map(ConstructorMapper.of(Listed.class)).list();
        if (!search.knowsAll(lines)) {
            // a type or status added in the last seconds: read the lookups again
            search = search.withLookups(lookups(handle, true));
        }
        List<Row> rows = new ArrayList<>(lines.stream().map(search::row).toList());
        boolean more = rows.size() > query.size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        String previous = null;
        String next = null;
        if (!rows.isEmpty()) {
            Row first = rows.get(0);
            Row last = rows.get(rows.size() - 1);
            boolean hasPrevious = backwards ? more : query.afterId != null;
            boolean hasNext = backwards || more;
            if (hasPrevious) {
                previous = query.pageLink("before", first.id2(), first.sortKey());
            }
            if (hasNext) {
                next = query.pageLink("after", last.id2(), last.sortKey());
            }
        } else if (query.isPaged()) {
            // past either end (rows changed meanwhile): offer the first page
            previous = query.firstPageLink();
        }
        return new Page(rows, previous, next);
    }

    /**
     * The jobs that match, up to {@link #COUNT_CAP} + 1 of them (their numbers, in no order);
     * call inside a transaction. A sequential scan is ruled out: with LIMIT the planner bets that
     * matches come early in the table, and for a common word that bet reads half a million rows;
     * through the indexes (full-text, status, company, open jobs...) it stops after the cap.
     */
    public Matches matches(Handle handle, Prepared search) {
        JobQuery query = search.query();
        if (query.isTextOnly() && search.words().isOneCommonWord()) {
            // the statistics say this word alone is in ten times more jobs than the cap (see
            // SearchWords): a word a planner types most ("boiler") is not counted on every search
            return new Matches(new Count(COUNT_CAP, true, null), null);
        }
        // The full-text index need not list all fifty thousand jobs that mention "boiler" to tell
        // that more than COUNT_CAP do: past twice the cap it hands over a sample, which is enough
        // for "More than 1,000", while every count below the cap stays exact.
        handle.createQuery("SELECT set_config('enable_seqscan', 'off', true) AS seqscan, "
                + "set_config('gin_fuzzy_search_limit', '" + 2 * COUNT_CAP + "', true) AS fuzzy, "
                + "set_config('plan_cache_mode', 'force_custom_plan', true) AS plans").mapToMap().one();
        Sql sql = new Sql();
        sql.append("SELECT j.id2 FROM jobs j WHERE true");
        filter(sql, search);
        sql.append(" LIMIT ").append(String.valueOf(COUNT_CAP + 1));
        List<Integer> numbers = sql.query(handle).setFetchSize(COUNT_CAP + 1).mapTo(Integer.class).list();
        handle.createQuery("SELECT set_config('enable_seqscan', 'on', true) AS seqscan, "
                + "set_config('gin_fuzzy_search_limit', '0', true) AS fuzzy").mapToMap().one();
        boolean capped = numbers.size() > COUNT_CAP;
        Long estimate = null;
        if (capped && !query.isFiltered()) {
            estimate = handle.attach(BackOfficeDao.class).estimatedJobCount();
        }
        return new Matches(new Count(capped ? COUNT_CAP : numbers.size(), capped, estimate), capped ? null : numbers);
    }

    /** The count, and the matching numbers when there are few enough to name. */
    public record Matches(Count count, List<Integer> numbers) {
    }

    /**
     * Every row of the filtered list in the grid's order, read through a server-side cursor (a
     * transaction and a fetch size, so PostgreSQL hands them over in batches) and passed on one
     * by one: memory stays flat however many rows match.
     */
    public void stream(JobQuery query, Consumer<Row> sink) {
        jdbi.useTransaction(handle -> {
            handle.execute("SET LOCAL statement_timeout = '10min'");
            // an export names every line's type and status: no lookups older than the export
            Prepared search = prepare(handle, query).withLookups(lookups(handle, true));
            Sql sql = new Sql();
            sql.bind("today_start", todayStart()).append(SELECT_LINES).append(SELECT_JOBS);
            filter(sql, search);
            sortKey(sql, query.sort);
            sql.append(LINES_FROM).append(linesOrder(query.ascending));
            try (Stream<Listed> lines = sql.query(handle).setFetchSize(1_000).map(ConstructorMapper.of(Listed.class)).stream()) {
                lines.map(search::row).forEach(sink);
            }
        });
    }

    // ------------------------------------------------------------------ SQL pieces

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
    private static final String SELECT_LINES = """
            SELECT j.id2, j.name, c.name AS company_name, c.code AS company_code, p.id2 AS installation_id2,
                   p.name AS installation_name, j.job_type_id AS type_id, j.job_priority_id AS priority_id,
                   j.job_status_id AS status_id, j.due_date, (j.due_date < :today_start AND j.date_closed IS NULL) AS overdue,
                   %TECHNICIAN% AS technician, j.customer_reference, j.reference_back_office, j.modified_dateutc,
                   j.sort_key
              FROM (""".replace("%TECHNICIAN%", TECHNICIAN_NAME);

    /** The page's jobs; %s is the sort key as text (for the page links), %VALUE% the key itself, %JOIN% the sort's table. */
    private static final String SELECT_JOBS = """
            SELECT j.id, j.id2, j.name, j.company_id, j.project_id, j.job_type_id, j.job_priority_id, j.job_status_id,
                   j.due_date, j.date_closed, j.suggested_user_id, j.customer_reference, j.reference_back_office,
                   j.modified_dateutc, %s AS sort_key, %VALUE% AS sort_value
              FROM jobs j%JOIN%
             WHERE true""";

    private static final String LINES_FROM = """
            ) j
              JOIN company c ON c.id = j.company_id
              JOIN project p ON p.id = j.project_id""";

    /** The lines' order, the same as the jobs' inside. */
    private static String linesOrder(boolean ascending) {
        String dir = ascending ? " ASC" : " DESC";
        return " ORDER BY j.sort_value" + dir + ", j.id2" + dir;
    }

    private static String sortKeyText(JobSort sort) {
        return switch (sort.kind()) {
            case TIMESTAMP -> "CASE WHEN " + sort.sql() + " = 'infinity' THEN 'infinity' ELSE to_char(" + sort.sql()
                    + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') END";
            case INTEGER, TEXT -> "(" + sort.sql() + ")::text";
        };
    }

    private static String castKey(JobSort sort) {
        return switch (sort.kind()) {
            case INTEGER -> "CAST(:cursor_key AS integer)";
            case TIMESTAMP -> "CAST(:cursor_key AS timestamptz)";
            case TEXT -> "CAST(:cursor_key AS text)";
        };
    }

    private static void keyset(Sql sql, JobQuery query, int id2, boolean backwards) {
        boolean greater = query.ascending != backwards;
        String op = greater ? ">" : "<";
        sql.bind("cursor_id", id2);
        if (query.sort == JobSort.NUMBER) {
            sql.append(" AND j.id2 ").append(op).append(" :cursor_id");
        } else {
            sql.bind("cursor_key", query.sort.kind() == JobSort.Kind.TIMESTAMP ? keyTimestamp(query.cursorKey) : query.cursorKey);
            sql.append(" AND (").append(query.sort.sql()).append(", j.id2) ").append(op)
                    .append(" (").append(castKey(query.sort)).append(", :cursor_id)");
        }
    }

    private static void sortKey(Sql sql, JobSort sort) {
        sql.format(sortKeyText(sort), sort.sql(), sort.join());
    }

    private static void orderBy(Sql sql, JobSort sort, boolean ascending) {
        String dir = ascending ? " ASC" : " DESC";
        sortKey(sql, sort);
        if (sort == JobSort.NUMBER) {
            sql.append(" ORDER BY j.id2").append(dir);
        } else {
            sql.append(" ORDER BY ").append(sort.sql()).append(dir).append(", j.id2").append(dir);
        }
    }

    /** The WHERE conditions of every filter; an unknown code matches nothing (and says so). */
    private void filter(Sql sql, Prepared search) {
        JobQuery query = search.query();
        List<Lookup> lookups = search.lookups();
        if (query.q != null) {
            text(sql, query.q, search.words());
        }
        if (query.ref != null) {
            sql.bind("ref", query.ref.toLowerCase(Locale.ROOT));
            sql.append(" AND (lower(j.customer_reference) = :ref OR lower(j.reference_back_office) = :ref)");
        }
        if (!query.statuses.isEmpty()) {
            List<UUID> ids = new ArrayList<>();
            for (String code : query.statuses) {
                find(lookups, "status", code).ifPresentOrElse(l -> ids.add(l.id()),
                        () -> query.errors.add("bo.filter.error.unknownStatus"));
            }
            sql.bindList("status_ids", ids);
            sql.append(" AND j.job_status_id = ANY (:status_ids)");
        }
        if (query.open) {
            // date_closed is set exactly when the status is closed (the jobs trigger keeps it so)
            sql.append(" AND j.date_closed IS NULL");
        }
        lookupFilter(sql, query, lookups, "type", query.type, "j.job_type_id");
        lookupFilter(sql, query, lookups, "priority", query.priority, "j.job_priority_id");
        lookupFilter(sql, query, lookups, "skill", query.skill, "j.skill_id");
        if (query.company != null) {
            Optional<UUID> id = uuid(query.company);
            if (id.isPresent()) {
                sql.bind("company_id", id.get()).append(" AND j.company_id = :company_id");
            } else {
                sql.bind("company_code", query.company)
                        .append(" AND j.company_id = (SELECT id FROM company WHERE code = :company_code)");
            }
        }
        if (query.installation != null) {
            Optional<UUID> id = uuid(query.installation);
            if (id.isPresent()) {
                sql.bind("project_id", id.get()).append(" AND j.project_id = :project_id");
            } else if (query.installation.matches("\\d{1,9}")) {
                sql.bind("project_id2", Integer.parseInt(query.installation))
                        .append(" AND j.project_id = (SELECT id FROM project WHERE id2 = :project_id2)");
            } else {
                sql.bind("project_ref", query.installation)
                        .append(" AND j.project_id = (SELECT id FROM project WHERE reference_back_office = :project_ref)");
            }
        }
        if (query.technician != null) {
            Optional<UUID> id = uuid(query.technician);
            if (id.isPresent()) {
                sql.bind("technician", id.get());
            } else {
                sql.bind("technician_code", query.technician);
            }
            String technician = id.isPresent() ? ":technician" : "(SELECT id FROM app_user WHERE code = :technician_code)";
            sql.append(" " + """
                     AND j.id IN (SELECT pl.job_id FROM job_planning pl WHERE pl.app_user_id = %1$s
                                  UNION ALL
                                  SELECT sj.id FROM jobs sj WHERE sj.suggested_user_id = %1$s)""".formatted(technician));
        }
        if (query.dueFrom != null) {
            sql.bind("due_from", clock.startOf(query.dueFrom)).append(" AND j.due_date >= :due_from");
        }
        if (query.dueTo != null) {
            sql.bind("due_to", clock.startOf(query.dueTo.plusDays(1))).append(" AND j.due_date < :due_to");
        }
        if (query.overdue) {
            sql.bind("today_start", todayStart()).append(" AND j.due_date < :today_start AND j.date_closed IS NULL");
        }
        if (query.unplanned) {
            sql.append(" AND j.date_closed IS NULL AND NOT EXISTS (SELECT 1 FROM job_planning np WHERE np.job_id = j.id)");
        }
        if (query.reportedToday) {
            LocalDate today = clock.today();
            sql.bind("reported_from", clock.startOf(today)).bind("reported_to", clock.startOf(today.plusDays(1))).append(" " + """
                     AND j.requested_by_contact_id IS NOT NULL
                     AND j.date_reported_by_company >= :reported_from AND j.date_reported_by_company < :reported_to""");
        }
        if ("parents".equals(query.level)) {
            sql.append(" AND EXISTS (SELECT 1 FROM jobs ch WHERE ch.parent_id = j.id)");
        } else if ("children".equals(query.level)) {
            sql.append(" AND j.parent_id IS NOT NULL");
        }
    }

    /**
     * The search box: a work-order number exactly; a customer or back-office reference exactly
     * (case-insensitive, on their lower() indexes); the words of name and description as prefixes
     * through the full-text index; the companies whose name starts with it and the installations
     * with that serial number, each looked up first in its own table (an ARRAY(...) the planner
     * evaluates once and uses as an index condition on jobs).
     */
    private static void text(Sql sql, String q, SearchWords words) {
        String lower = q.toLowerCase(Locale.ROOT);
        sql.bind("q_lower", lower);
        sql.append(" AND (lower(j.customer_reference) = :q_lower OR lower(j.reference_back_office) = :q_lower");
        JobQuery.workOrderNumber(q).ifPresent(number -> sql.bind("q_number", number).append(" OR j.id2 = :q_number"));
        if (words.indexedQuery() != null) {
            sql.bind("q_words", words.indexedQuery()).append(" OR (j.search_vector @@ to_tsquery('simple', :q_words)");
            if (words.checkedQuery() != null) {
                // the function rather than the operator @@, which the index would be asked to serve
                sql.bind("q_checked", words.checkedQuery())
                        .append(" AND ts_match_vq(j.search_vector, to_tsquery('simple', :q_checked))");
            }
            sql.append(")");
        }
        sql.bind("q_prefix", likePrefix(lower)).append(" " + """
                 OR j.company_id = ANY (ARRAY(SELECT co.id FROM company co WHERE lower(co.name) LIKE :q_prefix))
                 OR j.project_id = ANY (ARRAY(SELECT pj.id FROM project pj WHERE lower(pj.serial_number) = :q_lower)))""");
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void lookupFilter(Sql sql, JobQuery query, List<Lookup> lookups, String kind, String code, String column) {
        if (code == null) {
            return;
        }
        Optional<Lookup> found = find(lookups, kind, code);
        if (found.isEmpty()) {
            query.errors.add("bo.filter.error.unknown." + kind);
            sql.append(" AND false");
            return;
        }
        String name = kind + "_id";
        sql.bind(name, found.get().id()).append(" AND ").append(column).append(" = :").append(name);
    }

    static Optional<Lookup> find(List<Lookup> lookups, String kind, String code) {
        return lookups.stream().filter(l -> l.kind().equals(kind) && l.code().equalsIgnoreCase(code)).findFirst();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Overdue means the due day is over: a job due today is not overdue yet. */
    private OffsetDateTime todayStart() {
        return clock.startOf(clock.today());
    }

    /**
     * A cursor's timestamp key, as the grid writes it (ISO-8601 instant with a four-digit year, or
     * "infinity"), to bind as an instant in UTC: PostgreSQL reads no offset beyond ±15:59 and no
     * year past 294276. Anything else is not a key of this grid: a DateTimeException.
     */
    static Object keyTimestamp(String text) {
        if (text.equals("infinity")) {
            return text;
        }
        OffsetDateTime key = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        if (key.getYear() < 1 || key.getYear() > 9999) {
            throw new java.time.DateTimeException("not a key of the grid: " + text);
        }
        return key;
    }

    /** SQL being composed, with its bound values. The SELECT's "%s" takes the sort key. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, List<UUID>> lists = new LinkedHashMap<>();
        private final Map<String, List<Integer>> ints = new LinkedHashMap<>();
        private String sortKey = "NULL";
        private String sortValue = "NULL";
        private String sortJoin = "";

        Sql append(String part) {
            text.append(part);
            return this;
        }

        Sql bind(String name, Object value) {
            values.put(name, value);
            return this;
        }

        Sql bindList(String name, List<UUID> ids) {
            lists.put(name, ids);
            return this;
        }

        Sql bindInts(String name, List<Integer> values) {
            ints.put(name, values);
            return this;
        }

        void format(String key, String value, String join) {
            sortKey = key;
            sortValue = value;
            sortJoin = join;
        }

        Query query(Handle handle) {
            String rendered = text.toString().replace("%s AS sort_key", sortKey + " AS sort_key")
                    .replace("%VALUE% AS sort_value", sortValue + " AS sort_value").replace("%JOIN%", sortJoin);
            Query query = handle.createQuery(rendered);
            values.forEach(query::bind);
            lists.forEach((name, ids) -> query.bindArray(name, UUID.class, ids));
            ints.forEach((name, values) -> query.bindArray(name, Integer.class, values));
            return query;
        }
    }
}
