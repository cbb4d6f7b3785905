package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.jobs.DateInput;
import com.fieldservice.portal.web.RequestValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the job grid shows, exactly as the query string says it: the filters, the sort, the page
 * size and where the page starts. Everything lives in the URL, so a view can be bookmarked, sent
 * to a colleague and reached again with Back. Parsing never fails: a value that makes no sense is
 * dropped and named in {@link #errors()} (message keys), so the page explains it instead of
 * answering 500; an unknown sort column falls back to the default.
 */
public final class JobQuery {

    public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);
    public static final int MAX_TEXT = 100;

    /** The filters in force and their values, in the order of {@link GridFilter#ALL}. */
    private final Map<GridFilter<?>, Object> filters = new LinkedHashMap<>();
    JobSort sort = JobSort.DEFAULT;
    boolean ascending;
    int size = PAGE_SIZES.get(0);
    /** The page starts after (or ends before) the row with this id2 and sort key. */
    Integer afterId;
    Integer beforeId;
    String cursorKey;
    final List<String> errors = new ArrayList<>();

    private JobQuery() {
    }

    public static JobQuery empty() {
        return new JobQuery();
    }

    public static JobQuery parse(Map<String, List<String>> params) {
        JobQuery query = new JobQuery();
        for (GridFilter<?> filter : GridFilter.ALL) {
            Object value = filter.parser().parse(params.get(filter.param()), query.errors);
            if (value != null) {
                query.filters.put(filter, value);
            }
        }
        LocalDate from = query.value(GridFilter.DUE_FROM);
        LocalDate to = query.value(GridFilter.DUE_TO);
        if (from != null && to != null && to.isBefore(from)) {
            query.errors.add("bo.filter.error.dueRange");
            query.filters.remove(GridFilter.DUE_TO);
        }
        Optional<JobSort> sort = JobSort.fromParam(first(params, "sort"));
        query.sort = sort.orElse(JobSort.DEFAULT);
        String dir = blankToNull(first(params, "dir"));
        query.ascending = dir == null ? sort.isPresent() && query.sort != JobSort.NUMBER && query.sort != JobSort.MODIFIED
                : dir.equalsIgnoreCase("asc");
        query.size = RequestValues.pageSize(first(params, "size"), PAGE_SIZES);
        query.afterId = positive(first(params, "after"));
        query.beforeId = query.afterId == null ? positive(first(params, "before")) : null;
        query.cursorKey = first(params, "key");
        if ((query.afterId != null || query.beforeId != null) && !query.validKey()) {
            // a mangled cursor: start at the first page rather than fail
            query.afterId = null;
            query.beforeId = null;
            query.cursorKey = null;
        }
        return query;
    }

    private boolean validKey() {
        if (sort == JobSort.NUMBER) {
            return true;
        }
        if (cursorKey == null) {
            return false;
        }
        try {
            switch (sort.kind()) {
                case INTEGER -> Integer.parseInt(cursorKey);
                case TIMESTAMP -> JobSearch.keyTimestamp(cursorKey);
                case DAY -> JobSearch.keyDay(cursorKey);
                case TEXT -> {
                    return cursorKey.length() <= 300;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The work-order number typed in the search box ("4711", "#4711", "WO-4711"), if it is one. */
    public static Optional<Integer> workOrderNumber(String text) {
        return RequestValues.workOrderNumber(text);
    }

    // ------------------------------------------------------------------ links

    /** The filters (no sort, no page): what the CSV link, the sort links and the page links share. */
    private Map<String, List<String>> filterParams() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        filters.forEach((filter, value) -> p.put(filter.param(), filter.linkOf(value)));
        return p;
    }

    private Map<String, List<String>> viewParams() {
        Map<String, List<String>> p = filterParams();
        if (sort != JobSort.DEFAULT || ascending) {
            put(p, "sort", sort.param());
            put(p, "dir", ascending ? "asc" : "desc");
        }
        if (size != PAGE_SIZES.get(0)) {
            put(p, "size", String.valueOf(size));
        }
        return p;
    }

    /** This view's first page. */
    public String firstPageLink() {
        return "/backoffice/jobs" + queryString(viewParams());
    }

    /** The same filtered, sorted list as CSV. */
    public String csvLink() {
        Map<String, List<String>> p = filterParams();
        if (sort != JobSort.DEFAULT || ascending) {
            put(p, "sort", sort.param());
            put(p, "dir", ascending ? "asc" : "desc");
        }
        return "/backoffice/jobs.csv" + queryString(p);
    }

    /** Sorting on a column: ascending first, then flipping the direction of the current column. */
    public String sortLink(String column) {
        JobSort wanted = JobSort.fromParam(column).orElse(JobSort.DEFAULT);
        Map<String, List<String>> p = filterParams();
        boolean asc = wanted == sort ? !ascending : wanted != JobSort.NUMBER && wanted != JobSort.MODIFIED;
        put(p, "sort", wanted.param());
        put(p, "dir", asc ? "asc" : "desc");
        if (size != PAGE_SIZES.get(0)) {
            put(p, "size", String.valueOf(size));
        }
        return "/backoffice/jobs" + queryString(p);
    }

    /** "ascending", "descending" or "none", for aria-sort on a column header. */
    public String ariaSort(String column) {
        return sortedBy(column) ? (ascending ? "ascending" : "descending") : "none";
    }

    /** Whether the list is sorted on this column (its header shows the direction). */
    public boolean sortedBy(String column) {
        return sort.param().equals(column);
    }

    public String sizeLink(int wanted) {
        Map<String, List<String>> p = viewParams();
        p.remove("size");
        if (wanted != PAGE_SIZES.get(0)) {
            put(p, "size", String.valueOf(wanted));
        }
        return "/backoffice/jobs" + queryString(p);
    }

    String pageLink(String direction, int id2, String key) {
        Map<String, List<String>> p = viewParams();
        put(p, direction, String.valueOf(id2));
        if (sort != JobSort.NUMBER) {
            // an empty key (no technician, no reference) is a key all the same
            p.put("key", List.of(key == null ? "" : key));
        }
        return "/backoffice/jobs" + queryString(p);
    }

    private static String queryString(Map<String, List<String>> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, values) -> values.forEach(value -> out.append(out.length() == 0 ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return out.toString();
    }

    private static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.put(name, List.of(value));
        }
    }

    // ------------------------------------------------------------------ the filters in force

    /** The filters in force and their values (what a link to this view keeps). */
    Map<GridFilter<?>, Object> filters() {
        return Collections.unmodifiableMap(filters);
    }

    @SuppressWarnings("unchecked")
    <T> T value(GridFilter<T> filter) {
        return (T) filters.get(filter);
    }

    /** A filter in force, removable in one click: its label, its value as the page names it, and the link without it. */
    public record Chip(String name, String label, String value, String valueKey, String removeLink) {
    }

    /**
     * One chip per value in force (each status on its own), its link the same view, first page,
     * without that one value. Lookup codes are named as the filter form names them.
     */
    public List<Chip> chips(List<JobSearch.Lookup> lookups) {
        List<Chip> chips = new ArrayList<>();
        filters.forEach((filter, value) -> {
            for (String linked : filter.linkOf(value)) {
                Map<String, List<String>> without = viewParams();
                List<String> rest = new ArrayList<>(without.get(filter.param()));
                rest.remove(linked);
                if (rest.isEmpty()) {
                    without.remove(filter.param());
                } else {
                    without.put(filter.param(), rest);
                }
                String remove = "/backoffice/jobs" + queryString(without);
                chips.add(switch (filter.shown()) {
                    case TEXT -> new Chip(filter.param(), filter.label(), linked, null, remove);
                    case LOOKUP -> new Chip(filter.param(), filter.label(), JobSearch.find(lookups, filter.param(), linked)
                            .map(JobSearch.Lookup::name).orElse(linked), null, remove);
                    case CHOICE -> new Chip(filter.param(), filter.label(), null, "bo.filter." + filter.param() + "." + linked, remove);
                    case FLAG -> new Chip(filter.param(), filter.label(), null, null, remove);
                });
            }
        });
        return chips;
    }

    // ------------------------------------------------------------------ for templates

    /** The value of the filter with this name in the URL, as typed (a set for the statuses); null if not in force. */
    public Object get(String param) {
        GridFilter<?> filter = GridFilter.BY_PARAM.get(param);
        return filter == null ? null : filters.get(filter);
    }

    /** Whether the filter with this name is in force with this value (a code of a select, a check box). */
    public boolean isChosen(String param, String code) {
        Object value = get(param);
        return value instanceof Set<?> set ? set.contains(code) : value != null && value.toString().equals(code);
    }

    /** Whether the filter with this name is in force. */
    public boolean has(String param) {
        return get(param) != null;
    }

    public String getQ() { return value(GridFilter.Q); }
    public String getRef() { return value(GridFilter.REF); }
    public String getSort() { return sort.param(); }
    public boolean isAscending() { return ascending; }
    public int getSize() { return size; }
    public List<String> getErrors() { return errors; }
    /** The years a date filter may name, for the messages that say so. */
    public List<Integer> getYears() { return List.of(DateInput.FIRST_YEAR, DateInput.LAST_YEAR); }
    public boolean isPaged() { return afterId != null || beforeId != null; }

    /** Whether any filter narrows the list (the full list's count is estimated, not counted). */
    public boolean isFiltered() {
        return !filters.isEmpty();
    }

    /** Whether every filter is one of {@link GridFilter#READ_ALIKE}, so the jobs are read the same way whatever the values. */
    public boolean isReadAlike() {
        return GridFilter.READ_ALIKE.containsAll(filters.keySet());
    }

    /** Whether the search text is the only filter. */
    public boolean isTextOnly() {
        return filters.containsKey(GridFilter.Q) && filters.size() == 1;
    }

    // ------------------------------------------------------------------ parsing helpers

    private static String first(Map<String, List<String>> params, String name) {
        return GridFilter.first(params.get(name));
    }

    private static String blankToNull(String value) {
        return GridFilter.blankToNull(value);
    }

    private static Integer positive(String value) {
        return RequestValues.wholeNumber(value).orElse(null);
    }
}
