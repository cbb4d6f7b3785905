package com.fieldservice.portal.customer;

import static com.fieldservice.portal.customer.CustomerScope.VISIBLE_JOB;

import com.fieldservice.portal.conversation.ReplyStateDao;
import com.fieldservice.portal.db.Json;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The customer portal's reads. Every query selects exactly the columns of a
 * {@link CustomerJobView} record, and every query a signed-in customer runs is limited by
 * {@link CustomerScope#VISIBLE_JOB}, so another company's work order is simply not found.
 */
public interface PortalJobDao {

    /** When the customer reported a work order: the day they gave, else when it was created. */
    String REPORTED_ON = "coalesce(j.date_reported_by_company, j.date_create)";

    /**
     * The columns of {@link CustomerJobView.Row}; needs the aliases of {@link #ROW_FROM} and binds
     * {@code :viewer}, the contact reading (their new replies). The installation's name and the
     * new-reply mark are subqueries, which PostgreSQL evaluates for the page's rows only.
     */
    String ROW_COLUMNS = """
            SELECT j.id2 AS number, j.name, (SELECT p.name FROM project p WHERE p.id = j.project_id) AS installation_name,
                   s.customer_status, """ + REPORTED_ON + """
             AS reported_on,
                   nv.date_start AS next_visit_start, nv.firstname AS next_visit_technician,
                   j.date_closed AS closed_on, j.customer_reference,
            """ + ReplyStateDao.NEW_REPLY_COLUMN + " AS new_reply\n";

    /**
     * The jobs with their status and the next visit of open work orders: the first from now on
     * of the visits the customer sees on the work order's page (customer_visits, V17). Nothing else is joined: a join a filter may need
     * (installation, address) would be made for every job of the company; the filters look those up themselves.
     */
    String ROW_FROM = """
              FROM jobs j
              JOIN job_status s ON s.id = j.job_status_id
              LEFT JOIN LATERAL (
                   SELECT v.date_start, v.technician_first_name AS firstname
                     FROM customer_visits(j.id) v
                    WHERE v.date_start >= now() AND NOT s.is_closed
                    ORDER BY v.date_start LIMIT 1) nv ON true
            """;

    /**
     * The list's tab within the customer's scope, then {@code <filters>}: those the customer uses
     * ({@link #filters}). No filter is bound as null to be folded away, which only a plan made for
     * the values at hand can do: each statement keeps one generic plan instead of being planned for
     * every request. Most lists have no filter at all.
     */
    String TAB = " WHERE " + VISIBLE_JOB + """

               AND s.is_closed = :closed<filters>
            """;

    /** The installation filter: the installation, or a location holding it. */
    String BY_INSTALLATION = """

               AND (j.project_id = CAST(:installation AS uuid)
                    OR j.project_id IN (SELECT held.id FROM project held WHERE held.parent_id = CAST(:installation AS uuid)))""";

    /** The location filter: part of the site's city or of the installation's location text. */
    String BY_LOCATION = """

               AND ((SELECT addr.city FROM job_address(j) addr) ILIKE :locationLike
                    OR (SELECT p.location FROM project p WHERE p.id = j.project_id) ILIKE :locationLike)""";

    /** The search: the number, or part of the customer's reference, the name or the description. */
    String BY_TEXT = """

               AND (j.id2 = CAST(:number AS integer)
                    OR j.customer_reference ILIKE :textLike
                    OR j.name ILIKE :textLike
                    OR j.description ILIKE :textLike)""";

    /**
     * What {@code <filters>} of {@link #TAB} is for this list: the filters the customer uses, each a
     * fixed text, so that each way of filtering is a statement of its own with a plan of its own.
     */
    static String filters(JobListQuery.Filter filter) {
        return (filter.installation() != null ? BY_INSTALLATION : "") + (filter.locationLike() != null ? BY_LOCATION : "")
                + (filter.textLike() != null ? BY_TEXT : "");
    }

    /** A row of a page, and how many rows the whole list has. */
    record CountedRow(@Nested CustomerJobView.Row row, int total) {
    }

    /**
     * One page of the list, each row with the list's length (the rows are all read to be sorted
     * anyway, so counting them here spares a second query); {@code order} is one of
     * {@link JobListQuery.Sort}'s fixed clauses.
     */
    @SqlQuery(ROW_COLUMNS + ", count(*) OVER () AS total" + ROW_FROM + TAB + " ORDER BY <order> LIMIT :limit OFFSET :offset")
    List<CountedRow> page(@BindMethods JobListQuery.Filter filter, @Define("filters") String filters,
                          @Define("order") String order,
                          @Bind("limit") int limit, @Bind("offset") int offset);

    /** The list's length, for a page past its end (which has no row to carry it). */
    @SqlQuery("SELECT count(*) FROM jobs j JOIN job_status s ON s.id = j.job_status_id" + TAB)
    int count(@BindMethods JobListQuery.Filter filter, @Define("filters") String filters);

    /** Every matching row, for the CSV; read as a stream inside a transaction (a cursor). */
    @SqlQuery(ROW_COLUMNS + ROW_FROM + TAB + " ORDER BY <order>")
    @FetchSize(500)
    Stream<CustomerJobView.Row> all(@BindMethods JobListQuery.Filter filter, @Define("filters") String filters,
                                    @Define("order") String order);

    /**
     * The company's installations (and the locations holding them) and the cities they are in:
     * the choices of the list's filter form, read together.
     */
    record FilterChoices(@Json List<CustomerJobView.Installation> installations, @Json List<String> cities) {
    }

    /** The choices of the filter form of the company {@code :company} ({@link FilterChoices}). */
    @SqlQuery("""
            SELECT (SELECT json_agg(i ORDER BY lower(i.name), i.id2)
                      FROM (SELECT p.id, p.name, p.id2 FROM project p WHERE p.company_id = :company) i) AS installations,
                   (SELECT json_agg(DISTINCT a.city ORDER BY a.city)
                      FROM project p JOIN db_address a ON a.id = p.db_address_id WHERE p.company_id = :company) AS cities""")
    FilterChoices filterChoices(@BindMethods CustomerScope scope);

    /** The customer's work orders with this reference, exactly but ignoring case (index jobs_company_customer_reference). */
    @SqlQuery(ROW_COLUMNS + ROW_FROM + " WHERE " + VISIBLE_JOB + """

               AND j.customer_reference IS NOT NULL AND lower(j.customer_reference) = lower(:reference)
             ORDER BY j.id2 DESC LIMIT 100""")
    List<CustomerJobView.Row> byReference(@BindMethods CustomerScope scope, @Bind("reference") String reference,
                                          @Bind("viewer") UUID viewer);

    /** The columns of {@link CustomerJobView.Detail}, read {@link #DETAIL_FROM}. */
    String DETAIL_COLUMNS = """
            SELECT j.id AS job_id, j.id2 AS number, j.name, j.description, j.customer_reference, s.customer_status,
                   s.is_closed AS closed, """ + REPORTED_ON + """
             AS reported_on,
                   j.date_closed AS closed_on,
                   p.name AS installation_name, p.serial_number, p.location AS installation_location,
                   addr.name AS site_name, addr.street, addr.street_number, addr.street2, addr.zip, addr.city,
                   c.name AS country, c.code AS country_code,
                   person_name(rc) AS reported_by
            """;

    /** The work order {@code :number} of the customer's, with what its page joins. */
    String DETAIL_FROM = """
              FROM jobs j
              JOIN job_status s ON s.id = j.job_status_id
              JOIN project p ON p.id = j.project_id
              LEFT JOIN LATERAL job_address(j) addr ON true
              LEFT JOIN db_country c ON c.id = addr.db_country_id
              -- only a colleague is named: a requester from another company stays anonymous
              LEFT JOIN contact rc ON rc.id = j.requested_by_contact_id AND rc.company_id = j.company_id
             WHERE j.id2 = :number AND\s""" + VISIBLE_JOB;

    /** A work order of the customer's by its number. */
    @SqlQuery(DETAIL_COLUMNS + DETAIL_FROM)
    Optional<CustomerJobView.Detail> detail(@BindMethods CustomerScope scope, @Bind("number") int number);

    /**
     * The columns of {@link CustomerJobView.Visit}: the visits of a work order the customer sees
     * (customer_visits, V17: confirmed ones, and those of a work order carried out), numbered in
     * order from 1; followed by the work order's id and {@code ") v"}.
     */
    String VISITS_OF = """
            SELECT row_number() OVER (ORDER BY v.date_start, v.id) AS ordinal, v.date_start AS start, v.date_end AS "end",
                   v.technician_first_name, v.state = 'confirmed' AS confirmed, v.id,
                   (SELECT pl.sequence FROM job_planning pl WHERE pl.id = v.id) AS sequence
              FROM customer_visits(""";

    /** The visits of a work order the customer sees, in order ({@link #VISITS_OF}). */
    @SqlQuery(VISITS_OF + ":job) v ORDER BY v.date_start, v.id")
    List<CustomerJobView.Visit> visits(@Bind("job") UUID job);

    /**
     * The public tracking page: the number and the customer's reference must both match. Its
     * status as the customer reads it, when it was reported, and when the next visit begins (the
     * list's, {@link #ROW_FROM}: the first ahead of the visits the customer sees).
     */
    @SqlQuery("""
            SELECT j.id2 AS number, s.customer_status, """ + REPORTED_ON + """
             AS reported_on, nv.date_start AS next_visit
            """ + ROW_FROM + """
             WHERE j.id2 = :number AND j.customer_reference IS NOT NULL
               AND lower(j.customer_reference) = lower(:reference)""")
    Optional<CustomerJobView.Tracked> track(@Bind("number") int number, @Bind("reference") String reference);
}
