package com.fieldservice.portal.conversation;

import com.fieldservice.portal.customer.CustomerScope;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * A work order's conversation: its timeline in one statement for either side, and the writes of
 * comments and files with their history entry. The two sides read the same entries; which side
 * reads is fixed by the statement itself (no parameter can turn a customer's query into the
 * back office's): the customer's finds the work order through {@link CustomerScope#VISIBLE_JOB}
 * and leaves out every internal entry, and names staff by first name only.
 */
public interface TimelineDao {

    /**
     * The work order {@code j} as its timeline needs it. The report reads as the customer wrote it:
     * a planner who edits the description later leaves the report's text alone (the history's
     * first change of the description holds the text before it).
     */
    String JOB_COLUMNS = """
            SELECT j.id, j.company_id, j.requested_by_contact_id, j.date_reported_by_company, j.date_create,
                   coalesce((SELECT h.changes -> 'description' ->> 'old' FROM job_history h
                              WHERE h.job_id = j.id AND h.kind = 'edited' AND h.changes -> 'description' IS NOT NULL
                              ORDER BY h.id LIMIT 1), j.description) AS description
              FROM jobs j WHERE j.id2 = :number""";

    /** The back office: any work order, every entry (read within the work order's page statement, backoffice/JobPageDao). */
    String FOR_STAFF = "WITH audience AS (SELECT false AS customer_view), job AS (" + JOB_COLUMNS + ")\n";

    /** A customer: a work order of their scope, what they may read of it (read within their work order's page statements, customer/WorkOrderPageDao). */
    String FOR_CUSTOMER = "WITH audience AS (SELECT true AS customer_view), job AS (" + JOB_COLUMNS
            + " AND " + CustomerScope.VISIBLE_JOB + ")\n";

    /** The comments of the work order {@code job} that the {@code audience} reads. */
    String COMMENTS_READ = "c.job_id = job.id AND (c.visibility = 'customer' OR NOT audience.customer_view)";

    /** The files of the work order {@code job} that the {@code audience} reads. */
    String FILES_READ = "f.job_id = job.id AND (f.visibility = 'customer' OR NOT audience.customer_view)";

    /** Every comment and file: {@link #ENTRIES} reads the whole timeline (the activity page). */
    String EVERY_ENTRY = ", shown AS (SELECT NULL::integer AS most)\n";

    /** The newest {@code :timelineNewest} comments and files: a page's {@link #LATEST}. */
    String NEWEST_ENTRIES = ", shown AS (SELECT CAST(:timelineNewest AS integer) AS most)\n";

    /**
     * The report as the customer wrote it, the comments, the files and the status changes a
     * customer reads, each with what {@link #ORDER} sorts by. A member of staff is named in full to
     * the back office and by first name to customers; a status changed by staff is the team's to
     * customers (no name). Of the comments and of the files, only the newest {@code shown.most}
     * ({@link #EVERY_ENTRY} or {@link #NEWEST_ENTRIES}): a page that shows the newest few reads as
     * many rows whether the conversation holds twenty entries or two thousand. Status changes the
     * customer reads are few, and read in full.
     */
    String ENTRIES = """
            SELECT e.kind, e.at, e.author, e.by_customer, e.internal, e.text, e.file_id, e.file_name, e.content_type,
                   e.size, e.customer_status, e.rank, e.seq
              FROM audience, shown, job, LATERAL (
                   SELECT 'report' AS kind, 0 AS rank, coalesce(job.date_reported_by_company, job.date_create) AS at,
                          (SELECT person_name(rc) FROM contact rc
                            WHERE rc.id = job.requested_by_contact_id AND rc.company_id = job.company_id) AS author,
                          true AS by_customer, false AS internal, job.description AS text,
                          NULL::uuid AS file_id, NULL::text AS file_name, NULL::text AS content_type, NULL::integer AS size,
                          NULL::text AS customer_status, NULL::bigint AS seq
                    WHERE job.requested_by_contact_id IS NOT NULL AND job.description IS NOT NULL
                   UNION ALL
                   SELECT 'comment', 2, c.date_create,
                          CASE WHEN c.by_customer THEN c.author_name
                               WHEN audience.customer_view THEN staff_name_for_customers(u)
                               ELSE coalesce(person_name(u), c.author_name) END,
                          c.by_customer, c.visibility = 'internal', c.text, NULL, NULL, NULL, NULL, NULL, c.id
                     FROM (SELECT c.id, c.date_create, c.by_customer, c.author_name, c.app_user_id, c.visibility, c.text
                             FROM job_comment c WHERE\s""" + COMMENTS_READ + """

                            ORDER BY c.date_create DESC, c.id DESC LIMIT shown.most) c
                     LEFT JOIN app_user u ON u.id = c.app_user_id
                   UNION ALL
                   SELECT 'file', 3, f.date_create,
                          CASE WHEN f.contact_id IS NOT NULL THEN person_name(fc)
                               WHEN audience.customer_view THEN staff_name_for_customers(u)
                               ELSE person_name(u) END,
                          f.contact_id IS NOT NULL, f.visibility = 'internal', NULL, f.id, f.file_name, f.content_type,
                          f.size, NULL, NULL
                     FROM (SELECT f.id, f.date_create, f.contact_id, f.app_user_id, f.visibility, f.file_name,
                                  f.content_type, f.size
                             FROM job_attachment f WHERE\s""" + FILES_READ + """

                            ORDER BY f.date_create DESC, f.file_name DESC, f.id DESC LIMIT shown.most) f
                     LEFT JOIN app_user u ON u.id = f.app_user_id
                     LEFT JOIN contact fc ON fc.id = f.contact_id
                   UNION ALL
                   SELECT 'status', 1, h.changed_at,
                          CASE WHEN a.role = 'customer' OR NOT audience.customer_view THEN h.changed_by END,
                          coalesce(a.role = 'customer', false), false, NULL, NULL, NULL, NULL, NULL, became.customer_status, h.id
                     FROM job_history h
                     JOIN job_status became ON became.code = h.changes -> 'status' ->> 'new'
                     LEFT JOIN job_status was ON was.code = h.changes -> 'status' ->> 'old'
                     LEFT JOIN account a ON a.id = h.account_id
                    WHERE h.job_id = job.id AND h.kind IN ('created', 'status')
                      AND was.customer_status IS DISTINCT FROM became.customer_status
                   ) e
            """;

    /**
     * Oldest first; entries of one moment in a fixed order: by kind, then as they were written
     * (comments and status changes), files of one upload by name.
     */
    String ORDER = "t.at, t.rank, t.seq, t.file_name, t.file_id";

    /** A customer's whole timeline of the work order {@code :number} as one JSON array (nothing internal), for a page's statement. */
    String CUSTOMER_JSON = "(SELECT json_agg(t ORDER BY " + ORDER + ") FROM (\n" + FOR_CUSTOMER + EVERY_ENTRY + ENTRIES + ") t)";

    /**
     * The newest first ({@link #ORDER} reversed), the report apart: {@code newest} numbers the
     * other entries from the newest, so that a page keeps the report and the newest few.
     */
    String NEWEST = "row_number() OVER (PARTITION BY t.kind = 'report' ORDER BY t.at DESC, t.rank DESC, t.seq DESC,"
            + " t.file_name DESC, t.file_id DESC) AS newest";

    /**
     * A page's timeline as a lateral join {@code tl} (its statement's {@code FROM} goes on with
     * it): {@code tl.timeline}, the report and the newest {@code :timelineNewest} other entries
     * as one JSON array in {@link #ORDER}; {@code tl.timeline_total}, how many entries the whole
     * timeline holds; {@code tl.timeline_files}, how many of them are files (the comments and files
     * counted apart, as {@link #ENTRIES} reads only the newest of them). Followed by the side's
     * {@link #FOR_STAFF} or {@link #FOR_CUSTOMER} and {@link #LATEST_END}.
     */
    String LATEST = "LEFT JOIN LATERAL (\n";

    String LATEST_END = NEWEST_ENTRIES + ", entries AS (SELECT t.*, " + NEWEST + " FROM (\n" + ENTRIES + ") t),\n"
            + "     counted AS (SELECT (SELECT count(*) FROM entries t WHERE t.kind IN ('report', 'status')) AS others,\n"
            + "                        (SELECT count(*) FROM job_comment c WHERE " + COMMENTS_READ + ") AS comments,\n"
            + "                        (SELECT count(*) FROM job_attachment f WHERE " + FILES_READ + ") AS files\n"
            + "                   FROM audience LEFT JOIN job ON true)\n"
            + "SELECT (SELECT json_agg(t ORDER BY " + ORDER + ") FROM entries t, shown\n"
            + "         WHERE t.kind = 'report' OR t.newest <= shown.most) AS timeline,\n"
            + "       counted.others + counted.comments + counted.files AS timeline_total, counted.files AS timeline_files\n"
            + "  FROM counted) tl ON true\n";

    /** The back office's timeline of the work order {@code :number}, shortened ({@link #LATEST}). */
    String STAFF_LATEST = LATEST + FOR_STAFF + LATEST_END;

    /** A customer's timeline of the work order {@code :number} (nothing internal), shortened ({@link #LATEST}). */
    String CUSTOMER_LATEST = LATEST + FOR_CUSTOMER + LATEST_END;

    /**
     * How many entries besides the report a page shows unless the whole timeline is asked for: each
     * entry is markup to render (with 49, a work order with 200 entries took twice the server time
     * of an ordinary one).
     */
    int NEWEST_SHOWN = 19;

    @SqlUpdate("""
            INSERT INTO job_comment (job_id, account_id, app_user_id, contact_id, author_name, by_customer, text, visibility)
            VALUES (:jobId, :accountId, :appUserId, :contactId, :authorName, :byCustomer, :text, :visibility)""")
    void insertComment(@Bind("jobId") UUID jobId, @Bind("accountId") UUID accountId, @Bind("appUserId") UUID appUserId,
                       @Bind("contactId") UUID contactId, @Bind("authorName") String authorName,
                       @Bind("byCustomer") boolean byCustomer, @Bind("text") String text,
                       @Bind("visibility") String visibility);

    @SqlUpdate("""
            INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes, uploaded_by, app_user_id, contact_id,
                                        visibility)
            VALUES (:jobId, :fileName, :contentType, :size, :bytes, :accountId, :appUserId, :contactId, :visibility)""")
    void insertFile(@Bind("jobId") UUID jobId, @Bind("fileName") String fileName, @Bind("contentType") String contentType,
                    @Bind("size") int size, @Bind("bytes") byte[] bytes, @Bind("accountId") UUID accountId,
                    @Bind("appUserId") UUID appUserId, @Bind("contactId") UUID contactId,
                    @Bind("visibility") String visibility);

    /** How many files a side counts against the limit per work order: customers count what they see. */
    @SqlQuery("SELECT count(*) FROM job_attachment WHERE job_id = :jobId AND (visibility = 'customer' OR NOT :customerView)")
    int countFiles(@Bind("jobId") UUID jobId, @Bind("customerView") boolean customerView);

    @SqlQuery("SELECT staff_name_for_customers(u) FROM app_user u WHERE id = :id")
    java.util.Optional<String> staffFirstName(@Bind("id") UUID appUserId);

    /** A history entry at the work order's current version: a message adds to it, it changes no field. */
    @SqlUpdate("""
            INSERT INTO job_history (job_id, account_id, changed_by, kind, changes, version)
            SELECT j.id, :accountId, :changedBy, :kind, CAST(:changes AS jsonb), j.version FROM jobs j WHERE j.id = :jobId""")
    void record(@Bind("jobId") UUID jobId, @Bind("accountId") UUID accountId, @Bind("changedBy") String changedBy,
                @Bind("kind") String kind, @Bind("changes") String changes);

    /**
     * A comment or a file of a work order as a change of who reads it needs it, held until the
     * transaction ends: the customer's own ({@code byCustomer}) keep their visibility.
     *
     * @param text the comment, or the file's name
     * @param writer the member of staff who wrote it, if any
     */
    record Written(boolean byCustomer, String visibility, String text, UUID writer) {
    }

    @SqlQuery("""
            SELECT by_customer, visibility, text, app_user_id AS writer FROM job_comment
             WHERE id = :id AND job_id = :jobId FOR NO KEY UPDATE""")
    java.util.Optional<Written> comment(@Bind("jobId") UUID jobId, @Bind("id") long id);

    /** A file sent by a contact is the customer's (as {@link #ENTRIES} reads it). */
    @SqlQuery("""
            SELECT contact_id IS NOT NULL AS by_customer, visibility, file_name AS text, app_user_id AS writer
              FROM job_attachment WHERE id = :id AND job_id = :jobId FOR NO KEY UPDATE""")
    java.util.Optional<Written> file(@Bind("jobId") UUID jobId, @Bind("id") UUID id);

    @SqlUpdate("UPDATE job_comment SET visibility = :visibility WHERE id = :id")
    void commentVisibility(@Bind("id") long id, @Bind("visibility") String visibility);

    @SqlUpdate("UPDATE job_attachment SET visibility = :visibility WHERE id = :id")
    void fileVisibility(@Bind("id") UUID id, @Bind("visibility") String visibility);

    @SqlQuery("SELECT id FROM jobs WHERE id2 = :number")
    java.util.Optional<UUID> jobId(@Bind("number") int number);

    /** Holds the work order's row until the transaction ends: two uploads at once can't both take the last places. */
    @SqlQuery("SELECT id FROM jobs WHERE id = :id FOR NO KEY UPDATE")
    UUID lockJob(@Bind("id") UUID id);
}
