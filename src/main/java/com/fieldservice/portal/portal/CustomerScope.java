package com.fieldservice.portal.portal;

import com.fieldservice.portal.auth.Principal;
import java.util.UUID;

/**
 * What a signed-in customer may see: the work orders of their company, or, for a contact whose
 * portal scope is {@code own_requests}, only those they requested. Every portal query takes one
 * and binds both parts; no query of this package reads a work order without it (the public
 * tracking page excepted, which needs the number and the reference together).
 *
 * @param company the contact's company
 * @param contact the contact, when they see only their own requests; null for the whole company
 */
public record CustomerScope(UUID company, UUID contact) {

    public static CustomerScope of(Principal principal) {
        UUID contact = principal.onlyOwnRequests()
                ? principal.contactId().orElseThrow(() -> new IllegalStateException(principal.username() + " has no contact"))
                : null;
        return new CustomerScope(principal.company(), contact);
    }
}
