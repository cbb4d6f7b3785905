package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.time.BusinessClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The jobs' WHERE conditions of one grid request and the values they bind (never spliced into the
 * SQL), with what the filters' conditions need to know: the lookups that turn codes into ids, the
 * weighed search words and the business clock. The conditions become the {@code <where>} of a
 * statement through Jdbi's own templating (defined attributes).
 */
final class Where {

    private final StringBuilder conditions = new StringBuilder();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, List<UUID>> uuids = new LinkedHashMap<>();
    private final Map<String, List<Integer>> numbers = new LinkedHashMap<>();
    private final JobSearch.Prepared search;
    private final BusinessClock clock;
    private final boolean walkInOrder;
    private boolean pageByIndex;
    private int conditionCount;
    private String jobIds;
    private String jobNumbers;

    /** Every filter in force of the search, in the order of {@link GridFilter#ALL}. */
    static Where of(JobSearch.Prepared search, BusinessClock clock) {
        return of(search, clock, false);
    }

    /**
     * The same, for one page of a list known to hold more than the count cap: then filters may
     * be written so that PostgreSQL walks the jobs in the page's order and checks each one
     * ({@link #walkInOrder()}), rather than gathering every match first and sorting them.
     */
    static Where of(JobSearch.Prepared search, BusinessClock clock, boolean manyMatches) {
        Where where = new Where(search, clock, manyMatches && search.query().sort.walksAnIndex());
        search.query().filters().forEach((filter, value) -> filter.addCondition(value, where));
        return where;
    }

    /**
     * No filter's condition, for the jobs of a search already found by number (the filters'
     * conditions are those numbers); the caller adds them.
     */
    static Where numbered(JobSearch.Prepared search, BusinessClock clock) {
        return new Where(search, clock, false);
    }

    private Where(JobSearch.Prepared search, BusinessClock clock, boolean walkInOrder) {
        this.search = search;
        this.clock = clock;
        this.walkInOrder = walkInOrder;
    }

    /**
     * Whether this page's jobs are many (more than the count cap, so at least one in a thousand)
     * and its order has an index: walking that index, a page is met after a few thousand rows.
     */
    boolean walkInOrder() {
        return walkInOrder;
    }

    /**
     * A condition the page's order index can check on its own (a job's id against a hashed list):
     * the page first takes its numbers from that index alone, then reads only those jobs.
     */
    Where checkedOnTheIndex() {
        pageByIndex = walkInOrder;
        return this;
    }

    /** Whether the page's numbers come from its order index alone ({@link #checkedOnTheIndex}). */
    boolean pageByIndex() {
        return pageByIndex;
    }

    /**
     * The next condition is "j.id IN" this set of job ids (a statement of one column), the same
     * jobs as this set of their numbers and due dates (of two columns; duplicates allowed in
     * both): when it is the only one, the jobs are counted from those ids alone, and a page by
     * number or by due date is read from those numbers and due dates alone.
     */
    Where jobIds(String ids, String numbers) {
        jobIds = ids;
        jobNumbers = numbers;
        return this;
    }

    /** The set of job ids that is this request's only condition ({@link #jobIds}), if it is. */
    Optional<String> onlyJobIds() {
        return conditionCount == 1 && jobIds != null ? Optional.of(jobIds) : Optional.empty();
    }

    /** The same jobs' numbers, when they are this request's only condition ({@link #jobIds}). */
    Optional<String> onlyJobNumbers() {
        return onlyJobIds().map(ids -> jobNumbers);
    }

    /**
     * The same values bound, without the conditions: for a statement that takes the jobs from
     * {@link #onlyJobNumbers} instead, whose values those are.
     */
    Where withoutConditions() {
        Where bare = new Where(search, clock, false);
        bare.values.putAll(values);
        bare.uuids.putAll(uuids);
        bare.numbers.putAll(numbers);
        return bare;
    }

    Where and(String condition) {
        conditionCount++;
        conditions.append(" AND ").append(condition);
        return this;
    }

    Where bind(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Where bindArray(String name, List<UUID> ids) {
        uuids.put(name, ids);
        return this;
    }

    Where bindNumbers(String name, List<Integer> ids) {
        numbers.put(name, ids);
        return this;
    }

    /** Names a problem of the request on the page (a message key). */
    Where error(String key) {
        if (!search.query().errors.contains(key)) {
            // the count and the page each compose the conditions: the problem is named once
            search.query().errors.add(key);
        }
        return this;
    }

    Optional<JobSearch.Lookup> lookup(String kind, String code) {
        return JobSearch.find(search.lookups(), kind, code);
    }

    SearchWords words() {
        return search.words();
    }

    BusinessClock clock() {
        return clock;
    }

    /** Today in the business zone. Overdue means the due day is over: a job due today is not overdue yet. */
    LocalDate today() {
        return clock.today();
    }

    /** The statement of this template with the conditions as {@code <where>} and their values bound. */
    Query query(Handle handle, String template) {
        Query query = handle.createQuery(template).define("where", conditions.toString());
        values.forEach(query::bind);
        uuids.forEach((name, ids) -> query.bindArray(name, UUID.class, ids));
        numbers.forEach((name, ids) -> query.bindArray(name, Integer.class, ids));
        return query;
    }
}
