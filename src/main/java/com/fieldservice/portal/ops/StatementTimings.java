package com.fieldservice.portal.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every statement by the SqlObject method that ran it ({@code dao="JobDao",
 * method="current"}); statements written in place (handle.execute, handle.createQuery) count
 * under dao="-" and method="-". Failures count apart (outcome="error").
 */
final class StatementTimings implements SqlLogger {

    private final MeterRegistry registry;
    private final String database;

    StatementTimings(MeterRegistry registry, String database) {
        this.registry = registry;
        this.database = database;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        record(context, "ok");
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        record(context, "error");
    }

    private void record(StatementContext context, String outcome) {
        ExtensionMethod method = context.getExtensionMethod();
        long nanos = context.getElapsedTime(ChronoUnit.NANOS);
        if (nanos < 0) {
            return;
        }
        Timer.builder("portal.db.statements")
                .description("SQL statements by DAO method")
                .tag("dao", method == null ? "-" : method.getType().getSimpleName())
                .tag("method", method == null ? "-" : method.getMethod().getName())
                .tag("outcome", outcome)
                .tag("database", database)
                .serviceLevelObjectives(PortalMetrics.BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
