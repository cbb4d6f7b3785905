package com.fieldservice.portal.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.web.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Test
    void todayIsTheBusinessZonesDayNotUtcs() {
        // 23:30 UTC on a Sunday is already Monday in Brussels
        BusinessClock clock = BusinessClock.fixed(Instant.parse("2026-12-06T23:30:00Z"), BRUSSELS);
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(clock.now()).isEqualTo(OffsetDateTime.parse("2026-12-07T00:30+01:00"));
        assertThat(clock.startOf(clock.today())).isEqualTo(OffsetDateTime.parse("2026-12-07T00:00+01:00"));
    }

    @Test
    void typedTimesAndDaysFollowSummerTime() {
        BusinessClock clock = BusinessClock.system(BRUSSELS);
        assertThat(clock.at(LocalDateTime.parse("2026-03-28T09:30")).toInstant()).isEqualTo(Instant.parse("2026-03-28T08:30:00Z"));
        assertThat(clock.at(LocalDateTime.parse("2026-03-30T09:30")).toInstant()).isEqualTo(Instant.parse("2026-03-30T07:30:00Z"));
        assertThat(clock.dayOf(OffsetDateTime.parse("2026-06-14T22:00Z"))).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void datesReadInTheBusinessZoneWhateverOffsetTheyCarry() {
        DateDisplay dates = new DateDisplay(BusinessClock.system(BRUSSELS));
        OffsetDateTime utc = OffsetDateTime.parse("2099-06-15T07:30Z");
        OffsetDateTime tokyo = OffsetDateTime.parse("2099-06-15T16:30+09:00");
        assertThat(dates.dayTime(utc)).isEqualTo("2099-06-15 09:30").isEqualTo(dates.dayTime(tokyo));
        assertThat(dates.dayTimeSeconds(utc)).isEqualTo("2099-06-15 09:30:00");
        assertThat(dates.timeSeconds(tokyo)).isEqualTo("09:30:00");
        assertThat(dates.iso(tokyo)).isEqualTo("2099-06-15T09:30:00+02:00");
        // the day of a moment is its local day; a day field is a day, in no zone
        assertThat(dates.day(OffsetDateTime.parse("2099-06-17T22:00Z"))).isEqualTo("2099-06-18");
        assertThat(dates.day(LocalDate.parse("2099-06-18"))).isEqualTo("2099-06-18");
        assertThat(dates.in(Language.FR).day(LocalDate.parse("2099-06-18"))).isEqualTo("18/06/2099");
        assertThat(dates.day((OffsetDateTime) null)).isEmpty();
        assertThat(dates.day((LocalDate) null)).isEmpty();
    }
}
