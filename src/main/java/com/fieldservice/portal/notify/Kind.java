package com.fieldservice.portal.notify;

import java.util.Arrays;
import java.util.Optional;

/**
 * Each message the portal sends: the name of its texts in messages/mail.properties
 * ({@code mail.<template>.subject}, {@code .intro}), its layout under templates/mail/
 * ({@code job-message} or {@code password-link}, {@code .html} and {@code .txt}) and the topic that lets its recipient turn it off (none for the messages that
 * look after an account: a password link is not a subscription).
 */
public enum Kind {
    REPORT_RECEIVED("report-received", Topic.REPORT_RECEIVED, true),
    REPLY("reply", Topic.REPLY, true),
    JOB_COMPLETED("job-completed", Topic.JOB_COMPLETED, true),
    VISIT_CONFIRMED("visit-confirmed", Topic.VISIT, true),
    VISIT_MOVED("visit-moved", Topic.VISIT, true),
    VISIT_CANCELLED("visit-cancelled", Topic.VISIT, true),
    NEW_REPORT("new-report", Topic.NEW_REPORT, false),
    CUSTOMER_COMMENT("customer-comment", Topic.CUSTOMER_COMMENT, false),
    PASSWORD_RESET("password-reset", null, true),
    INVITATION("invitation", null, true),
    /** An administrator reset the password of an existing account. */
    ACCOUNT_RESET("account-reset", null, true);

    private final String template;
    private final Topic topic;
    private final boolean toCustomer;

    Kind(String template, Topic topic, boolean toCustomer) {
        this.template = template;
        this.topic = topic;
        this.toCustomer = toCustomer;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String template() {
        return template;
    }

    /** The template of the message's two parts: every message about a work order looks alike. */
    public String layout() {
        return isPasswordLink() ? "password-link" : "job-message";
    }

    /** A one-time link to choose a password, to the account's owner. */
    public boolean isPasswordLink() {
        return this == PASSWORD_RESET || this == INVITATION || this == ACCOUNT_RESET;
    }

    public Optional<Topic> topic() {
        return Optional.ofNullable(topic);
    }

    /** Whether a customer may receive it: such a message carries nothing internal. */
    public boolean toCustomer() {
        return toCustomer;
    }

    public static Kind ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind of message " + code));
    }
}
