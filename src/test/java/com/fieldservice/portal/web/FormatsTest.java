package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.customer.PortalFormat;
import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.time.DateDisplay;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates, times and numbers as each language writes them; numbers that name something never localised. */
class FormatsTest {

    /** 2 December 2026, 08:05 UTC: 09:05 in Brussels, a Wednesday. */
    private static final OffsetDateTime MOMENT = OffsetDateTime.parse("2026-12-02T08:05:00Z");
    private static final OffsetDateTime EVENING = OffsetDateTime.parse("2026-12-02T20:30:00Z");

    @Test
    void backOfficeDatesAreIsoInEnglishAndDayMonthYearInFrenchAndDutchWith24HourTimes() {
        DateDisplay dates = TestClock.DATES;
        assertThat(dates.in(Language.EN).dayTime(MOMENT)).isEqualTo("2026-12-02 09:05");
        assertThat(dates.in(Language.FR).day(MOMENT)).isEqualTo("02/12/2026");
        assertThat(dates.in(Language.FR).dayTime(EVENING)).isEqualTo("02/12/2026 21:30");
        assertThat(dates.in(Language.NL).dayTimeSeconds(EVENING)).isEqualTo("02/12/2026 21:30:00");
        assertThat(dates.in(Language.NL).iso(MOMENT)).isEqualTo(dates.in(Language.EN).iso(MOMENT));
    }

    @Test
    void thePlanningBoardsDaysAreNamedInTheReadersLanguage() {
        DateDisplay dates = TestClock.DATES;
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertThat(dates.in(Language.EN).weekday(monday)).isEqualTo("Mon 07/12");
        assertThat(dates.in(Language.FR).weekday(monday)).isEqualTo("lun. 07/12");
        assertThat(dates.in(Language.NL).weekday(monday.plusDays(2))).isEqualTo("wo 09/12");
    }

    @Test
    void customersReadDayNamesInTheirLanguage() {
        PortalFormat fmt = new PortalFormat(TestClock.DEFAULT);
        assertThat(fmt.in(Language.EN).dayTime(MOMENT)).isEqualTo("Wed 2 Dec 2026, 09:05");
        assertThat(fmt.in(Language.FR).dayTime(MOMENT)).isEqualTo("mer. 02/12/2026, 09:05");
        assertThat(fmt.in(Language.NL).dayTime(MOMENT)).isEqualTo("wo 02/12/2026, 09:05");
        assertThat(fmt.in(Language.FR).date(MOMENT)).isEqualTo("02/12/2026");
        assertThat(fmt.in(Language.NL).visit(MOMENT, EVENING)).isEqualTo("wo 02/12/2026, 09:05–21:30");
    }

    @Test
    void workOrderNumbersInMessagesAreNeverGrouped() {
        for (Language language : Language.values()) {
            assertThat(Texts.format(language, "actions.pageTitle", 4966)).contains("4966").doesNotContain("4,966")
                    .doesNotContain("4.966").doesNotContain("4\u202f966");
            assertThat(Texts.format(language, "portal.job.title", 104966L)).contains("104966");
            assertThat(Texts.format(language, "bo.job.title", 4966, "Boiler")).contains("4966 · Boiler");
        }
        // a placeholder that says how to write its number still gets the number
        assertThat(Texts.format(Language.EN, "admin.accounts.count", 1)).isEqualTo("1 account");
        assertThat(Texts.format(Language.FR, "admin.accounts.count", 0)).isEqualTo("Aucun compte");
    }

    @Test
    void quantitiesUseTheLanguagesSigns() {
        assertThat(NumberDisplay.in(Language.EN).count(1234567)).isEqualTo("1,234,567");
        assertThat(NumberDisplay.in(Language.NL).count(1234567)).isEqualTo("1.234.567");
        assertThat(NumberDisplay.in(Language.FR).count(1234)).matches("1\\s?.?234").doesNotContain(",").doesNotContain(".");
        assertThat(NumberDisplay.in(Language.EN).decimal(new BigDecimal("50.850300"))).isEqualTo("50.850300");
        assertThat(NumberDisplay.in(Language.FR).decimal(new BigDecimal("-4.3517"))).isEqualTo("-4,3517");
        assertThat(NumberDisplay.in(Language.NL).decimal(new BigDecimal("1234.5"))).isEqualTo("1234,5");
        assertThat(NumberDisplay.in(Language.NL).decimal(null)).isEmpty();
    }

    @Test
    void csvSeparatesWithACommaInEnglishAndASemicolonInFrenchAndDutch() throws Exception {
        assertThat(Csv.separator(Language.EN)).isEqualTo(',');
        assertThat(Csv.separator(Language.FR)).isEqualTo(';');
        assertThat(Csv.separator(Language.NL)).isEqualTo(';');
        StringWriter out = new StringWriter();
        Csv.line(out, List.of("4711", "Chaudière; local 2", "50,85"), ';');
        assertThat(out).hasToString("4711;\"Chaudière; local 2\";\"50,85\"\r\n");
    }
}
