package com.fieldservice.portal.planning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The technicians' calendar feeds: their secret (kept as a hash) and the visits a feed lists. */
public interface CalendarDao {

    record FeedVisit(UUID id, int number, String jobName, String installationName, OffsetDateTime dateStart,
                     OffsetDateTime dateEnd, String street, String streetNumber, String zip, String city, String state, int sequence) {
    }

    /** A new secret for the technician; the one before stops working at once. Zero when no such technician. */
    @SqlUpdate("""
            INSERT INTO technician_calendar (app_user_id, token_hash)
            SELECT u.id, :hash FROM app_user u WHERE u.id = :technician AND u.allow_service_app
            ON CONFLICT (app_user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, renewed_at = now()""")
    int renew(@Bind("technician") UUID technician, @Bind("hash") byte[] hash);

    @SqlQuery("""
            SELECT u.id FROM technician_calendar c JOIN app_user u ON u.id = c.app_user_id
             WHERE c.token_hash = :hash AND NOT u.disabled AND NOT u.archived""")
    Optional<UUID> technicianOf(@Bind("hash") byte[] hash);

    @SqlQuery("SELECT person_name(u) FROM app_user u WHERE u.id = :technician")
    String technicianName(@Bind("technician") UUID technician);

    /** The technician's visits that touch [from, until), with where to go. */
    @SqlQuery("""
            SELECT pl.id, j.id2 AS number, j.name AS job_name, p.name AS installation_name, pl.date_start, pl.date_end,
                   addr.street, addr.street_number, addr.zip, addr.city, s.visit_state AS state, pl.sequence
              FROM job_planning pl
              JOIN jobs j ON j.id = pl.job_id
              JOIN job_status s ON s.id = j.job_status_id
              JOIN project p ON p.id = j.project_id
              LEFT JOIN LATERAL job_address(j) addr ON true
             WHERE pl.app_user_id = :technician AND pl.date_start < :until AND pl.date_end > :from
               AND s.customer_status <> 'cancelled'
             ORDER BY pl.date_start""")
    List<FeedVisit> visits(@Bind("technician") UUID technician, @Bind("from") OffsetDateTime from,
                           @Bind("until") OffsetDateTime until);
}
