package com.fieldservice.portal.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/**
 * The planning board's reads, four statements whatever the week holds: the filters' choices,
 * a page of the technicians, their visits of the week, and the work waiting to be planned. Skills and
 * statuses are named in the reader's language ({@code language}: en, fr, nl).
 */
public interface BoardDao {

    /** Which technicians a board shows: all of the service app, or those with a skill, or of a team (its leader and members). */
    String TECHNICIANS = " " + """
             u.allow_service_app AND NOT u.disabled AND NOT u.archived
               AND (CAST(:skill AS uuid) IS NULL
                    OR EXISTS (SELECT 1 FROM app_user_skill us WHERE us.app_user_id = u.id AND us.skill_id = CAST(:skill AS uuid)))
               AND (CAST(:team AS uuid) IS NULL OR u.id = CAST(:team AS uuid) OR u.team_leader_user_id = CAST(:team AS uuid))""";

    /**
     * A visit is on the board of every week it touches: it began at most this long before (the
     * longest a visit may last, VisitService.LONGEST_DAYS), a bound that lets the index on date_start serve.
     */
    String LONGEST_VISIT = "interval '" + VisitService.LONGEST_DAYS + " days'";

    record Choice(String kind, UUID id, String name) {
    }

    /**
     * Names in the reader's language straight from the translation tables (their keys read one
     * row): translated_name() reads every kind of reference data's translations, for each row.
     */
    @SqlQuery("""
            SELECT 'skill' AS kind, sk.id, coalesce(t.value_translated, sk.name) AS name FROM skill sk
              LEFT JOIN skill_translation t ON t.skill_id = sk.id AND t.field_name = 'name' AND t.language_code = :language
            UNION ALL
            SELECT 'team', u.id, person_name(u) FROM app_user u WHERE u.is_team_leader AND u.allow_service_app AND NOT u.archived
            ORDER BY kind, name""")
    List<Choice> choices(@Bind("language") String language);

    /** A technician on the board's page, and how many technicians the filters match in all. */
    record Technician(UUID id, String name, String code, int matching) {
    }

    /** One page of the technicians the filters match, by name. */
    @SqlQuery("SELECT u.id, person_name(u) AS name, u.code, count(*) OVER () AS matching FROM app_user u WHERE" + TECHNICIANS
            + " ORDER BY u.firstname, u.lastname, u.code OFFSET :offset LIMIT :limit")
    List<Technician> technicians(@Bind("skill") UUID skill, @Bind("team") UUID team, @Bind("offset") int offset,
                                 @Bind("limit") int limit);

    /** A visit of the week; {@code technician}: its technician's place in the list asked for, from 1. */
    record Visit(int technician, int number, String installation, OffsetDateTime dateStart, OffsetDateTime dateEnd,
                 String state) {
    }

    /**
     * The week's visits of the technicians asked for, read technician by technician along the index
     * on (app_user_id, date_start), each numbered by its place in the list. Reading the week of all
     * technicians and keeping those of the page compared thousands of visits with every id of the page.
     */
    @SqlQuery("""
            SELECT t.place AS technician, j.id2 AS number, p.name AS installation, pl.date_start, pl.date_end,
                   s.visit_state AS state
              FROM unnest(:technicians) WITH ORDINALITY AS t(id, place)
             CROSS JOIN LATERAL (SELECT pl.job_id, pl.date_start, pl.date_end FROM job_planning pl
                                  WHERE pl.app_user_id = t.id AND pl.date_end > :from AND pl.date_start < :until
                                    AND pl.date_start >= CAST(:from AS timestamptz) - """ + LONGEST_VISIT + """
                                 OFFSET 0) pl
              JOIN jobs j ON j.id = pl.job_id
              JOIN job_status s ON s.id = j.job_status_id
              JOIN project p ON p.id = j.project_id
             WHERE s.customer_status <> 'cancelled'
             ORDER BY pl.date_start, j.id2""")
    @UseRowMapper(VisitRow.class)
    List<Visit> visits(@Bind("from") OffsetDateTime from, @Bind("until") OffsetDateTime until,
                       @Bind("technicians") UUID[] technicians);

    /** A visit row by the columns' places: hundreds a page, each without matching its columns to the record's by name. */
    final class VisitRow implements RowMapper<Visit> {
        @Override
        public Visit map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Visit(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                    rs.getObject(5, OffsetDateTime.class), rs.getString(6));
        }
    }

    record Waiting(int number, String name, String installation, LocalDate dueDate, String status, String skill,
                   int version, Integer estimatedTime) {
    }

    /**
     * Work waiting to be planned: To be Planned, Pooling or Suggested, without a visit; oldest
     * due date first (none last), read along the index of open jobs by due date and status (V27):
     * the statuses as an array of ids, which the index checks without reading the other jobs.
     * Then only those are named, from the translation tables (as the choices). Two statements, with
     * and without a skill, each its limit written in: PostgreSQL keeps one plan for each, where
     * "no skill or this one" was planned anew at every board.
     */
    String WAITING_JOBS = """
            SELECT w.number, w.name, p.name AS installation, w.due_date, coalesce(st.value_translated, s.name) AS status,
                   coalesce(skt.value_translated, sk.name) AS skill, w.version, w.estimated_time
              FROM (SELECT j.id2 AS number, j.name, j.due_date, j.version, j.estimated_time, j.job_status_id, j.project_id,
                           j.skill_id
                      FROM jobs j
                     WHERE j.date_closed IS NULL
                       AND j.job_status_id = ANY (ARRAY(SELECT id FROM job_status WHERE code IN ('ToBePlanned', 'Pooling', 'Suggested')))
                       AND NOT EXISTS (SELECT 1 FROM job_planning pl WHERE pl.job_id = j.id)
            """;

    String WAITING_NAMED = """
                     ORDER BY coalesce(j.due_date, 'infinity'::date), j.id2
                     LIMIT""" + " " + BoardHandler.WAITING + """
            ) w
              JOIN job_status s ON s.id = w.job_status_id
              LEFT JOIN job_status_translation st ON st.job_status_id = s.id AND st.field_name = 'name'
                                                 AND st.language_code = :language
              JOIN project p ON p.id = w.project_id
              LEFT JOIN skill sk ON sk.id = w.skill_id
              LEFT JOIN skill_translation skt ON skt.skill_id = sk.id AND skt.field_name = 'name' AND skt.language_code = :language
             ORDER BY coalesce(w.due_date, 'infinity'::date), w.number""";

    @SqlQuery(WAITING_JOBS + WAITING_NAMED)
    List<Waiting> waiting(@Bind("language") String language);

    @SqlQuery(WAITING_JOBS + "   AND j.skill_id = :skill\n" + WAITING_NAMED)
    List<Waiting> waitingWithSkill(@Bind("skill") UUID skill, @Bind("language") String language);
}
