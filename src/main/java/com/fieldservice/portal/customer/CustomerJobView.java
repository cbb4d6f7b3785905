package com.fieldservice.portal.customer;

import com.fieldservice.portal.reference.CountryName;
import com.fieldservice.portal.web.Language;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * <b>The one list of what a customer may see of a work order.</b> Every portal page, the CSV
 * export and the public tracking page show only the records below, and {@link PortalJobDao}
 * selects only their columns (no {@code SELECT *}, no entity mapped whole), so a field that is
 * not named here cannot reach a customer. The work order's page ({@link WorkOrderPageDao}) reads
 * these columns too, beside the status code and company that decide what the customer may do,
 * which the page never renders.
 *
 * <p>A customer sees: the work-order number ({@code id2}), name, description, their own
 * customer reference, the customer-facing status ({@code job_status.customer_status}, never the
 * internal status), when it was reported ({@code date_reported_by_company}, else
 * {@code date_create}) and closed, the confirmed visits (start, end and the technician's
 * <i>first name</i> only; never a proposed one: database function customer_visits), the installation's name, serial number and location text, the site
 * address (street, number, zip, city, country, site name), the name of the contact of
 * <i>their own company</i> who reported it, and the child work orders (number, name, status).
 * The public tracking page shows less: {@link Tracked}.
 *
 * <p>Never shown to a customer: {@code internal_memo}, {@code prejob_information},
 * {@code estimated_quantity_remark}, {@code reference_back_office} of any entity, every ERP
 * code ({@code *_code}: company, project, type, priority, status, skill, address, user...),
 * the internal status name, priority, skill, estimated time, due dates, suggestions
 * ({@code suggested_*}, suggested visits), GUIDs, and any staff detail beyond a technician's
 * first name (last name, username, email, phones, code). A requester who belongs to another
 * company is not named.
 */
public final class CustomerJobView {

    private CustomerJobView() {
    }

    /**
     * A row of the work-order list, the lookup results and the CSV; {@code newReply}: the service
     * team answered since the contact reading last opened the work order (never a column of the CSV).
     */
    public record Row(int number, String name, String installationName, String customerStatus,
                      OffsetDateTime reportedOn, OffsetDateTime nextVisitStart, String nextVisitTechnician,
                      OffsetDateTime closedOn, String customerReference, boolean newReply) {
    }

    /** One work order on its page. {@code jobId} only links the visits and children queries; it is never rendered. */
    public record Detail(java.util.UUID jobId, int number, String name, String description, String customerReference,
                         String customerStatus, boolean closed, OffsetDateTime reportedOn, OffsetDateTime closedOn,
                         String installationName, String serialNumber, String installationLocation,
                         String siteName, String street, String streetNumber, String street2, String zip, String city,
                         String country, String countryCode, String reportedBy) {

        /** The country in the reader's language. */
        public String country(Language language) {
            return CountryName.of(language, countryCode, country);
        }
    }

    /**
     * A visit: its place in the work order's list (from 1, for its calendar link), when, the
     * technician's first name, whether it is still to come as confirmed (not done), and its id
     * and SEQUENCE for calendars (V25).
     */
    public record Visit(int ordinal, OffsetDateTime start, OffsetDateTime end, String technicianFirstName, boolean confirmed,
                        java.util.UUID id, int sequence) {
    }

    /** A child work order of a multi-job. */
    public record Child(int number, String name, String customerStatus) {
    }

    /**
     * What the public tracking page shows for the right number and reference, nothing more: its
     * status as a customer reads it, when it was reported, and the day of the next visit. Nothing a
     * person typed (name, description, comments, a technician's name) reaches someone who only
     * holds a number and a reference.
     */
    public record Tracked(int number, String customerStatus, OffsetDateTime reportedOn, OffsetDateTime nextVisit) {
    }

    /** A work order with its visits and children, as its page shows it. */
    public record Page(Detail job, List<Visit> visits, List<Child> children) {
    }

    /** An installation of the customer's company, for the list's filter. */
    public record Installation(java.util.UUID id, String name) {
    }
}
