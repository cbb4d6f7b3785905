package com.fieldservice.portal.customer;

import com.fieldservice.portal.auth.Principal;
import java.util.UUID;

/**
 * What a signed-in customer may see: the work orders of their company, or, for a contact whose
 * portal scope is {@code own_requests}, only those they requested. The rule itself is the
 * database's {@code customer_may_see} (migration V13); every query of this package that reads
 * work orders calls it through {@link #VISIBLE_JOB} with both parts of a scope bound, and
 * {@code CustomerScopeTest} fails for one that doesn't (the public tracking page excepted, which
 * needs the number and the reference together).
 *
 * @param company the contact's company
 * @param contact the contact, when they see only their own requests; null for the whole company
 */
public record CustomerScope(UUID company, UUID contact) {

    /**
     * The condition a work order {@code j} meets when this customer may see it; binds
     * {@code :company} and {@code :contact} (with {@code @BindMethods} of a scope). PostgreSQL
     * inlines the function, so the index on {@code jobs.company_id} still serves the customer's list.
     */
    public static final String VISIBLE_JOB = "customer_may_see(j, CAST(:company AS uuid), CAST(:contact AS uuid))";

    public static CustomerScope of(Principal principal) {
        UUID contact = principal.onlyOwnRequests()
                ? principal.contactId().orElseThrow(() -> new IllegalStateException(principal.username() + " has no contact"))
                : null;
        return new CustomerScope(principal.company(), contact);
    }
}
