package com.fieldservice.portal.jobs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A work order's writable fields after validation: typed, references resolved to GUIDs, the
 * installation's company known. The status is not here: it changes only through the workflow.
 */
public record JobDraft(
        UUID parentId,
        Integer workingSequence,
        UUID projectId,
        UUID companyId,
        boolean mobileInstallation,
        UUID jobTypeId,
        UUID jobPriorityId,
        UUID contactId,
        UUID requestedByCompanyId,
        UUID requestedByContactId,
        String referenceBackOffice,
        String name,
        String description,
        String internalMemo,
        String prejobInformation,
        Integer estimatedTime,
        LocalDate earliestDatePlannable,
        LocalDate dueDate,
        UUID suggestedUserId,
        OffsetDateTime suggestedDateStart,
        UUID skillId,
        String customerReference,
        UUID approvalResponsibleUserId,
        OffsetDateTime dateReportedByCompany,
        String dbAddressName,
        String dbAddressStreet,
        String dbAddressStreet2,
        String dbAddressStreetNumber,
        String dbAddressCity,
        String dbAddressZip,
        UUID dbAddressDbCountryId,
        String dbAddressPhone,
        String dbAddressEmail,
        BigDecimal dbAddressLatitudeDecimal,
        BigDecimal dbAddressLongitudeDecimal,
        String estimatedQuantityRemark) {
}
