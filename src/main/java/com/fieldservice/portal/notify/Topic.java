package com.fieldservice.portal.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may choose to receive, at /account/notifications and by the unsubscribe link of
 * each message. Customers hear about the work orders they reported unless they say otherwise,
 * and about their company's other work orders only when they ask ({@link #COMPANY_JOBS}); the
 * back office's people receive nothing by email until they ask (the back office's mailbox,
 * {@code PORTAL_BACKOFFICE_MAIL}, gets every new report and customer comment).
 */
public enum Topic {
    REPORT_RECEIVED(true, true),
    REPLY(true, true),
    VISIT(true, true),
    JOB_COMPLETED(true, true),
    /** The topics above for the company's work orders that someone else reported too. */
    COMPANY_JOBS(true, false),
    NEW_REPORT(false, false),
    CUSTOMER_COMMENT(false, false);

    private final boolean forCustomers;
    private final boolean wantedByDefault;

    Topic(boolean forCustomers, boolean wantedByDefault) {
        this.forCustomers = forCustomers;
        this.wantedByDefault = wantedByDefault;
    }

    /** Its name in forms, links and the preferences table: "job_completed". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean wantedByDefault() {
        return wantedByDefault;
    }

    /** The message key of the topic's label and explanation: {@code notify.topic.<code>}. */
    public String labelKey() {
        return "notify.topic." + code();
    }

    /** The topics a person of this side chooses from, in the order the page lists them. */
    public static List<Topic> of(boolean customer) {
        return Arrays.stream(values()).filter(t -> t.forCustomers == customer).toList();
    }

    public static Optional<Topic> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
