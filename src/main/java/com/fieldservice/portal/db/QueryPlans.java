package com.fieldservice.portal.db;

import org.jdbi.v3.core.Handle;

/**
 * How PostgreSQL plans the portal's statements.
 *
 * <p>Every connection keeps one generic plan per prepared statement ({@link #CONNECTION_DEFAULT},
 * set when the connection opens). Left to itself, PostgreSQL plans a statement for its values five
 * times, then keeps a generic plan only if its estimate is no higher than theirs; for statements
 * whose every value is read the same way, that judgement failed and planning cost more than running:
 * a work order page (40 relations, three of seven pooled connections planning it at every request),
 * the customer's filter choices (0.2 ms to plan, 0.3 ms to run), the search words' statistics (0.6
 * ms to plan, 0.2 ms to run).
 *
 * <p>Where the values do decide the plan ({@link #forValues}), the statements ask for it: the grid's
 * filters, whose selectivity ranges from a handful of jobs to half the table, its export, and the
 * audit log's optional filters.
 */
public final class QueryPlans {

    /** What every connection of the portal runs when it opens. */
    public static final String CONNECTION_DEFAULT = "SET plan_cache_mode = force_generic_plan";

    private QueryPlans() {
    }

    /**
     * The statements of the current transaction are planned for their values at every run. Call
     * inside a transaction.
     */
    public static void forValues(Handle handle) {
        handle.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    }
}
