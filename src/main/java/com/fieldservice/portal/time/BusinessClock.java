package com.fieldservice.portal.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one clock of the portal, in the business time zone (PORTAL_TIME_ZONE). Every time a person
 * types or reads, every "today", every day boundary of a filter or a count goes through it, so
 * nothing depends on the zone of the machine the portal (or its database session) runs in.
 * Instants are stored as they are (timestamptz); only what people see and type is local. Day
 * fields (a work order's "not before" and due day) are days (date), compared with {@link #today}.
 *
 * <p>PostgreSQL: no SQL of the portal depends on the session's TimeZone (which the JDBC driver
 * sets from the JVM's default zone, so from the machine). Day boundaries are bound as instants
 * made here ({@link #startOf}), and where SQL itself must turn an instant into a local day or
 * week it names the zone ({@code AT TIME ZONE :zone}, bound from {@link #zone()}). Setting the
 * session zone on the pool instead would hide that dependency: the same query would read
 * differently in psql, in Flyway's connection or in a test's own connection.
 *
 * <p>Its own package rather than web/: the domain (parsing a typed date), the demo data and the
 * pages all need it, and none of that is a web concern.
 */
public final class BusinessClock {

    private final Clock clock;

    public BusinessClock(Clock clock) {
        this.clock = clock;
    }

    /** The real time, read in {@code zone}. */
    public static BusinessClock system(ZoneId zone) {
        return new BusinessClock(Clock.system(zone));
    }

    /** Always {@code now}, read in {@code zone}: for tests and for reproducible demo data. */
    public static BusinessClock fixed(Instant now, ZoneId zone) {
        return new BusinessClock(Clock.fixed(now, zone));
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant instant() {
        return clock.instant();
    }

    /** Now, with the business zone's offset of the moment. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Today, as a person of the business reads a calendar. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The moment a local day begins (local midnight, or whenever a DST change makes it begin). */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toOffsetDateTime();
    }

    /** A local date and time as a person typed it, as an instant. */
    public OffsetDateTime at(LocalDateTime typed) {
        return typed.atZone(zone()).toOffsetDateTime();
    }

    /** An instant as read on a clock of the business. */
    public ZonedDateTime local(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone());
    }

    /** The local day an instant falls on. */
    public LocalDate dayOf(OffsetDateTime instant) {
        return local(instant).toLocalDate();
    }
}
