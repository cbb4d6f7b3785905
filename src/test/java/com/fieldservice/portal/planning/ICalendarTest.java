package com.fieldservice.portal.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iCalendar writer against RFC 5545: line endings, folding, escaping, the time zone. */
public class ICalendarTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** CRLF only, no line over 75 octets, components opened and closed in order, one VTIMEZONE for the TZIDs used. */
    public static void assertWellFormed(String ics) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        Deque<String> open = new ArrayDeque<>();
        for (String line : unfold(ics).split("\r\n")) {
            assertThat(line).as("a content line is name:value").matches("[A-Z][A-Z0-9-]*(;[^:]+)?:.*");
            if (line.startsWith("BEGIN:")) {
                open.push(line.substring(6));
            } else if (line.startsWith("END:")) {
                assertThat(open.pop()).isEqualTo(line.substring(4));
            } else if (line.contains(";TZID=")) {
                String tzid = line.replaceAll(".*;TZID=([^:;]+).*", "$1");
                assertThat(ics).contains("BEGIN:VTIMEZONE\r\nTZID:" + tzid + "\r\n");
            }
        }
        assertThat(open).isEmpty();
        assertThat(unfold(ics)).contains("\r\nVERSION:2.0\r\n", "\r\nPRODID:");
    }

    public static String unfold(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }

    @Test
    void aLongLineIsFoldedBetweenCharactersNeverInsideOne() {
        String summary = "Ölwechsel – Kältemaschine «Nord» ".repeat(6) + "🔧".repeat(30);
        String ics = ICalendar.of(BRUSSELS, "Tom", List.of(new ICalendar.Event("a@b", OffsetDateTime.parse("2026-12-14T08:00Z"),
                OffsetDateTime.parse("2026-12-14T09:00Z"), summary, null, null)), Instant.parse("2026-12-01T10:00:00Z"));
        assertWellFormed(ics);
        assertThat(unfold(ics)).contains("SUMMARY:" + summary + "\r\n");
        // the bytes survive a round trip: nothing was split inside a character
        assertThat(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(ics);
        assertThat(ics).doesNotContain("\uFFFD");
    }

    @Test
    void anEmailsCalendarAsksToAddUpdateOrRemoveTheEventUnderItsUid() {
        ICalendar.Event visit = new ICalendar.Event("v1@x", OffsetDateTime.parse("2026-12-14T08:00Z"),
                OffsetDateTime.parse("2026-12-14T09:00Z"), "Visit", null, null, 3);
        ICalendar.Parties parties = new ICalendar.Parties("Work-order \"portal\"", "portal@x.test", "alice@x.test");
        String request = ICalendar.message(BRUSSELS, ICalendar.Method.REQUEST, visit, parties, Instant.parse("2026-12-01T10:00:00Z"));
        assertWellFormed(request);
        assertThat(unfold(request)).contains("\r\nMETHOD:REQUEST\r\n", "\r\nUID:v1@x\r\nSEQUENCE:3\r\n", "STATUS:CONFIRMED\r\n",
                "ORGANIZER;CN=\"Work-order portal\":mailto:portal@x.test\r\n", ":mailto:alice@x.test\r\n")
                .doesNotContain("X-WR-CALNAME");
        String cancel = ICalendar.message(BRUSSELS, ICalendar.Method.CANCEL, visit, parties, Instant.parse("2026-12-01T10:00:00Z"));
        assertWellFormed(cancel);
        assertThat(cancel).contains("\r\nMETHOD:CANCEL\r\n", "\r\nUID:v1@x\r\n", "STATUS:CANCELLED\r\n");
        String unnamed = ICalendar.message(BRUSSELS, ICalendar.Method.REQUEST, visit, new ICalendar.Parties(null, "portal@x.test", null),
                Instant.parse("2026-12-01T10:00:00Z"));
        assertWellFormed(unnamed);
        assertThat(unnamed).contains("\r\nORGANIZER:mailto:portal@x.test\r\n").doesNotContain("ATTENDEE");
    }

    @Test
    void textIsEscaped() {
        assertThat(ICalendar.text("a,b;c\\d\ne\r\nf")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf");
    }

    @Test
    void timesAreLocalToTheBusinessZoneWhichIsDescribedByItsRules() {
        String ics = ICalendar.of(BRUSSELS, "Week", List.of(
                new ICalendar.Event("summer@x", OffsetDateTime.parse("2026-07-01T07:30Z"), OffsetDateTime.parse("2026-07-01T09:00Z"),
                        "Summer", "Haven 1050, 2030 Antwerpen", "Boiler"),
                new ICalendar.Event("winter@x", OffsetDateTime.parse("2026-12-01T07:30Z"), OffsetDateTime.parse("2026-12-01T09:00Z"),
                        "Winter", null, null)), Instant.parse("2026-06-01T10:00:00Z"));
        assertWellFormed(ics);
        assertThat(ics).contains("DTSTART;TZID=Europe/Brussels:20260701T093000\r\n", "DTSTART;TZID=Europe/Brussels:20261201T083000\r\n",
                "DTSTAMP:20260601T100000Z\r\n", "LOCATION:Haven 1050\\, 2030 Antwerpen\r\n",
                "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
                "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n");
        assertThat(ics.indexOf("UID:summer@x")).isLessThan(ics.indexOf("UID:winter@x"));
    }

    @Test
    void otherZonesRulesAreWrittenTooOrTheirOneOffset() {
        String newYork = ICalendar.of(ZoneId.of("America/New_York"), "NY", List.of(), Instant.EPOCH);
        assertThat(newYork).contains("TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n",
                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n");
        String tokyo = ICalendar.of(ZoneId.of("Asia/Tokyo"), "Tokyo", List.of(), Instant.EPOCH);
        assertThat(tokyo).contains("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n");
        assertWellFormed(tokyo);
    }
}
