package com.fieldservice.portal.conversation;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Who waits for whom in a work order's conversation (V16): the work orders whose customer wrote
 * since the team last answered, and per contact, the team's answers they have not opened yet.
 * Written in the transaction of the message itself ({@link Conversation}); read by key only.
 */
public interface ReplyStateDao {

    /** The condition of a work order {@code j} awaiting the team's reply (the grid's filter). */
    String AWAITING = "j.id IN (SELECT ar.job_id FROM job_awaiting_reply ar)";

    /** Whether work order {@code j} awaits the team's reply, for a line of the grid (a lookup by key). */
    String AWAITING_COLUMN = "EXISTS (SELECT 1 FROM job_awaiting_reply ar WHERE ar.job_id = j.id)";

    /** The team's answers on work order {@code j} when the contact bound as {@code :viewer} has not opened them all. */
    String UNREAD = """
            FROM job_team_replies tr WHERE tr.job_id = j.id AND tr.replies > coalesce(
                    (SELECT rr.replies FROM job_replies_read rr
                      WHERE rr.job_id = j.id AND rr.contact_id = CAST(:viewer AS uuid)), 0)""";

    /**
     * Whether the contact bound as {@code :viewer} has an answer of the team on work order {@code j}
     * they haven't opened yet (never, without a contact).
     */
    String NEW_REPLY_COLUMN = "EXISTS (SELECT 1 " + UNREAD + ")";

    /**
     * How many answers the team gave on work order {@code j}, when the contact bound as
     * {@code :viewer} has not opened them all; null when nothing is new to them. Read with the
     * page the contact opens, it is what {@link #contactRead} records: only an answer the page showed is read.
     */
    String REPLIES_TO_READ_COLUMN = "(SELECT tr.replies " + UNREAD + ")";

    /** The customer wrote: the work order awaits a reply from when they first did. */
    @SqlUpdate("INSERT INTO job_awaiting_reply (job_id) VALUES (:jobId) ON CONFLICT (job_id) DO NOTHING")
    void customerWrote(@Bind("jobId") UUID jobId);

    /** The team answered the customer: nothing awaits a reply, and every contact has one more to read. */
    @SqlUpdate("""
            WITH answered AS (DELETE FROM job_awaiting_reply WHERE job_id = :jobId)
            INSERT INTO job_team_replies (job_id, replies) VALUES (:jobId, 1)
            ON CONFLICT (job_id) DO UPDATE SET replies = job_team_replies.replies + 1""")
    void teamAnswered(@Bind("jobId") UUID jobId);

    /**
     * The team took back an answer (made it internal): the work order awaits a reply again, since
     * the customer's latest message (a comment, or a file other than the report's own), when that
     * message is now newer than every entry of the team the customer sees and than the last time a
     * planner marked their message read.
     */
    @SqlUpdate("""
            INSERT INTO job_awaiting_reply (job_id, since)
            SELECT j.id, latest.at FROM jobs j,
                   LATERAL (SELECT greatest(
                            (SELECT max(c.date_create) FROM job_comment c WHERE c.job_id = j.id AND c.by_customer),
                            (SELECT max(f.date_create) FROM job_attachment f
                              WHERE f.job_id = j.id AND f.contact_id IS NOT NULL AND f.date_create > j.date_create)) AS at) latest
             WHERE j.id = :jobId
               AND latest.at > coalesce(greatest(
                            (SELECT max(c.date_create) FROM job_comment c
                              WHERE c.job_id = j.id AND NOT c.by_customer AND c.visibility = 'customer'),
                            (SELECT max(f.date_create) FROM job_attachment f
                              WHERE f.job_id = j.id AND f.contact_id IS NULL AND f.visibility = 'customer'),
                            (SELECT max(h.changed_at) FROM job_history h WHERE h.job_id = j.id AND h.kind = 'read')),
                            '-infinity')
            ON CONFLICT (job_id) DO NOTHING""")
    void answerWithdrawn(@Bind("jobId") UUID jobId);

    /** A planner read the customer's message and needs not answer: how many work orders stopped waiting (0 or 1). */
    @SqlUpdate("DELETE FROM job_awaiting_reply WHERE job_id = :jobId")
    int markRead(@Bind("jobId") UUID jobId);

    /**
     * The contact opened the work order and read the team's answers up to {@code replies}, as
     * {@link #REPLIES_TO_READ_COLUMN} read them with the page: an answer arriving meanwhile stays
     * new rather than unseen. Called only when something was new, so a page view with nothing new
     * writes nothing; never moves a contact's count back (two pages opened at once).
     */
    @SqlUpdate("""
            INSERT INTO job_replies_read (job_id, contact_id, replies)
            SELECT tr.job_id, :contactId, :replies FROM job_team_replies tr WHERE tr.job_id = :jobId
            ON CONFLICT (job_id, contact_id) DO UPDATE SET replies = EXCLUDED.replies
                WHERE job_replies_read.replies < EXCLUDED.replies""")
    void contactRead(@Bind("jobId") UUID jobId, @Bind("contactId") UUID contactId, @Bind("replies") int replies);

    /** How many work orders await the team's reply (the dashboard's count). */
    @SqlQuery("SELECT count(*) FROM job_awaiting_reply")
    long awaitingReply();
}
