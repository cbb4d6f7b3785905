package com.fieldservice.portal.auth;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in account a request acts for. A customer carries their company and whether they
 * see the company's whole set of work orders or only the ones they requested. {@code language} is
 * the code of the language they chose (en, fr, nl), null for the portal's default.
 */
public record Principal(
        UUID accountId,
        String username,
        Role role,
        String displayName,
        Optional<UUID> appUserId,
        Optional<UUID> contactId,
        Optional<UUID> companyId,
        boolean onlyOwnRequests,
        String language) {

    /** Someone who hasn't chosen a language: they read the portal's default. */
    public Principal(UUID accountId, String username, Role role, String displayName, Optional<UUID> appUserId,
                     Optional<UUID> contactId, Optional<UUID> companyId, boolean onlyOwnRequests) {
        this(accountId, username, role, displayName, appUserId, contactId, companyId, onlyOwnRequests, null);
    }

    public boolean isBackOffice() {
        return role.isBackOffice();
    }

    /** The customer's company; only call for customers. */
    public UUID company() {
        return companyId.orElseThrow(() -> new IllegalStateException(username + " acts for no company"));
    }
}
