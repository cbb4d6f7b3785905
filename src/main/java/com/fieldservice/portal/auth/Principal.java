package com.fieldservice.portal.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in account a request acts for. A customer carries their company and whether they
 * see the company's whole set of work orders or only the ones they requested.
 */
public record Principal(
        UUID accountId,
        String username,
        Role role,
        String displayName,
        Optional<UUID> appUserId,
        Optional<UUID> contactId,
        Optional<UUID> companyId,
        boolean onlyOwnRequests) {

    public boolean isBackOffice() {
        return role.isBackOffice();
    }

    /** The customer's company; only call for customers. */
    public UUID company() {
        return companyId.orElseThrow(() -> new IllegalStateException(username + " acts for no company"));
    }
}
