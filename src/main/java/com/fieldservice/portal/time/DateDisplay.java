package com.fieldservice.portal.time;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the back office and the admin pages write dates (every template has it as {@code dates}),
 * and the CSV exports too: always in the business zone, never in the offset a value happens to
 * carry. Day fields show their day only.
 */
public final class DateDisplay {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);
    /** For {@code <time datetime>}: the local time with its offset, so it names the same moment. */
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final BusinessClock clock;

    public DateDisplay(BusinessClock clock) {
        this.clock = clock;
    }

    /** "2026-12-15", for a day field or the day of a moment; "" for none. */
    public String day(OffsetDateTime value) {
        return format(value, DAY);
    }

    /** "2026-12-15 09:30"; "" for none. */
    public String dayTime(OffsetDateTime value) {
        return format(value, DAY_TIME);
    }

    /** "2026-12-15 09:30:12", where the second matters (the audit log). */
    public String dayTimeSeconds(OffsetDateTime value) {
        return format(value, DAY_TIME_SECONDS);
    }

    /** "09:30". */
    public String time(OffsetDateTime value) {
        return format(value, TIME);
    }

    /** "09:30:12". */
    public String timeSeconds(OffsetDateTime value) {
        return format(value, TIME_SECONDS);
    }

    /** "2026-12-15T09:30", as a date-and-time field holds it (what jobs/DateInput reads back); "" for none. */
    public String input(OffsetDateTime value) {
        return format(value, INPUT);
    }

    /** "2026-12-15T09:30:00+01:00", the machine-readable form of the same local time. */
    public String iso(OffsetDateTime value) {
        return value == null ? null : clock.local(value).toOffsetDateTime().format(MACHINE);
    }

    private String format(OffsetDateTime value, DateTimeFormatter pattern) {
        return value == null ? "" : clock.local(value).format(pattern);
    }
}
