package com.fieldservice.portal.customer;

import com.fieldservice.portal.auth.Principal;
import java.util.UUID;

/**
 * What a signed-in customer may see: the work orders of their company, or, for a contact whose
 * portal scope is {@code own_requests}, only those they requested. Every portal query takes one
 * and binds both parts ({@link #VISIBLE_JOB}); no query of this package reads a work order
 * without it (the public tracking page excepted, which needs the number and the reference together).
 *
 * @param company the contact's company
 * @param contact the contact, when they see only their own requests; null for the whole company
 */
public record CustomerScope(UUID company, UUID contact) {

    /**
     * The condition a work order {@code j} meets when this customer may see it; binds
     * {@code :company} and {@code :contact} (with {@code @BindMethods} of a scope). Every portal
     * and report query that reads work orders for a customer uses this, and nothing else.
     */
    public static final String VISIBLE_JOB = """
            j.company_id = :company
            AND (CAST(:contact AS uuid) IS NULL OR j.requested_by_contact_id = CAST(:contact AS uuid))""";

    public static CustomerScope of(Principal principal) {
        UUID contact = principal.onlyOwnRequests()
                ? principal.contactId().orElseThrow(() -> new IllegalStateException(principal.username() + " has no contact"))
                : null;
        return new CustomerScope(principal.company(), contact);
    }
}
