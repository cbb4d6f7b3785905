package com.fieldservice.portal.planning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The writes of visits (job_planning) and what they check, inside the caller's transaction. */
public interface VisitDao {

    /** A work order as a visit change reads it, its row locked until the transaction ends. */
    record LockedJob(UUID id, int id2, int version, String statusCode, String visitState, boolean closed, UUID skillId,
                     Integer estimatedTime) {
    }

    record Technician(UUID id, String name, String code) {
    }

    /** A visit as it is stored, with its technician's name (for the history) and its SEQUENCE in calendars. */
    record Stored(UUID id, UUID jobId, UUID technicianId, String technician, OffsetDateTime start, OffsetDateTime end,
                  int sequence) {
    }

    @SqlQuery("""
            SELECT j.id, j.id2, j.version, s.code AS status_code, s.visit_state, s.is_closed AS closed, j.skill_id,
                   j.estimated_time
              FROM jobs j JOIN job_status s ON s.id = j.job_status_id
             WHERE j.id2 = :number
               FOR NO KEY UPDATE OF j""")
    Optional<LockedJob> lockJob(@Bind("number") int number);

    /** A technician as a visit change locks them, and whether they have the work order's skill (true when it asks for none). */
    record LockedTechnician(UUID id, String name, String code, boolean mastersSkill) {
    }

    /**
     * A technician (a person who uses the service app) by code or GUID, their row locked until
     * the transaction ends: two planners placing visits for the same technician wait for each
     * other, so the overlap check below sees the other's visit. With whether they have the
     * skill {@code skill}, in the same statement.
     */
    @SqlQuery("""
            SELECT u.id, person_name(u) AS name, u.code,
                   (CAST(:skill AS uuid) IS NULL OR EXISTS (SELECT 1 FROM app_user_skill us
                     WHERE us.app_user_id = u.id AND us.skill_id = CAST(:skill AS uuid))) AS masters_skill
              FROM app_user u
             WHERE (u.id = CAST(:id AS uuid) OR lower(u.code) = lower(:code))
               AND u.allow_service_app AND NOT u.disabled AND NOT u.archived
             LIMIT 1
               FOR NO KEY UPDATE OF u""")
    Optional<LockedTechnician> lockTechnician(@Bind("id") UUID id, @Bind("code") String code, @Bind("skill") UUID skill);

    /**
     * The number of another work order's visit of this technician that overlaps [start, end), if
     * any (the one ending first). Read along job_planning_user_end (V27), the visits ending after
     * the start: ordered by their end, so that a plan made for any start and end (a prepared
     * statement's generic plan) still reads only those, never the technician's whole history.
     * A cancelled work order's visits (they stay) leave the time free, as the board and the
     * calendar show it: its status is among the cancelled ones, read once as an array of ids and
     * checked on the work order's row the join reads anyway.
     */
    @SqlQuery("""
            SELECT j.id2 FROM job_planning pl JOIN jobs j ON j.id = pl.job_id
             WHERE pl.app_user_id = :technician AND pl.date_start < :end AND pl.date_end > :start
               AND pl.id IS DISTINCT FROM :except
               AND j.job_status_id <> ALL (ARRAY(SELECT id FROM job_status WHERE customer_status = 'cancelled'))
             ORDER BY pl.date_end LIMIT 1""")
    Optional<Integer> overlapping(@Bind("technician") UUID technician, @Bind("start") OffsetDateTime start,
                                  @Bind("end") OffsetDateTime end, @Bind("except") UUID except);

    /** The columns of {@link Stored}. */
    String STORED = """
            SELECT pl.id, pl.job_id, pl.app_user_id AS technician_id, person_name(u) AS technician,
                   pl.date_start AS start, pl.date_end AS "end", pl.sequence
              FROM job_planning pl JOIN app_user u ON u.id = pl.app_user_id
            """;

    @SqlQuery(STORED + " WHERE pl.id = :id AND pl.job_id = :job")
    Optional<Stored> visit(@Bind("job") UUID job, @Bind("id") UUID id);

    /** The job's first visit (the one its suggestion follows), if it has any. */
    @SqlQuery(STORED + " WHERE pl.job_id = :job ORDER BY pl.date_start, pl.id LIMIT 1")
    Optional<Stored> firstVisit(@Bind("job") UUID job);

    /** A visit added or moved: its id and SEQUENCE, and whether the work order followed with its history entry (1). */
    record Changed(UUID id, int sequence, int recorded) {
    }

    /** The history entry of a visit change, at the version after the one the job was read at, once the job ({@code followed}) has followed. */
    String RECORD_FOLLOWED = """
            INSERT INTO job_history (job_id, account_id, changed_by, kind, changes, version)
            SELECT id, :accountId, :changedBy, :kind, CAST(:changes AS jsonb), :version + 1 FROM followed""";

    /**
     * After {@code changed} (the visit added or moved, as it is now): the job's suggested
     * technician and start follow its first visit, and its version moves on (the jobs trigger),
     * only from the version the change was read at; with the history entry at the next version.
     * The statement reads the visits as they were before it: the changed one is taken from
     * {@code changed}, not from the table.
     */
    String FOLLOW_AND_RECORD = """
             first AS (SELECT v.app_user_id, v.date_start FROM (
                           SELECT pl.app_user_id, pl.date_start, pl.id FROM job_planning pl
                            WHERE pl.job_id = :job AND pl.id <> (SELECT id FROM changed)
                           UNION ALL SELECT app_user_id, date_start, id FROM changed) v
                        ORDER BY v.date_start, v.id LIMIT 1),
             followed AS (UPDATE jobs j SET suggested_user_id = first.app_user_id, suggested_date_start = first.date_start
                            FROM first WHERE j.id = :job AND j.version = :version RETURNING j.id),
             recorded AS (""" + RECORD_FOLLOWED + """
                           RETURNING job_id)
            SELECT c.id, c.sequence, (SELECT count(*) FROM recorded) AS recorded FROM changed c""";

    /** Adds the visit, the job following its first visit with the history entry ({@link #FOLLOW_AND_RECORD}): one statement. */
    @SqlQuery("""
            WITH changed AS (INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                             VALUES (:job, :technician, :start, :end) RETURNING id, app_user_id, date_start, sequence),
            """ + FOLLOW_AND_RECORD)
    Optional<Changed> insert(@Bind("job") UUID job, @Bind("technician") UUID technician, @Bind("start") OffsetDateTime start,
                             @Bind("end") OffsetDateTime end, @Bind("version") int version, @Bind("accountId") UUID accountId,
                             @Bind("changedBy") String changedBy, @Bind("kind") String kind, @Bind("changes") String changes);

    /**
     * Moves the visit (its SEQUENCE one more when its times or technician changed, V25), the job
     * following its first visit with the history entry ({@link #FOLLOW_AND_RECORD}): one statement.
     */
    @SqlQuery("""
            WITH changed AS (UPDATE job_planning SET app_user_id = :technician, date_start = :start, date_end = :end
                              WHERE id = :id AND job_id = :job RETURNING id, app_user_id, date_start, sequence),
            """ + FOLLOW_AND_RECORD)
    Optional<Changed> update(@Bind("job") UUID job, @Bind("id") UUID id, @Bind("technician") UUID technician,
                             @Bind("start") OffsetDateTime start, @Bind("end") OffsetDateTime end, @Bind("version") int version,
                             @Bind("accountId") UUID accountId, @Bind("changedBy") String changedBy, @Bind("kind") String kind,
                             @Bind("changes") String changes);

    @SqlUpdate("DELETE FROM job_planning WHERE id = :id AND job_id = :job")
    int delete(@Bind("job") UUID job, @Bind("id") UUID id);

    @SqlQuery("SELECT count(*) FROM job_planning WHERE job_id = :job")
    int count(@Bind("job") UUID job);

    /**
     * The job's suggested technician and start follow its first visit (none: both empty), so
     * that the JSON API shows the plan; the job's version moves on (the jobs trigger), as for any
     * change of it. Only from the version the change was read at; with the history entry of the
     * change at the next version, in the same statement. 1 when saved.
     */
    @SqlUpdate("""
            WITH followed AS (
                UPDATE jobs j SET suggested_user_id = first.app_user_id, suggested_date_start = first.date_start
                  FROM (SELECT :job AS job_id) me
                  LEFT JOIN LATERAL (SELECT pl.app_user_id, pl.date_start FROM job_planning pl WHERE pl.job_id = me.job_id
                                      ORDER BY pl.date_start, pl.id LIMIT 1) first ON true
                 WHERE j.id = me.job_id AND j.version = :version
                RETURNING j.id)
            """ + RECORD_FOLLOWED)
    int followFirstVisit(@Bind("job") UUID job, @Bind("version") int version, @Bind("accountId") UUID accountId,
                         @Bind("changedBy") String changedBy, @Bind("kind") String kind, @Bind("changes") String changes);

    /** A visit of a work order, for its page (backoffice/JobPageDao): with its state and whether the technician lacks the job's skill. */
    record Listed(UUID id, UUID technicianId, String technician, String technicianCode, OffsetDateTime dateStart,
                  OffsetDateTime dateEnd, String state, boolean lacksSkill) {
    }

    /**
     * Whom the visit forms suggest for a work order of a skill: the people of the service app who
     * have it (all of them when there is none). Any other technician may still be typed, with the
     * skill warning; suggesting a company's 400 technicians made the page four times slower.
     * {@link TechnicianChoices} keeps the lists.
     */
    @SqlQuery("""
            SELECT u.id, person_name(u) AS name, u.code FROM app_user u
             WHERE u.allow_service_app AND NOT u.disabled AND NOT u.archived
               AND (CAST(:skill AS uuid) IS NULL OR EXISTS (SELECT 1 FROM app_user_skill us
                                                          WHERE us.app_user_id = u.id AND us.skill_id = :skill))
             ORDER BY u.firstname, u.lastname, u.code""")
    List<Technician> technicians(@Bind("skill") UUID skill);
}
