package com.fieldservice.portal.db;

import org.jdbi.v3.core.Handle;

/**
 * How PostgreSQL plans the statements of a transaction, where the default choice costs more than
 * it saves.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * The statements of the current transaction keep one generic plan per connection. PostgreSQL
     * plans a prepared statement for its values five times, then keeps a generic plan unless that
     * one's estimate is higher; a page that reads one work order by its number has one right
     * plan, yet for the back office's (40 relations, 10 to 25 ms to plan) three of seven pooled
     * connections kept planning at every request. Call inside a transaction.
     */
    public static void generic(Handle handle) {
        handle.execute("SET LOCAL plan_cache_mode = force_generic_plan");
    }

    /**
     * The statements of the current transaction are planned for their values at every run: where
     * the values decide the plan (the grid's filters, whose selectivity ranges from a handful of
     * jobs to half the table). Call inside a transaction.
     */
    public static void forValues(Handle handle) {
        handle.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    }
}
