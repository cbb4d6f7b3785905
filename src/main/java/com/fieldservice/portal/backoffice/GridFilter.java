package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.conversation.ReplyStateDao;
import com.fieldservice.portal.web.RequestValues;

import com.fieldservice.portal.jobs.DateInput;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One filter of the job grid, defined once: its name in the URL, how its value is read from the
 * query string, how it is written back into a link, how its chip shows it, and its SQL condition
 * with the values it binds. {@link JobQuery} parses and links through these entries,
 * {@link JobSearch} puts their conditions into the SQL, the page shows them as chips: a new filter
 * is one entry in {@link #ALL} plus its control on the page.
 *
 * <p>Reading never fails: a value that makes no sense is named in the errors (a message key) and
 * left out, so the page explains it instead of answering 500.
 */
record GridFilter<T>(String param, Parser<T> parser, Function<T, List<String>> link, Shown shown,
                     Condition<T> condition) {

    /** Reads the filter's values from the query string; null when the filter is not in force. */
    interface Parser<T> {
        T parse(List<String> values, List<String> errors);
    }

    /** Adds the filter's condition (and the values it binds) to the jobs' WHERE clause. */
    interface Condition<T> {
        void add(T value, Where where);
    }

    /**
     * How a chip names a value: as typed, by the name of the lookup with that code, by the text
     * {@code bo.filter.<param>.<value>}, or not at all (a flag: its label says it).
     */
    enum Shown { TEXT, LOOKUP, CHOICE, FLAG }

    /** The text that names the filter on its chip. */
    String label() {
        return "bo.chip." + param;
    }

    private static final Pattern CODE = Pattern.compile("[\\p{Alnum}_.\\-]{1,50}");

    static final GridFilter<String> Q = new GridFilter<>("q", GridFilter::text, List::of, Shown.TEXT,
            GridFilter::searchText);
    static final GridFilter<String> REF = new GridFilter<>("ref", GridFilter::text, List::of, Shown.TEXT,
            (ref, where) -> where.bind("ref", ref.toLowerCase(Locale.ROOT))
                    .and("(lower(j.customer_reference) = :ref OR lower(j.reference_back_office) = :ref)"));
    static final GridFilter<Set<String>> STATUS = new GridFilter<>("status", GridFilter::codes,
            List::copyOf, Shown.LOOKUP, GridFilter::statuses);
    /** date_closed is set exactly when the status is closed (the jobs trigger keeps it so). */
    static final GridFilter<Boolean> OPEN = flag("open", "1", "j.date_closed IS NULL");
    static final GridFilter<String> TYPE = lookup("type", "j.job_type_id");
    static final GridFilter<String> PRIORITY = lookup("priority", "j.job_priority_id");
    static final GridFilter<String> SKILL = lookup("skill", "j.skill_id");
    static final GridFilter<String> COMPANY = named("company", (id, where) -> where
            .bind("company_id", id).and("j.company_id = :company_id"), (text, where) -> where
            .bind("company_lower", text.toLowerCase(Locale.ROOT)).and("j.company_id IN (SELECT co.id FROM company co"
                    + " WHERE lower(co.code) = :company_lower OR " + nameMatch("company", "co", "co.name", text, where) + ")"));
    static final GridFilter<String> INSTALLATION = named("installation", (id, where) -> where
            .bind("project_id", id).and("j.project_id = :project_id"), GridFilter::installation);
    static final GridFilter<String> TECHNICIAN = named("technician",
            (id, where) -> technician(":technician", where.bind("technician", id)), GridFilter::technicianByName);
    static final GridFilter<LocalDate> DUE_FROM = new GridFilter<>("due_from",
            day("bo.filter.error.dueFrom"), day -> List.of(day.toString()), Shown.TEXT,
            (day, where) -> where.bind("due_from", day).and("j.due_date >= :due_from"));
    static final GridFilter<LocalDate> DUE_TO = new GridFilter<>("due_to",
            day("bo.filter.error.dueTo"), day -> List.of(day.toString()), Shown.TEXT,
            (day, where) -> where.bind("due_to", day).and("j.due_date <= :due_to"));
    static final GridFilter<Boolean> OVERDUE = new GridFilter<>("overdue", GridFilter::flag,
            on -> List.of("1"), Shown.FLAG, (on, where) -> where.bind("today", where.today())
                    .and("j.due_date < :today AND j.date_closed IS NULL"));
    static final GridFilter<Boolean> UNPLANNED = flag("unplanned", "1",
            "j.date_closed IS NULL AND NOT EXISTS (SELECT 1 FROM job_planning np WHERE np.job_id = j.id)");
    static final GridFilter<Boolean> REPORTED = new GridFilter<>("reported",
            GridFilter::today, on -> List.of("today"), Shown.FLAG, (on, where) -> {
                LocalDate today = where.clock().today();
                where.bind("reported_from", where.clock().startOf(today))
                        .bind("reported_to", where.clock().startOf(today.plusDays(1))).and("""
                        j.requested_by_contact_id IS NOT NULL
                        AND j.date_reported_by_company >= :reported_from AND j.date_reported_by_company < :reported_to""");
            });
    /** A customer wrote since the team last answered them (a small table kept with the conversation, by key). */
    static final GridFilter<Boolean> AWAITING_REPLY = flag("awaiting_reply", "1", ReplyStateDao.AWAITING);
    static final GridFilter<String> LEVEL = new GridFilter<>("level", GridFilter::level, List::of,
            Shown.CHOICE, (level, where) -> where.and(level.equals("parents")
                    ? "EXISTS (SELECT 1 FROM jobs ch WHERE ch.parent_id = j.id)" : "j.parent_id IS NOT NULL"));

    /** Every filter, in the order of the URL and of the SQL. */
    static final List<GridFilter<?>> ALL = List.of(Q, REF, STATUS, OPEN, TYPE, PRIORITY, SKILL, COMPANY, INSTALLATION,
            TECHNICIAN, DUE_FROM, DUE_TO, OVERDUE, UNPLANNED, REPORTED, AWAITING_REPLY, LEVEL);
    /** Every filter by the name of its URL parameter: the grid's form asks for each several times a page. */
    static final Map<String, GridFilter<?>> BY_PARAM = ALL.stream().collect(Collectors.toUnmodifiableMap(GridFilter::param, f -> f));
    /**
     * The filters whose SQL takes no value a person typed or picked (today's date at most): jobs
     * filtered by these alone are read the same way whoever asks, with one plan per connection
     * ({@link JobSearch#matches}).
     */
    static final Set<GridFilter<?>> READ_ALIKE = Set.of(OPEN, OVERDUE, UNPLANNED, REPORTED, AWAITING_REPLY, LEVEL);

    /** The link's values of a value of this filter (its type checked where it was parsed). */
    @SuppressWarnings("unchecked")
    List<String> linkOf(Object value) {
        return link.apply((T) value);
    }

    @SuppressWarnings("unchecked")
    void addCondition(Object value, Where where) {
        condition.add((T) value, where);
    }

    // ------------------------------------------------------------------ kinds of filters

    private static GridFilter<Boolean> flag(String param, String on, String condition) {
        return new GridFilter<>(param, GridFilter::flag, value -> List.of(on), Shown.FLAG,
                (value, where) -> where.and(condition));
    }

    /** A status, type, priority or skill by its code; an unknown code matches nothing, and says so. */
    private static GridFilter<String> lookup(String kind, String column) {
        return new GridFilter<>(kind, (values, errors) -> code(values, errors, "bo.filter.error." + kind),
                List::of, Shown.LOOKUP, (code, where) -> {
            Optional<JobSearch.Lookup> found = where.lookup(kind, code);
            if (found.isEmpty()) {
                where.error("bo.filter.error.unknown." + kind).and("false");
            } else {
                where.bind(kind + "_id", found.get().id()).and(column + " = :" + kind + "_id");
            }
        });
    }

    /**
     * A company, an installation or a technician as a planner knows them: by name (any case, the
     * start of it, or some of its words), by code or number, or by id as links from other pages give.
     * A name may match thousands of installations ("boiler"): as a semi-join (IN), PostgreSQL knows
     * how many from the index and walks the newest jobs checking each, where an ARRAY(...) of them,
     * its size unknown when planning, made it fetch and sort every matching job (ten times slower).
     */
    private static GridFilter<String> named(String param, Condition<UUID> byId, Condition<String> byText) {
        return new GridFilter<>(param, GridFilter::name, List::of, Shown.TEXT, (text, where) -> {
            Optional<UUID> id = RequestValues.guid(text);
            if (id.isPresent()) {
                byId.add(id.get(), where);
            } else {
                byText.add(text, where);
            }
        });
    }

    private static void installation(String text, Where where) {
        String lower = text.toLowerCase(Locale.ROOT);
        String byNumber = "";
        if (text.matches("\\d{1,9}")) {
            where.bind("installation_number", Integer.parseInt(text));
            byNumber = "pj.id2 = :installation_number OR ";
        }
        where.bind("installation_lower", lower).and("j.project_id IN (SELECT pj.id FROM project pj WHERE "
                + byNumber + "lower(pj.reference_back_office) = :installation_lower"
                + " OR lower(pj.serial_number) = :installation_lower OR " + nameMatch("installation", "pj", "pj.name", text, where) + ")");
    }

    private static void technicianByName(String text, Where where) {
        where.bind("technician_lower", text.toLowerCase(Locale.ROOT));
        technician("ANY (ARRAY(SELECT tu.id FROM app_user tu WHERE lower(tu.code) = :technician_lower OR "
                + nameMatch("technician", "tu", "person_name(tu.firstname, tu.lastname)", text, where) + "))", where);
    }

    /**
     * The jobs suggested to the technician or with a visit of theirs. A technician's jobs don't
     * come in id2 order, so as a semi-join PostgreSQL fetches every one of them to sort them: for
     * a name ten technicians share ("Bakker", 24,000 jobs) that is 24,000 row lookups, 265 ms.
     * When the list is known to be long and its order has an index, "OR false" keeps the IN as a
     * hashed subplan instead (PostgreSQL pulls up only a bare IN): it walks the index and checks
     * each job against the hash, and with at least one match in a thousand rows a page comes
     * after a few thousand rows (12 ms for the same name). The order indexes hold the job's id
     * (V20), so that walk reads the index alone and only the page's jobs come from the table
     * ({@link Where#checkedOnTheIndex}): 720 buffers instead of 1,600, a sixth of the time.
     */
    private static void technician(String who, Where where) {
        String visitedOrSuggested = """
                (SELECT %2$s FROM job_planning pl WHERE pl.app_user_id = %1$s
                             UNION ALL
                             SELECT %3$s FROM jobs sj WHERE sj.suggested_user_id = %1$s)""";
        String ids = visitedOrSuggested.formatted(who, "pl.job_id", "sj.id");
        String numbers = visitedOrSuggested.formatted(who, "pl.job_id2, pl.job_due_date", "sj.id2, sj.due_date");
        String jobs = "j.id IN " + ids;
        where.jobIds(ids, numbers);
        if (where.walkInOrder()) {
            where.checkedOnTheIndex().and("(" + jobs + " OR false)");
        } else {
            where.and(jobs);
        }
    }

    private static void statuses(Set<String> codes, Where where) {
        List<UUID> ids = codes.stream().map(code -> where.lookup("status", code)).flatMap(found -> {
            if (found.isEmpty()) {
                where.error("bo.filter.error.unknownStatus");
            }
            return found.map(JobSearch.Lookup::id).stream();
        }).toList();
        where.bindArray("status_ids", ids).and("j.job_status_id = ANY (:status_ids)");
    }

    /**
     * The search box: a work-order number exactly; a customer or back-office reference exactly
     * (case-insensitive, on their lower() indexes); the words of name and description as prefixes
     * through the full-text index; the companies whose name starts with it and the installations
     * with that serial number, each looked up first in its own table (an ARRAY(...) the planner
     * evaluates once and uses as an index condition on jobs).
     */
    private static void searchText(String q, Where where) {
        String lower = q.toLowerCase(Locale.ROOT);
        StringBuilder condition = new StringBuilder("(lower(j.customer_reference) = :q_lower OR lower(j.reference_back_office) = :q_lower");
        where.bind("q_lower", lower);
        JobQuery.workOrderNumber(q).ifPresent(number -> {
            where.bind("q_number", number);
            condition.append(" OR j.id2 = :q_number");
        });
        SearchWords words = where.words();
        if (words.indexedQuery() != null) {
            where.bind("q_words", words.indexedQuery());
            condition.append(" OR (j.search_vector @@ to_tsquery('simple', :q_words)");
            if (words.checkedQuery() != null) {
                // the function rather than the operator @@, which the index would be asked to serve
                where.bind("q_checked", words.checkedQuery());
                condition.append(" AND ts_match_vq(j.search_vector, to_tsquery('simple', :q_checked))");
            }
            condition.append(")");
        }
        where.bind("q_prefix", likePrefix(lower)).and(condition.append(" " + """
                OR j.company_id = ANY (ARRAY(SELECT co.id FROM company co WHERE lower(co.name) LIKE :q_prefix))
                OR j.project_id = ANY (ARRAY(SELECT pj.id FROM project pj WHERE lower(pj.serial_number) = :q_lower)))""").toString());
    }

    /**
     * A name as a planner types it: the start of the name in any case ("acme f", on a
     * text_pattern_ops index of lower(name)), or words of the name in any order, the last maybe
     * unfinished ("facilities acm", on the full-text index of the row's {@code name_words}, the
     * name's words kept with it; see {@link SearchWords#ofAName}). Binds {@code <param>_prefix} and
     * {@code <param>_words}.
     */
    private static String nameMatch(String param, String table, String name, String text, Where where) {
        String lower = text.toLowerCase(Locale.ROOT);
        where.bind(param + "_prefix", likePrefix(lower));
        String match = "lower(" + name + ") LIKE :" + param + "_prefix";
        String words = SearchWords.ofAName(text);
        if (words == null) {
            return match;
        }
        where.bind(param + "_words", words);
        return "(" + match + " OR " + table + ".name_words @@ to_tsquery('simple', :" + param + "_words))";
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    // ------------------------------------------------------------------ parsers

    static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String text(List<String> values, List<String> errors) {
        String text = blankToNull(first(values));
        return text == null ? null : text.length() > JobQuery.MAX_TEXT ? text.substring(0, JobQuery.MAX_TEXT) : text;
    }

    /** A name or code as typed; an id in lower case, so that one job list has one address. */
    private static String name(List<String> values, List<String> errors) {
        String text = text(values, errors);
        return RequestValues.guid(text).map(UUID::toString).orElse(text);
    }

    private static Set<String> codes(List<String> values, List<String> errors) {
        Set<String> codes = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String code : value.split(",")) {
                if (CODE.matcher(code.trim()).matches()) {
                    codes.add(code.trim());
                } else if (!code.isBlank()) {
                    errors.add("bo.filter.error.status");
                }
            }
        }
        return codes.isEmpty() ? null : codes;
    }

    private static String code(List<String> values, List<String> errors, String error) {
        String code = blankToNull(first(values));
        if (code != null && !CODE.matcher(code).matches()) {
            errors.add(error);
            return null;
        }
        return code;
    }

    private static Boolean flag(List<String> values, List<String> errors) {
        String value = first(values);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"))
                ? Boolean.TRUE : null;
    }

    private static Boolean today(List<String> values, List<String> errors) {
        String value = blankToNull(first(values));
        if (value != null && !value.equalsIgnoreCase("today")) {
            errors.add("bo.filter.error.reported");
        }
        return value != null && value.equalsIgnoreCase("today") ? Boolean.TRUE : null;
    }

    private static String level(List<String> values, List<String> errors) {
        String level = blankToNull(first(values));
        if (level != null && !level.equals("parents") && !level.equals("children")) {
            errors.add("bo.filter.error.level");
            return null;
        }
        return level;
    }

    private static Parser<LocalDate> day(String error) {
        return (values, errors) -> {
            String text = blankToNull(first(values));
            if (text == null) {
                return null;
            }
            try {
                return DateInput.day(text);
            } catch (DateInput.Refused refused) {
                errors.add(error);
                return null;
            }
        };
    }
}
