package com.fieldservice.portal.customer;

import com.fieldservice.portal.web.RequestValues;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the work-order list was asked for ({@code /portal/jobs} and {@code /portal/jobs.csv}
 * share it): tab, search text, installation, location, sort, direction and page. Anything the
 * customer can't mean (an unknown sort, a page below 1, a malformed installation id) falls back
 * to something harmless instead of an error; an installation id of another company is bound as
 * given and simply matches none of this customer's work orders.
 *
 * <p>Pages are numbered (LIMIT/OFFSET), not keyset: a company has at most some thousands of work
 * orders, every query starts from its {@code company_id}, so the database sorts a few thousand
 * rows at worst, and customers get page numbers and every sort (status, next visit) for free.
 */
public record JobListQuery(boolean closed, String q, String installation, String location, Sort sort,
                           boolean descending, int page) {

    public static final int PAGE_SIZE = 25;
    static final int MAX_TEXT = 100;
    /** Matches no installation at all: what a malformed installation id becomes. */
    static final UUID NO_INSTALLATION = new UUID(0, 0);

    /** The ways to sort; each maps to a fixed ORDER BY clause (never text from the request). */
    public enum Sort {
        NUMBER("number"), REPORTED("reported"), STATUS("status"), VISIT("visit");

        private final String param;

        Sort(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        static Sort of(String param) {
            for (Sort sort : values()) {
                if (sort.param.equals(param)) {
                    return sort;
                }
            }
            return null;
        }

        String expression(boolean closed) {
            switch (this) {
                case NUMBER:
                    return "j.id2";
                case REPORTED:
                    return PortalJobDao.REPORTED_ON;
                case STATUS:
                    return "array_position(ARRAY['received','scheduled','in_progress','waiting','done','cancelled']::text[],"
                            + " s.customer_status::text)";
                default:
                    // open work orders: the next visit; closed ones: when they were closed
                    return closed ? "j.date_closed" : "nv.date_start";
            }
        }
    }

    /** The bound parameters of the list's query; {@code viewer}: the contact reading it (their new replies). */
    public record Filter(UUID company, UUID contact, boolean closed, UUID installation, String locationLike,
                         String textLike, Integer number, UUID viewer) {
    }

    public static JobListQuery from(Context ctx) {
        boolean closed = "closed".equals(ctx.queryParam("tab"));
        Sort sort = Sort.of(ctx.queryParam("sort"));
        String dir = ctx.queryParam("dir");
        boolean descending;
        if (sort == null) {
            sort = closed ? Sort.VISIT : Sort.REPORTED;
            descending = !"asc".equals(dir);
        } else {
            descending = "desc".equals(dir);
        }
        int page = RequestValues.pageNumber(ctx.queryParam("page"), 100_000);
        return new JobListQuery(closed, text(ctx.queryParam("q")), text(ctx.queryParam("installation")),
                text(ctx.queryParam("location")), sort, descending, page);
    }

    /** The default order of a tab: newest reports first while open, latest closed first once closed. */
    public boolean isDefaultOrder() {
        return sort == (closed ? Sort.VISIT : Sort.REPORTED) && descending;
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }

    public Filter filter(CustomerScope scope, UUID viewer) {
        return new Filter(scope.company(), scope.contact(), closed, installationId(), like(location), like(q), number(),
                viewer);
    }

    UUID installationId() {
        if (installation == null) {
            return null;
        }
        return RequestValues.guid(installation).orElse(NO_INSTALLATION);
    }

    /** The work-order number the search text names, if it is one ("1234" or "#1234"). */
    Integer number() {
        return RequestValues.workOrderNumber(q).orElse(null);
    }

    /** A contains-pattern for ILIKE, with the wildcards the customer typed taken literally. */
    private static String like(String value) {
        if (value == null) {
            return null;
        }
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public String orderClause() {
        String direction = descending ? " DESC NULLS LAST" : " ASC NULLS LAST";
        return sort.expression(closed) + direction + ", j.id2" + (descending ? " DESC" : " ASC");
    }

    public int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    public boolean hasFilters() {
        return q != null || installation != null || location != null;
    }

    // ---- links: the same query with one thing changed -------------------------------------

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (closed) {
            params.put("tab", "closed");
        }
        put(params, "q", q);
        put(params, "installation", installation);
        put(params, "location", location);
        if (!isDefaultOrder()) {
            params.put("sort", sort.param());
            params.put("dir", descending ? "desc" : "asc");
        }
        if (page > 1) {
            params.put("page", String.valueOf(page));
        }
        return params;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String encode(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** This query on the given page. */
    public String pageLink(int number) {
        Map<String, String> params = params();
        params.remove("page");
        if (number > 1) {
            params.put("page", String.valueOf(number));
        }
        return "/portal/jobs" + encode(params);
    }

    /** This query sorted by that column: the other direction when it is already sorted by it. */
    public String sortLink(String column) {
        Sort target = Sort.of(column);
        // first click: newest first, except status (received first) and the next visit (soonest first)
        boolean desc = target == sort ? !descending : target != Sort.STATUS && (target != Sort.VISIT || closed);
        JobListQuery sorted = new JobListQuery(closed, q, installation, location, target, desc, 1);
        return "/portal/jobs" + encode(sorted.params());
    }

    /** The CSV of exactly what the list shows (all pages). */
    public String csvLink() {
        Map<String, String> params = params();
        params.remove("page");
        return "/portal/jobs.csv" + encode(params);
    }

    /** The other tab, keeping the search and filters but not the sort or page. */
    public String tabLink(boolean closedTab) {
        return "/portal/jobs" + encode(new JobListQuery(closedTab, q, installation, location,
                closedTab ? Sort.VISIT : Sort.REPORTED, true, 1).params());
    }

    /** The aria-sort value of a column header. */
    public String ariaSort(String column) {
        return Sort.of(column) == sort ? (descending ? "descending" : "ascending") : null;
    }

    public String sortParam() {
        return sort.param();
    }

    public String direction() {
        return descending ? "desc" : "asc";
    }
}
