package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.db.QueryPlans;
import com.fieldservice.portal.reference.TranslatedName;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.web.Language;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;
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
    public record Lookup(String kind, UUID id, String code, String name, int seq, String customerStatus, boolean closed,
                         String nameFr, String nameNl) {

        @JdbiConstructor
        public Lookup {}

        public Lookup(String kind, UUID id, String code, String name, int seq, String customerStatus, boolean closed) {
            this(kind, id, code, name, seq, customerStatus, closed, null, null);
        }

        /** The same, named in a language: its translation, else the base name. */
        Lookup in(Language language) {
            String named = TranslatedName.pick(language, name, nameFr, nameNl);
            return named.equals(name) ? this : new Lookup(kind, id, code, named, seq, customerStatus, closed, nameFr, nameNl);
        }
    }

    /** One line of the grid as the query reads it: the lookups by id, named from {@link #lookups}. */
    public record Listed(int id2, String name, String companyName, String companyCode, Integer installationId2,
                         String installationName, UUID typeId, UUID priorityId, UUID statusId, LocalDate dueDate,
                         boolean overdue, String technician, String customerReference, String referenceBackOffice,
                         OffsetDateTime modifiedDateutc, String sortKey, boolean awaitingReply) {
    }

    /** One line of the grid; {@code awaitingReply}: the customer wrote since the team last answered. */
    public record Row(int id2, String name, String companyName, String companyCode, Integer installationId2,
                      String installationName, String typeName, String priorityName, String statusCode,
                      String statusName, String customerStatus, boolean closed, LocalDate dueDate,
                      boolean overdue, String technician, String customerReference, String referenceBackOffice,
                      OffsetDateTime modifiedDateutc, String sortKey, boolean awaitingReply) {
    }

    /** How many jobs match: exact up to the cap; {@code estimate} is the planner's guess for the whole table. */
    public record Count(long value, boolean capped, Long estimate) {
    }

    public record Page(List<Row> rows, String previousLink, String nextLink) {
    }

    /**
     * A grid request ready to become SQL: the query, the lookups its codes name, its search words
     * weighed; {@code ids}: the lookups by id, to name each line's type, priority and status.
     */
    public record Prepared(JobQuery query, List<Lookup> lookups, SearchWords words, Language language, Map<UUID, Lookup> ids) {

        Prepared(JobQuery query, List<Lookup> lookups, SearchWords words, Language language) {
            this(query, lookups, words, language, lookups.stream().collect(Collectors.toMap(Lookup::id, l -> l, (first, other) -> first)));
        }

        /** The grid's line, with the type, priority and status named. */
        Row row(Listed listed) {
            Lookup type = named(byId(listed.typeId()));
            Lookup priority = named(byId(listed.priorityId()));
            Lookup status = named(byId(listed.statusId()));
            return new Row(listed.id2(), listed.name(), listed.companyName(), listed.companyCode(),
                    listed.installationId2(), listed.installationName(), type == null ? null : type.name(),
                    priority == null ? null : priority.name(), status == null ? null : status.code(),
                    status == null ? null : status.name(), status == null ? null : status.customerStatus(),
                    status != null && status.closed(), listed.dueDate(), listed.overdue(), listed.technician(),
                    listed.customerReference(), listed.referenceBackOffice(), listed.modifiedDateutc(), listed.sortKey(),
                    listed.awaitingReply());
        }

        private Lookup byId(UUID id) {
            return id == null ? null : ids.get(id);
        }

        /** Whether every type, priority and status these lines name is in the (cached) lookups. */
        boolean knowsAll(List<Listed> lines) {
            return lines.stream().allMatch(line -> byId(line.typeId()) != null && byId(line.statusId()) != null
                    && (line.priorityId() == null || byId(line.priorityId()) != null));
        }

        Prepared withLookups(List<Lookup> fresh) {
            return new Prepared(query, fresh, words, language);
        }

        /** The same request, its lines and lookups named in a language (read with the lookups: no statement more). */
        public Prepared in(Language other) {
            return new Prepared(query, lookups, words, other, ids);
        }

        /** The lookups named in the request's language, for the filter form and its chips. */
        public List<Lookup> named() {
            return lookups.stream().map(this::named).toList();
        }

        private Lookup named(Lookup lookup) {
            return lookup == null ? null : lookup.in(language);
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

    /** The lookups changed (on any instance): the next request reads them again. */
    public void forgetLookups() {
        cached = null;
    }

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
        List<String> words = SearchWords.parse(query.getQ());
        List<Double> atLeast = words.isEmpty() ? List.of() : handle.attach(BackOfficeDao.class)
                .jobsWithWordsAtLeast(words.stream().map(SearchWords::likePattern).toArray(String[]::new));
        return new Prepared(query, lookups(handle, false), SearchWords.weigh(words, atLeast), Language.EN);
    }

    /**
     * One page of the list; call inside the transaction of {@link #matches}, which has the
     * statement planned for its actual values (a generic plan would not know whether a word
     * matches ten jobs or a hundred thousand, which decides between the full-text index and
     * walking id2 backwards), unless the jobs are read alike whatever the values: a technician's
     * alone, flags alone, or few matches read by number (one plan kept per connection).
     */
    public Page page(Handle handle, Prepared search, Matches matches) {
        JobQuery query = search.query();
        Where where;
        String jobs = "jobs";
        Optional<String> numbers = Optional.empty();
        boolean few = matches.numbers() != null && matches.numbers().size() <= FEW;
        Where filtered = Where.of(search, clock, matches.count().capped());
        // a technician's jobs alone, by due date, or by number when they are many: the page's numbers
        // are the soonest due (latest, newest, oldest) of theirs, read from the technician's own
        // index entries with their due dates (V41, V43), rather than walking every job's due date or
        // number to meet theirs, or reading every one of their jobs to sort them
        Optional<String> technicians = query.sort == JobSort.DUE_DATE || query.sort == JobSort.NUMBER && !few
                ? filtered.onlyJobNumbers() : Optional.empty();
        if (technicians.isPresent()) {
            where = filtered.withoutConditions();
            numbers = technicians;
        } else if (few) {
            // few matches (a rare word, a reference, a technician's jobs): read them by number, then
            // sort them, rather than walk the whole list in order hoping to meet them; their numbers
            // are the filters' answer, which the page need not work out a second time
            if (query.sort == JobSort.NUMBER) {
                // the numbers are the order: only the page's own are read
                where = Where.numbered(search, clock).bindNumbers("matching", pageOfNumbers(matches.numbers(), query));
                where.and("j.id2 = ANY (:matching)");
            } else {
                where = Where.numbered(search, clock).bindNumbers("matching", matches.numbers());
                // fenced off, or the planner may walk the whole index of the sort checking each number
                jobs = "(SELECT * FROM jobs WHERE id2 = ANY (:matching) OFFSET 0)";
            }
        } else {
            where = filtered;
        }
        boolean backwards = query.beforeId != null;
        if (query.afterId != null || query.beforeId != null) {
            keyset(where, query, backwards ? query.beforeId : query.afterId, backwards);
        }
        boolean asc = query.ascending != backwards;
        String template = numbers.isPresent() ? GridStatements.PAGE_BY_NUMBERS
                : where.pageByIndex() ? GridStatements.PAGE_BY_INDEX : GridStatements.PAGE;
        List<Listed> lines = GridStatements.sorted(where.bind("today", where.today()).query(handle, template), query.sort, asc)
                .define("jobs", jobs).define("numbers", numbers.orElse("")).define("order", query.sort.orderBy(asc))
                .define("limit", query.size + 1).mapTo(Listed.class).list();
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

    /** Of these numbers, those of the page sorted by number (past its keyset link), and the one after it. */
    private static List<Integer> pageOfNumbers(List<Integer> numbers, JobQuery query) {
        boolean backwards = query.beforeId != null;
        Integer cursor = backwards ? query.beforeId : query.afterId;
        boolean greater = query.ascending != backwards;
        return numbers.stream().filter(n -> cursor == null || (greater ? n > cursor : n < cursor))
                .sorted(greater ? Comparator.naturalOrder() : Comparator.reverseOrder()).limit(query.size + 1L).toList();
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
            QueryPlans.forValues(handle);
            return new Matches(new Count(COUNT_CAP, true, null), null);
        }
        // The full-text index need not list all fifty thousand jobs that mention "boiler" to tell
        // that more than COUNT_CAP do: past twice the cap it hands over a sample, which is enough
        // for "More than 1,000", while every count below the cap stays exact. Only for the words
        // alone: beside another filter, or for the words of an installation's or a company's name,
        // a sample of what the index finds would leave out jobs that do match (a name filter with
        // "open" counted 842 to 888 of 1,321 jobs, a different subset at each request). Filters'
        // values decide the plan (custom plans), except a technician's alone, read from their own
        // index entries whoever they are, and flags alone (open, overdue...), which take no value:
        // one plan kept per connection (planning took longer than running). The full list needs none
        // of these settings: its first thousand jobs are counted as they come, and its plans are
        // kept (planning its page took longer than running it).
        boolean filtered = query.isFiltered();
        Where where = Where.of(search, clock);
        Optional<String> ids = where.onlyJobIds();
        if (filtered) {
            handle.createQuery("SELECT set_config('enable_seqscan', 'off', true) AS seqscan, "
                    + "set_config('gin_fuzzy_search_limit', '" + (query.isTextOnly() ? 2 * COUNT_CAP : 0) + "', true) AS fuzzy, "
                    + "set_config('plan_cache_mode', '" + (ids.isPresent() || query.isReadAlike() ? "force_generic_plan" : "force_custom_plan")
                    + "', true) AS plans").mapToMap().one();
        }
        // a technician's jobs alone: counted from their ids, the numbers looked up only when few
        Query count = ids.isPresent() ? where.query(handle, GridStatements.MATCHES_OF_IDS).define("ids", ids.get())
                .define("sample", GridStatements.SAMPLE * (COUNT_CAP + 1)) : where.query(handle, GridStatements.MATCHES);
        // the full list's count says "about" the planner's estimate of the table size, read with it
        return count.define("limit", COUNT_CAP + 1).define("cap", COUNT_CAP)
                .define("estimate", filtered ? GridStatements.NO_ESTIMATE : GridStatements.ESTIMATE).map((rs, ctx) -> {
                    boolean capped = rs.getInt("found") > COUNT_CAP;
                    List<Integer> numbers = capped ? null : List.of((Integer[]) rs.getArray("numbers").getArray());
                    Long estimate = capped && !filtered ? rs.getLong("estimate") : null;
                    return new Matches(new Count(capped ? COUNT_CAP : numbers.size(), capped, estimate), numbers);
                }).one();
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
        stream(query, Language.EN, sink);
    }

    /** The same, the lines' type, priority and status named in a language. */
    public void stream(JobQuery query, Language language, Consumer<Row> sink) {
        jdbi.useTransaction(handle -> {
            handle.execute("SET LOCAL statement_timeout = '10min'");
            QueryPlans.forValues(handle);
            // an export names every line's type and status: no lookups older than the export
            Prepared search = prepare(handle, query).withLookups(lookups(handle, true)).in(language);
            Where where = Where.of(search, clock);
            Query sql = GridStatements.sorted(where.bind("today", where.today()).query(handle, GridStatements.EXPORT), query.sort, query.ascending);
            try (Stream<Listed> lines = sql.setFetchSize(1_000).mapTo(Listed.class).stream()) {
                lines.map(search::row).forEach(sink);
            }
        });
    }

    // ------------------------------------------------------------------ keyset

    private static void keyset(Where where, JobQuery query, int id2, boolean backwards) {
        boolean greater = query.ascending != backwards;
        String op = greater ? ">" : "<";
        where.bind("cursor_id", id2);
        if (query.sort == JobSort.NUMBER) {
            where.and("j.id2 " + op + " :cursor_id");
        } else {
            where.bind("cursor_key", switch (query.sort.kind()) {
                case TIMESTAMP -> keyTimestamp(query.cursorKey);
                case DAY -> keyDay(query.cursorKey);
                case INTEGER, TEXT -> query.cursorKey;
            });
            where.and("(" + query.sort.sql() + ", j.id2) " + op + " (" + query.sort.castCursor() + ", :cursor_id)");
        }
    }

    static Optional<Lookup> find(List<Lookup> lookups, String kind, String code) {
        return lookups.stream().filter(l -> l.kind().equals(kind) && l.code().equalsIgnoreCase(code)).findFirst();
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

    /** A cursor's day key, as the grid writes it (yyyy-mm-dd with a four-digit year, or "infinity"). */
    static Object keyDay(String text) {
        if (text.equals("infinity")) {
            return text;
        }
        LocalDate key = LocalDate.parse(text);
        if (key.getYear() < 1 || key.getYear() > 9999) {
            throw new java.time.DateTimeException("not a key of the grid: " + text);
        }
        return key;
    }
}
