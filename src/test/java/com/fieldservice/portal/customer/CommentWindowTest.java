package com.fieldservice.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.time.BusinessClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A closed work order takes its customer's comments and files up to and including the 30th day
 * after the day it closed, days as the business calendar has them (not the machine's, not UTC's).
 */
class CommentWindowTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** Closed on 1 March 2026 at 23:30 in Brussels (22:30 UTC: still 1 March in UTC too). */
    private static final OffsetDateTime CLOSED = OffsetDateTime.parse("2026-03-01T23:30:00+01:00");

    private static boolean takesMessagesAt(String instant, boolean closed, OffsetDateTime closedOn) {
        JobActionsService actions = new JobActionsService(null, null, BusinessClock.fixed(Instant.parse(instant), BRUSSELS),
                Optional.empty());
        return actions.takesMessages(new ReportDao.CustomerJob(UUID.randomUUID(), 1, "Completed", closed, UUID.randomUUID(), closedOn));
    }

    @Test
    void anOpenWorkOrderAlwaysTakesThem() {
        assertThat(takesMessagesAt("2099-01-01T00:00:00Z", false, null)).isTrue();
    }

    @Test
    void aClosedOneUntilTheEndOfTheThirtiethDayAfterTheDayItClosed() {
        // 31 March ends at 22:00 UTC in Brussels (summer time from 29 March)
        assertThat(takesMessagesAt("2026-03-02T08:00:00Z", true, CLOSED)).isTrue();
        assertThat(takesMessagesAt("2026-03-31T21:59:59Z", true, CLOSED)).isTrue();
        assertThat(takesMessagesAt("2026-03-31T22:00:00Z", true, CLOSED)).isFalse();
        assertThat(takesMessagesAt("2026-06-01T08:00:00Z", true, CLOSED)).isFalse();
    }

    @Test
    void theDayItClosedIsTheBusinessDay() {
        // 00:30 in Brussels on 2 March is still 1 March in UTC: the window runs from 2 March
        OffsetDateTime justAfterMidnight = OffsetDateTime.parse("2026-03-02T00:30:00+01:00");
        assertThat(takesMessagesAt("2026-04-01T08:00:00Z", true, justAfterMidnight)).isTrue();
        assertThat(takesMessagesAt("2026-04-01T22:00:00Z", true, justAfterMidnight)).isFalse();
    }

    @Test
    void aClosedOneWithoutAClosingDayTakesNone() {
        assertThat(takesMessagesAt("2026-03-02T08:00:00Z", true, null)).isFalse();
    }
}
