package com.fieldservice.portal.planning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * iCalendar (RFC 5545) documents of visits: times are local times of the business zone with
 * its TZID, described by a VTIMEZONE made from the zone's own rules (its yearly daylight-saving
 * changes as RRULEs, or one fixed offset); lines end with CRLF and are folded at 75 octets;
 * text is escaped. The one writer of the customer's "Add to my calendar", the technicians' feeds
 * and the attachments of visit emails ({@link #message}).
 */
public final class ICalendar {

    /**
     * One visit as an event; {@code uid} must be stable and unique, {@code location} and
     * {@code description} may be null; {@code sequence} counts the event's revisions (RFC 5545 SEQUENCE).
     */
    public record Event(String uid, OffsetDateTime start, OffsetDateTime end, String summary, String location,
                        String description, int sequence) {
        public Event(String uid, OffsetDateTime start, OffsetDateTime end, String summary, String location, String description) {
            this(uid, start, end, summary, location, description, 0);
        }
    }

    /** What a calendar sent by email asks of its recipient's calendar (RFC 5546): add or update the event, or remove it. */
    public enum Method {
        REQUEST, CANCEL
    }

    /** Who sends an email's calendar, and to whom: plain email addresses, and the sender's display name. */
    public record Parties(String organizerName, String organizerAddress, String attendeeAddress) {
    }

    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final ZoneId zone;
    private final StringBuilder out = new StringBuilder();

    private ICalendar(ZoneId zone) {
        this.zone = zone;
    }

    /** A whole calendar of these events, stamped {@code now}. */
    public static String of(ZoneId zone, String name, List<Event> events, Instant now) {
        ICalendar calendar = new ICalendar(zone);
        calendar.begin("PUBLISH");
        calendar.line("X-WR-CALNAME:" + text(name));
        calendar.timeZone();
        for (Event event : events) {
            calendar.event(event, now, List.of());
        }
        calendar.line("END:VCALENDAR");
        return calendar.out.toString();
    }

    /**
     * One event as an email's calendar (iTIP, RFC 5546), stamped {@code now}: REQUEST adds it to
     * the recipient's calendar or, with the same UID and a higher SEQUENCE, updates it there;
     * CANCEL removes it. The portal organises it; the recipient attends without having to answer.
     */
    public static String message(ZoneId zone, Method method, Event event, Parties parties, Instant now) {
        ICalendar calendar = new ICalendar(zone);
        calendar.begin(method.name());
        calendar.timeZone();
        List<String> more = new ArrayList<>();
        more.add("STATUS:" + (method == Method.CANCEL ? "CANCELLED" : "CONFIRMED"));
        String name = parameter(parties.organizerName());
        more.add("ORGANIZER" + (name.isBlank() ? "" : ";CN=\"" + name + "\"") + ":mailto:" + parties.organizerAddress());
        if (parties.attendeeAddress() != null) {
            more.add("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:" + parties.attendeeAddress());
        }
        calendar.event(event, now, more);
        calendar.line("END:VCALENDAR");
        return calendar.out.toString();
    }

    private void begin(String method) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Field service//Work-order portal//EN");
        line("CALSCALE:GREGORIAN");
        line("METHOD:" + method);
    }

    private void event(Event event, Instant now, List<String> more) {
        line("BEGIN:VEVENT");
        line("UID:" + text(event.uid()));
        line("SEQUENCE:" + event.sequence());
        line("DTSTAMP:" + UTC.format(now));
        line("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(event.start().atZoneSameInstant(zone)));
        line("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(event.end().atZoneSameInstant(zone)));
        line("SUMMARY:" + text(event.summary()));
        if (event.location() != null && !event.location().isBlank()) {
            line("LOCATION:" + text(event.location()));
        }
        if (event.description() != null && !event.description().isBlank()) {
            line("DESCRIPTION:" + text(event.description()));
        }
        more.forEach(this::line);
        line("END:VEVENT");
    }

    /** The business zone as a VTIMEZONE: its yearly rules where it has them, else its fixed offset. */
    private void timeZone() {
        ZoneRules rules = zone.getRules();
        line("BEGIN:VTIMEZONE");
        line("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            ZoneOffset offset = rules.getOffset(Instant.now());
            line("BEGIN:STANDARD");
            line("DTSTART:19700101T000000");
            line("TZOFFSETFROM:" + offset(offset));
            line("TZOFFSETTO:" + offset(offset));
            line("END:STANDARD");
        } else {
            for (ZoneOffsetTransitionRule rule : yearly) {
                boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
                String kind = daylight ? "DAYLIGHT" : "STANDARD";
                LocalDateTime first = rule.createTransition(1970).getDateTimeBefore();
                line("BEGIN:" + kind);
                line("DTSTART:" + LOCAL.format(first));
                line("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
                line("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
                line("RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";" + byDay(rule));
                line("END:" + kind);
            }
        }
        line("END:VTIMEZONE");
    }

    /** The day of the month a yearly rule falls on: "the last Sunday", "the second Sunday", or a fixed day. */
    private static String byDay(ZoneOffsetTransitionRule rule) {
        int day = rule.getDayOfMonthIndicator();
        if (rule.getDayOfWeek() == null) {
            return "BYMONTHDAY=" + day;
        }
        String weekday = rule.getDayOfWeek().name().substring(0, 2);
        if (day < 0 || day == rule.getMonth().minLength() - 6) {
            // on or before the month's end, or the last seven days of it: the last such weekday
            return "BYDAY=-1" + weekday;
        }
        if ((day - 1) % 7 == 0) {
            return "BYDAY=" + ((day - 1) / 7 + 1) + weekday;
        }
        // the first such weekday on or after that day
        StringBuilder days = new StringBuilder("BYDAY=" + weekday + ";BYMONTHDAY=");
        for (int d = day; d < day + 7; d++) {
            days.append(d == day ? "" : ",").append(d);
        }
        return days.toString();
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + "%02d%02d".formatted(minutes / 60, minutes % 60);
    }

    /** TEXT as RFC 5545 writes it: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A quoted parameter value: no double quotes or control characters (RFC 5545 QSAFE-CHAR). */
    private static String parameter(String value) {
        return value == null ? "" : value.replaceAll("[\"\\p{Cntrl}]", "");
    }

    /** A content line, folded so that no line is longer than 75 octets, never inside a character. */
    private void line(String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                // the leading space of a continuation line counts
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
