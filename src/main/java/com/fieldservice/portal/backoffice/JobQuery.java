package com.fieldservice.portal.backoffice;

import com.fieldservice.portal.jobs.DateInput;
import com.fieldservice.portal.web.RequestValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
    private static final Pattern CODE = Pattern.compile("[\\p{Alnum}_.\\-]{1,50}");

    String q;
    String ref;
    final Set<String> statuses = new LinkedHashSet<>();
    boolean open;
    String type;
    String priority;
    String skill;
    String company;
    String installation;
    String technician;
    LocalDate dueFrom;
    LocalDate dueTo;
    boolean overdue;
    boolean unplanned;
    boolean reportedToday;
    String level;
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
        query.q = text(first(params, "q"));
        query.ref = text(first(params, "ref"));
        for (String status : params.getOrDefault("status", List.of())) {
            for (String code : status.split(",")) {
                if (!code.isBlank()) {
                    if (CODE.matcher(code.trim()).matches()) {
                        query.statuses.add(code.trim());
                    } else {
                        query.errors.add("bo.filter.error.status");
                    }
                }
            }
        }
        query.open = flag(first(params, "open"));
        query.type = code(query, first(params, "type"), "bo.filter.error.type");
        query.priority = code(query, first(params, "priority"), "bo.filter.error.priority");
        query.skill = code(query, first(params, "skill"), "bo.filter.error.skill");
        query.company = code(query, first(params, "company"), "bo.filter.error.company");
        query.installation = code(query, first(params, "installation"), "bo.filter.error.installation");
        // a technician by app_user id, or by their code as the filter form offers
        String technician = blankToNull(first(params, "technician"));
        Optional<UUID> technicianId = RequestValues.guid(technician);
        if (technician != null && technicianId.isEmpty() && !CODE.matcher(technician).matches()) {
            query.errors.add("bo.filter.error.technician");
        } else {
            query.technician = technicianId.map(UUID::toString).orElse(technician);
        }
        query.dueFrom = date(query, first(params, "due_from"), "bo.filter.error.dueFrom");
        query.dueTo = date(query, first(params, "due_to"), "bo.filter.error.dueTo");
        if (query.dueFrom != null && query.dueTo != null && query.dueTo.isBefore(query.dueFrom)) {
            query.errors.add("bo.filter.error.dueRange");
            query.dueTo = null;
        }
        query.overdue = flag(first(params, "overdue"));
        query.unplanned = flag(first(params, "unplanned"));
        String reported = blankToNull(first(params, "reported"));
        if (reported != null) {
            if (reported.equalsIgnoreCase("today")) {
                query.reportedToday = true;
            } else {
                query.errors.add("bo.filter.error.reported");
            }
        }
        String level = blankToNull(first(params, "level"));
        if (level != null) {
            if (level.equals("parents") || level.equals("children")) {
                query.level = level;
            } else {
                query.errors.add("bo.filter.error.level");
            }
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
        put(p, "q", q);
        put(p, "ref", ref);
        if (!statuses.isEmpty()) {
            p.put("status", List.copyOf(statuses));
        }
        if (open) {
            put(p, "open", "1");
        }
        put(p, "type", type);
        put(p, "priority", priority);
        put(p, "skill", skill);
        put(p, "company", company);
        put(p, "installation", installation);
        put(p, "technician", technician);
        put(p, "due_from", dueFrom == null ? null : dueFrom.toString());
        put(p, "due_to", dueTo == null ? null : dueTo.toString());
        if (overdue) {
            put(p, "overdue", "1");
        }
        if (unplanned) {
            put(p, "unplanned", "1");
        }
        if (reportedToday) {
            put(p, "reported", "today");
        }
        put(p, "level", level);
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
        return sort.param().equals(column) ? (ascending ? "ascending" : "descending") : "none";
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

    // ------------------------------------------------------------------ for templates

    public String getQ() { return q; }
    public String getRef() { return ref; }
    public Set<String> getStatuses() { return statuses; }
    public boolean isOpen() { return open; }
    public String getType() { return type; }
    public String getPriority() { return priority; }
    public String getSkill() { return skill; }
    public String getCompany() { return company; }
    public String getInstallation() { return installation; }
    public String getTechnician() { return technician; }
    public LocalDate getDueFrom() { return dueFrom; }
    public LocalDate getDueTo() { return dueTo; }
    public boolean isOverdue() { return overdue; }
    public boolean isUnplanned() { return unplanned; }
    public boolean isReportedToday() { return reportedToday; }
    public String getLevel() { return level; }
    public String getSort() { return sort.param(); }
    public boolean isAscending() { return ascending; }
    public int getSize() { return size; }
    public List<String> getErrors() { return errors; }
    /** The years a date filter may name, for the messages that say so. */
    public List<Integer> getYears() { return List.of(DateInput.FIRST_YEAR, DateInput.LAST_YEAR); }
    public boolean isPaged() { return afterId != null || beforeId != null; }

    /** Whether any filter narrows the list (the full list's count is estimated, not counted). */
    public boolean isFiltered() {
        return !filterParams().isEmpty();
    }

    /** Whether the search text is the only filter. */
    public boolean isTextOnly() {
        return q != null && filterParams().size() == 1;
    }

    // ------------------------------------------------------------------ parsing helpers

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String text(String value) {
        String text = blankToNull(value);
        return text == null ? null : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static boolean flag(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"));
    }

    private static String code(JobQuery query, String value, String error) {
        String code = blankToNull(value);
        if (code != null && !CODE.matcher(code).matches()) {
            query.errors.add(error);
            return null;
        }
        return code;
    }

    private static LocalDate date(JobQuery query, String value, String error) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return DateInput.day(text);
        } catch (DateInput.Refused refused) {
            query.errors.add(error);
            return null;
        }
    }

    private static Integer positive(String value) {
        return RequestValues.wholeNumber(value).orElse(null);
    }
}
