package com.fieldservice.portal.jobs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser for days and times taken from requests (forms, filters, the report form): it
 * accepts only years {@value #FIRST_YEAR}–{@value #LAST_YEAR}, as the person typed them. Years
 * beyond are typing slips (year 0, 20255, -999999999) that PostgreSQL would keep as "infinity" or
 * far in the past, and that no page could show; migration V12 refuses the same in the database.
 */
public final class DateInput {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;
    private static final String OUT_OF_RANGE = "validation.dateOutOfRange";

    /** The value can't be used: not a day, not a date and time, or out of range (a message of the jobs bundle). */
    public static final class Refused extends Exception {
        private final String key;

        Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        /** Whether the value was a day or a time, but in a year outside the range. */
        public boolean outOfRange() {
            return key.equals(OUT_OF_RANGE);
        }

        public FieldError asFieldError() {
            return outOfRange() ? FieldError.of(key, FIRST_YEAR, LAST_YEAR) : FieldError.of(key);
        }
    }

    private DateInput() {
    }

    /** A calendar day, yyyy-mm-dd. */
    public static LocalDate day(String text) throws Refused {
        try {
            LocalDate day = LocalDate.parse(text.strip());
            inRange(day.getYear());
            return day;
        } catch (DateTimeParseException e) {
            throw new Refused("validation.date");
        }
    }

    /**
     * A date and time: ISO-8601 with an offset, or a local date and time (yyyy-mm-ddThh:mm) in
     * {@code zone}. The year is checked as written, so the range does not depend on the zone. A
     * time with an offset comes back in UTC: PostgreSQL takes offsets up to 15:59 only, Java up to 18:00.
     */
    public static OffsetDateTime dateTime(String text, ZoneId zone) throws Refused {
        String value = text.strip();
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(value);
            inRange(withOffset.getYear());
            return withOffset.withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException noOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(value);
                inRange(local.getYear());
                return local.atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new Refused("validation.dateTime");
            }
        }
    }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** An ISO week, yyyy-Www (2026-W50), as the Monday it begins with. */
    public static LocalDate week(String text) throws Refused {
        Matcher matcher = WEEK.matcher(text.strip());
        if (!matcher.matches()) {
            throw new Refused("validation.week");
        }
        int year = Integer.parseInt(matcher.group(1));
        int week = Integer.parseInt(matcher.group(2));
        inRange(year);
        LocalDate fourthOfJanuary = LocalDate.of(year, 1, 4);
        if (week < 1 || week > fourthOfJanuary.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new Refused("validation.week");
        }
        return fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
    }

    /** The ISO week a day falls in, as {@link #week} reads it (2026-W50). */
    public static String weekOf(LocalDate day) {
        return "%04d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A day computed from a typed time (its day in the business zone), refused outside the years typed ones may have. */
    public static LocalDate checked(LocalDate day) throws Refused {
        inRange(day.getYear());
        return day;
    }

    /** Whether a time computed from typed ones (a visit's end) still falls in the years this parser accepts. */
    public static boolean plausible(OffsetDateTime time) {
        return time.getYear() >= FIRST_YEAR && time.getYear() <= LAST_YEAR;
    }

    private static void inRange(int year) throws Refused {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new Refused(OUT_OF_RANGE);
        }
    }
}
