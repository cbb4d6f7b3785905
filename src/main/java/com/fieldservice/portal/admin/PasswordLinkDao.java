package com.fieldservice.portal.admin;

import com.fieldservice.portal.auth.AccountDao;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * One-time links to choose a password. Only the SHA-256 of a link's token is stored. A link
 * is live while unused, unexpired, and its account (a person's, never an integration's) may
 * still sign in.
 */
public interface PasswordLinkDao {

    record Holder(UUID accountId, String username) {
    }

    String LIVE = """
            l.used_at IS NULL AND l.expires_at > now()
            AND l.account_id IN (SELECT a.id FROM\s""" + AccountDao.JOINS + """

             WHERE a.role <> 'api' AND\s""" + AccountDao.ACTIVE + ")";

    @SqlUpdate("""
            INSERT INTO password_link (token_hash, account_id, expires_at)
            VALUES (:hash, :account, now() + make_interval(secs => :seconds))""")
    void insert(@Bind("hash") byte[] tokenHash, @Bind("account") UUID accountId, @Bind("seconds") long validSeconds);

    /**
     * Holds the account's row until the transaction ends: two senders (two portal instances)
     * answering requests for the same account count its links one after the other.
     */
    @SqlQuery("SELECT id FROM account WHERE id = :account FOR NO KEY UPDATE")
    Optional<UUID> lock(@Bind("account") UUID accountId);

    /** How many links the account was given within the last {@code seconds}. */
    @SqlQuery("SELECT count(*) FROM password_link WHERE account_id = :account AND date_create > now() - make_interval(secs => :seconds)")
    int issuedSince(@Bind("account") UUID accountId, @Bind("seconds") long seconds);

    /** Makes every still-usable link of the account unusable (a newer one replaces them). */
    @SqlUpdate("UPDATE password_link SET expires_at = now() WHERE account_id = :account AND used_at IS NULL AND expires_at > now()")
    int expireUnused(@Bind("account") UUID accountId);

    /** The person's account (never an integration's) that may sign in, by its username or the email address on record. */
    @SqlQuery("SELECT a.id AS account_id, a.username FROM " + AccountDao.JOINS + """

             WHERE a.role <> 'api' AND\s""" + AccountDao.ACTIVE + """

               AND (lower(a.username) = lower(:email) OR lower(coalesce(ct.email, u.email)) = lower(:email))
             ORDER BY lower(a.username) = lower(:email) DESC, a.date_create LIMIT 1""")
    Optional<Holder> personByEmail(@Bind("email") String email);

    @SqlQuery("SELECT a.id AS account_id, a.username FROM password_link l JOIN account a ON a.id = l.account_id"
            + " WHERE l.token_hash = :hash AND " + LIVE)
    Optional<Holder> findLive(@Bind("hash") byte[] tokenHash);

    /** Uses the link up, if it is still live: of two requests racing with one link, only one gets its account. */
    @SqlQuery("UPDATE password_link l SET used_at = now() WHERE l.token_hash = :hash AND " + LIVE
            + " RETURNING l.account_id, (SELECT username FROM account WHERE id = l.account_id) AS username")
    Optional<Holder> use(@Bind("hash") byte[] tokenHash);
}
