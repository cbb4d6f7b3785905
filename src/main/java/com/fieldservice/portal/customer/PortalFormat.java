package com.fieldservice.portal.customer;

import com.fieldservice.portal.time.BusinessClock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How the portal writes dates and statuses for customers, in the templates (as {@code fmt}) and
 * in the CSV alike. Times are shown in the service company's zone.
 */
public final class PortalFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** One step of a work order's timeline: its message key and complete, current or upcoming. */
    public record Step(String key, String state) {
        public boolean current() {
            return "current".equals(state);
        }
    }

    /** Every time a customer reads is in the business zone, as the planner reads it. */
    private final BusinessClock clock;

    public PortalFormat(BusinessClock clock) {
        this.clock = clock;
    }

    public String date(OffsetDateTime time) {
        return time == null ? "" : clock.local(time).format(DATE);
    }

    public String dayTime(OffsetDateTime time) {
        return time == null ? "" : clock.local(time).format(DAY_TIME);
    }

    /** "Tue 4 May 2099, 07:30–09:30"; the end's date too when the visit spans days. */
    public String visit(OffsetDateTime start, OffsetDateTime end) {
        if (end == null) {
            return dayTime(start);
        }
        boolean sameDay = clock.dayOf(start).equals(clock.dayOf(end));
        return dayTime(start) + "–" + (sameDay ? clock.local(end).format(TIME) : dayTime(end));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute: the local time with its offset. */
    public String iso(OffsetDateTime time) {
        return time == null ? null : clock.local(time).toOffsetDateTime().toString();
    }

    /** The local day of an instant, as a {@code <time datetime>} attribute and in the CSV ("2099-05-04"). */
    public String isoDay(OffsetDateTime time) {
        return csvDate(time);
    }

    String csvDate(OffsetDateTime time) {
        return time == null ? "" : clock.local(time).format(ISO_DATE);
    }

    String csvDateTime(OffsetDateTime time) {
        return time == null ? "" : clock.local(time).format(ISO_DATE_TIME);
    }

    /** The badge colours of a customer-facing status (Bootstrap's, with enough contrast). */
    public String badge(String customerStatus) {
        switch (customerStatus == null ? "" : customerStatus) {
            case "scheduled":
                return "text-bg-primary";
            case "in_progress":
                return "text-bg-info";
            case "waiting":
                return "text-bg-warning";
            case "done":
                return "text-bg-success";
            case "cancelled":
                return "text-bg-dark";
            default:
                return "text-bg-secondary";
        }
    }

    /**
     * The simple timeline a customer reads: reported → scheduled → in progress → done, or
     * reported → cancelled. "Waiting" is a pause within "in progress".
     */
    public List<Step> timeline(String customerStatus) {
        if ("cancelled".equals(customerStatus)) {
            return List.of(new Step("received", "complete"), new Step("cancelled", "current"));
        }
        List<String> keys = List.of("received", "scheduled", "in_progress", "done");
        String at = "waiting".equals(customerStatus) ? "in_progress" : customerStatus;
        int reached = Math.max(0, keys.indexOf(at));
        return java.util.stream.IntStream.range(0, keys.size())
                .mapToObj(i -> new Step(keys.get(i), i < reached || (i == reached && "done".equals(at)) ? "complete"
                        : i == reached ? "current" : "upcoming"))
                .toList();
    }
}
