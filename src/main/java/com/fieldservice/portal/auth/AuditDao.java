package com.fieldservice.portal.auth;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log: who did what, when, from where. Rows are only ever added. */
public interface AuditDao {

    record Entry(long id, OffsetDateTime occurredAt, String username, String event, String detail, String clientAddress) {
    }

    @SqlUpdate("""
            INSERT INTO audit_log (account_id, username, event, detail, client_address)
            VALUES (:accountId, left(:username, 250), :event, left(:detail, 1000), :clientAddress)""")
    void insert(@Bind("accountId") UUID accountId, @Bind("username") String username, @Bind("event") String event,
                @Bind("detail") String detail, @Bind("clientAddress") String clientAddress);

    /** Newest first; each filter applies when given. {@code before} pages on by id (keyset). */
    @SqlQuery("""
            SELECT id, occurred_at, username, event, detail, client_address FROM audit_log
             WHERE (CAST(:event AS text) IS NULL OR event = :event)
               AND (CAST(:username AS text) IS NULL OR lower(username) LIKE '%' || lower(:username) || '%')
               AND (CAST(:before AS bigint) IS NULL OR id < :before)
             ORDER BY id DESC
             LIMIT :limit""")
    List<Entry> search(@Bind("event") String event, @Bind("username") String username, @Bind("before") Long before,
                       @Bind("limit") int limit);
}
