package com.fieldservice.portal.auth;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Server-side sessions, shared by every portal instance through PostgreSQL. */
public interface SessionDao {

    record SessionRow(@Nested AccountDao.PrincipalRow principal, String csrfToken, OffsetDateTime dateCreate,
                      OffsetDateTime lastSeen) {
    }

    @SqlUpdate("""
            INSERT INTO web_session (token_hash, account_id, csrf_token, client_address, user_agent)
            VALUES (:tokenHash, :accountId, :csrfToken, :clientAddress, left(:userAgent, 255))""")
    void insert(@Bind("tokenHash") byte[] tokenHash, @Bind("accountId") UUID accountId,
                @Bind("csrfToken") String csrfToken, @Bind("clientAddress") String clientAddress,
                @Bind("userAgent") String userAgent);

    /** The live session behind a token: not idle too long, not too old, its account still allowed in. */
    @SqlQuery("SELECT " + AccountDao.PRINCIPAL_COLUMNS + ", s.csrf_token, s.date_create, s.last_seen FROM web_session s JOIN "
            + AccountDao.JOINS + " ON a.id = s.account_id"
            + " WHERE s.token_hash = :tokenHash"
            + " AND s.last_seen > now() - make_interval(secs => :idleSeconds)"
            + " AND s.date_create > now() - make_interval(secs => :absoluteSeconds)"
            + " AND " + AccountDao.ACTIVE)
    Optional<SessionRow> findLive(@Bind("tokenHash") byte[] tokenHash, @Bind("idleSeconds") long idleSeconds,
                                  @Bind("absoluteSeconds") long absoluteSeconds);

    /** 0 once the session has ended. */
    @SqlUpdate("UPDATE web_session SET last_seen = now() WHERE token_hash = :tokenHash")
    int touch(@Bind("tokenHash") byte[] tokenHash);

    @SqlUpdate("DELETE FROM web_session WHERE token_hash = :tokenHash")
    void delete(@Bind("tokenHash") byte[] tokenHash);

    @SqlUpdate("DELETE FROM web_session WHERE account_id = :accountId AND token_hash <> :keep")
    int deleteOthersOf(@Bind("accountId") UUID accountId, @Bind("keep") byte[] keep);

    @SqlUpdate("DELETE FROM web_session WHERE account_id = :accountId")
    int deleteAllOf(@Bind("accountId") UUID accountId);

    /**
     * Every instance runs this at each sign-in; SKIP LOCKED lets them all at once without
     * waiting for each other: a row another one is deleting is left to it.
     */
    @SqlUpdate("""
            DELETE FROM web_session
             WHERE token_hash IN (SELECT token_hash FROM web_session
                                   WHERE last_seen < now() - make_interval(secs => :idleSeconds)
                                      OR date_create < now() - make_interval(secs => :absoluteSeconds)
                                     FOR UPDATE SKIP LOCKED)""")
    int deleteExpired(@Bind("idleSeconds") long idleSeconds, @Bind("absoluteSeconds") long absoluteSeconds);
}
