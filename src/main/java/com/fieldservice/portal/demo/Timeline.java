package com.fieldservice.portal.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The demo's calendar: a fixed "today" (so every run gives the same dates), working days and
 * working hours in the business time zone.
 */
final class Timeline {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Brussels");
    /** The default "today" of the demo data. */
    static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 12, 1);
    private static final LocalTime DAY_START = LocalTime.of(7, 30);
    private static final LocalTime OFFICE_OPENS = LocalTime.of(7, 0);
    private static final LocalTime OFFICE_CLOSES = LocalTime.of(19, 0);
    /** Visits start between 07:30 and 16:00, on the quarter hour. */
    private static final int START_SLOTS = 35;

    private final LocalDate today;
    private final ZoneId zone;
    private final Instant now;

    Timeline(LocalDate today, ZoneId zone) {
        this.today = today;
        this.zone = zone;
        this.now = today.atTime(11, 0).atZone(zone).toInstant();
    }

    LocalDate today() {
        return today;
    }

    /** The demo's present moment: late morning of today. */
    Instant now() {
        return now;
    }

    LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** A day field's value: the start of that local day (a day has no time of its own). */
    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The day itself, or the Monday after it if it falls in a weekend. */
    static LocalDate workday(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY ? day.plusDays(2) : weekday == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    /**
     * The moment a fraction of the way through that day's office hours (07:00 to 19:00; today,
     * 07:00 to now), so that the same order of fractions gives the same order of moments.
     */
    Instant during(LocalDate day, double fraction) {
        Instant opening = day.atTime(OFFICE_OPENS).atZone(zone).toInstant();
        Instant closing = day.equals(today) ? now : day.atTime(OFFICE_CLOSES).atZone(zone).toInstant();
        return opening.plusSeconds((long) (fraction * Duration.between(opening, closing).toSeconds()));
    }

    /** A visit that started this morning, before {@link #now()}. */
    Instant startedThisMorning(Dice dice) {
        return today.atTime(DAY_START.plusMinutes(15L * dice.below(13))).atZone(zone).toInstant();
    }

    /** A visit start on that working day, in working hours. */
    Instant workingStart(LocalDate day, Dice dice) {
        return workday(day).atTime(DAY_START.plusMinutes(15L * dice.below(START_SLOTS))).atZone(zone).toInstant();
    }
}
