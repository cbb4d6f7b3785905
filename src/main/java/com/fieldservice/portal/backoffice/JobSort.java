package com.fieldservice.portal.backoffice;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns the job grid sorts on. Each names the SQL of its sort key, never null (nulls are
 * folded into a value that sorts last ascending), so that a page boundary is the pair
 * (key, id2) and the next page is a plain row comparison: keyset pagination, as fast on page
 * 4,000 as on page 1.
 */
public enum JobSort {
    NUMBER("number", "j.id2", Kind.INTEGER, ""),
    NAME("name", "j.name", Kind.TEXT, ""),
    COMPANY("company", "c.name", Kind.TEXT, " JOIN company c ON c.id = j.company_id"),
    INSTALLATION("installation", "p.name", Kind.TEXT, " JOIN project p ON p.id = j.project_id"),
    TYPE("type", "t.name", Kind.TEXT, " JOIN job_type t ON t.id = j.job_type_id"),
    PRIORITY("priority", "coalesce(pr.sequence, 2147483647)", Kind.INTEGER,
            " LEFT JOIN job_priority pr ON pr.id = j.job_priority_id"),
    STATUS("status", "s.sort_order", Kind.INTEGER, " JOIN job_status s ON s.id = j.job_status_id"),
    DUE_DATE("due_date", "coalesce(j.due_date, 'infinity'::date)", Kind.DAY, ""),
    TECHNICIAN("technician", "coalesce(" + GridStatements.TECHNICIAN_NAME + ", '')", Kind.TEXT, ""),
    CUSTOMER_REFERENCE("customer_reference", "coalesce(j.customer_reference, '')", Kind.TEXT, ""),
    MODIFIED("modified", "j.modified_dateutc", Kind.TIMESTAMP, "");

    /** How a key travels in a URL and is bound back into SQL. */
    public enum Kind { INTEGER, TEXT, TIMESTAMP, DAY }

    public static final JobSort DEFAULT = NUMBER;

    private final String param;
    private final String sql;
    private final Kind kind;
    private final String join;

    JobSort(String param, String sql, Kind kind, String join) {
        this.param = param;
        this.sql = sql;
        this.kind = kind;
        this.join = join;
    }

    public String param() {
        return param;
    }

    String sql() {
        return sql;
    }

    Kind kind() {
        return kind;
    }

    /** The key as text, as the page links carry it. */
    String keyText() {
        return switch (kind) {
            case TIMESTAMP -> "CASE WHEN " + sql + " = 'infinity' THEN 'infinity' ELSE to_char(" + sql
                    + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') END";
            case DAY -> "CASE WHEN " + sql + " = 'infinity' THEN 'infinity' ELSE to_char(" + sql + ", 'YYYY-MM-DD') END";
            case INTEGER, TEXT -> "(" + sql + ")::text";
        };
    }

    /** A page link's key, bound as {@code :cursor_key}, as SQL of the key's type. */
    String castCursor() {
        return switch (kind) {
            case INTEGER -> "CAST(:cursor_key AS integer)";
            case TIMESTAMP -> "CAST(:cursor_key AS timestamptz)";
            case DAY -> "CAST(:cursor_key AS date)";
            case TEXT -> "CAST(:cursor_key AS text)";
        };
    }

    /** The jobs' order: the key, then the number. */
    String orderBy(boolean ascending) {
        String dir = ascending ? " ASC" : " DESC";
        return this == NUMBER ? " ORDER BY j.id2" + dir : " ORDER BY " + sql + dir + ", j.id2" + dir;
    }

    /**
     * The table the key comes from, joined to the jobs when the grid chooses its page: the other
     * tables are joined only to the page's lines (see {@link JobSearch}).
     */
    String join() {
        return join;
    }

    /**
     * Whether an index orders all jobs by this key and id2 (V2, V6, V11, V37), so that PostgreSQL can
     * walk the list in order and stop after a page.
     */
    boolean walksAnIndex() {
        return join.isEmpty() && this != TECHNICIAN;
    }

    public static Optional<JobSort> fromParam(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (JobSort sort : values()) {
            if (sort.param.equals(wanted)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
