package com.fieldservice.portal.ops;

import io.micrometer.core.instrument.Metrics;

/**
 * The business counters, incremented where each thing happens and exported with the other
 * metrics: problems reported by customers, status changes (by target status), comments (by
 * who may read them) and failed sign-ins (by form).
 */
public final class BusinessEvents {

    private BusinessEvents() {
    }

    public static void reported() {
        Metrics.counter("portal.reports").increment();
    }

    public static void statusChanged(String toStatus) {
        Metrics.counter("portal.status.changes", "to", toStatus).increment();
    }

    public static void commented(String visibility) {
        Metrics.counter("portal.comments", "visibility", visibility).increment();
    }

    public static void signInFailed(String form) {
        Metrics.counter("portal.sign.in.failures", "form", form).increment();
    }
}
