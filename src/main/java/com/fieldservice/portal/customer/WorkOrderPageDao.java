package com.fieldservice.portal.customer;

import static com.fieldservice.portal.customer.CustomerScope.VISIBLE_JOB;

import com.fieldservice.portal.conversation.ReplyStateDao;
import com.fieldservice.portal.conversation.TimelineDao;
import com.fieldservice.portal.conversation.TimelineEntry;
import com.fieldservice.portal.db.Json;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The customer's work order and its activity page, each in one statement within the customer's
 * {@link CustomerScope}: the work order with its lists as {@code json_agg} columns (db/Json),
 * what {@link JobActions} needs of it, and whether the contact reading it has a new reply to
 * mark read ({@link ReplyStateDao#REPLIES_TO_READ_COLUMN}, written only then). A DAO of two
 * methods: jdbi builds every method of a DAO each time one is attached.
 */
public interface WorkOrderPageDao {

    /**
     * The work order as its page shows it ({@link CustomerJobView}: nothing else is rendered), and,
     * never rendered, its status code and company for what the customer may do on it.
     */
    record Page(@Nested CustomerJobView.Detail job, String statusCode, UUID companyId, Integer repliesToRead,
                @Json List<CustomerJobView.Visit> visits, @Json List<CustomerJobView.Child> children,
                @Json List<TimelineEntry> timeline, int timelineTotal, int timelineFiles) {

        public CustomerJobView.Page view() {
            return new CustomerJobView.Page(job, visits, children);
        }

        /** The work order as the customer acts on it, for {@link JobActionsService#actions(ReportDao.CustomerJob, List)}. */
        public ReportDao.CustomerJob actedOn() {
            return new ReportDao.CustomerJob(job.jobId(), job.number(), statusCode, job.closed(), companyId, job.closedOn());
        }
    }

    /** The work order as the customer acts on it, with its timeline: the activity page. */
    record Activity(@Nested ReportDao.CustomerJob job, Integer repliesToRead, @Json List<TimelineEntry> timeline) {
    }

    /** The customer's timeline of the work order {@code :number} (TimelineDao: nothing internal), oldest first. */
    String TIMELINE = TimelineDao.CUSTOMER_JSON + " AS timeline";

    /**
     * The work order {@code :number} with its visits, its children the customer may see, its
     * timeline (the report and the newest {@code :timelineNewest} other entries, how many it holds
     * and how many files: {@link TimelineDao#CUSTOMER_LATEST}), and what was new to the contact
     * {@code :viewer}; empty outside the customer's scope.
     */
    @SqlQuery("SELECT d.*,\n       (SELECT json_agg(vs ORDER BY vs.ordinal) FROM (" + PortalJobDao.VISITS_OF + "d.job_id) v) vs) AS visits,"
            + """

                   (SELECT json_agg(ch ORDER BY ch.working_sequence NULLS LAST, ch.number)
                      FROM (SELECT j.id2 AS number, j.name, s.customer_status, j.working_sequence
                              FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                             WHERE j.parent_id = d.job_id AND\s""" + VISIBLE_JOB + ") ch) AS children,\n       "
            + "tl.timeline, tl.timeline_total, tl.timeline_files\n  FROM (" + PortalJobDao.DETAIL_COLUMNS
            + "     , s.code AS status_code, j.company_id, " + ReplyStateDao.REPLIES_TO_READ_COLUMN + " AS replies_to_read\n"
            + PortalJobDao.DETAIL_FROM + ") d\n" + TimelineDao.CUSTOMER_LATEST)
    Optional<Page> page(@BindMethods CustomerScope scope, @Bind("number") int number, @Bind("viewer") UUID viewer,
                        @Bind("timelineNewest") int timelineNewest);

    /** The work order {@code :number} as the customer acts on it, with its timeline and what was new to {@code :viewer}. */
    @SqlQuery("SELECT j.*, " + ReplyStateDao.REPLIES_TO_READ_COLUMN + " AS replies_to_read,\n       " + TIMELINE
            + "\n  FROM (" + ReportDao.JOB + " WHERE j.id2 = :number AND " + VISIBLE_JOB + ") j")
    Optional<Activity> activity(@BindMethods CustomerScope scope, @Bind("number") int number, @Bind("viewer") UUID viewer);
}
