package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session this instance has read costs no statement the next time, as long as the cache is
 * trusted and the session does not look expired; expiry is still enforced, by the database when
 * the session looks idle (another instance may have seen it since), here when it is too old.
 */
class SessionCacheTest {

    private static Jdbi jdbi;
    private static StatementCounter counter;
    private static Principal planner;

    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final MovableClock clock = new MovableClock();
    private final SessionCache cache = new SessionCache(listening::get);
    private final SessionStore store = new SessionStore(jdbi, SessionStore.DEFAULT_IDLE, SessionStore.DEFAULT_ABSOLUTE,
            cache, clock);

    @BeforeAll
    static void start() {
        jdbi = TestDatabase.freshJdbi();
        UUID account = TestAccounts.staff(jdbi, "cached@session.test", "planner");
        planner = jdbi.withExtension(AccountDao.class, dao -> dao.findActivePrincipal(account)).orElseThrow().toPrincipal();
        counter = StatementCounter.recording(jdbi);
    }

    @BeforeEach
    void forget() {
        counter.forget();
    }

    @Test
    void aSessionReadOnceCostsNoStatementAfterwards() {
        String token = open();
        counter.forget();
        assertThat(store.find(token)).map(s -> s.principal().username()).contains("cached@session.test");
        assertThat(counter.statements()).as("a miss reads the session").hasSize(1);
        counter.forget();
        SessionStore.Session again = store.find(token).orElseThrow();
        assertThat(counter.statements()).as("a hit").isEmpty();
        assertThat(again.principal()).isEqualTo(planner);
        assertThat(again.csrfToken()).isNotBlank();
    }

    @Test
    void aHitStillWritesLastSeenOnceAMinuteAndFindsASessionEndedMeanwhileGone() {
        String token = open();
        store.find(token);
        clock.ahead(Duration.ofMinutes(2));
        counter.forget();
        assertThat(store.find(token)).isPresent();
        assertThat(counter.statements()).singleElement().asString().startsWith("UPDATE web_session SET last_seen");
        counter.forget();
        assertThat(store.find(token)).isPresent();
        assertThat(counter.statements()).as("touched a moment ago").isEmpty();

        // ended by another instance, its notification not taken in yet: the next touch finds it gone
        jdbi.useHandle(h -> h.execute("DELETE FROM web_session WHERE token_hash = ?", (Object) Tokens.sha256(token)));
        clock.ahead(Duration.ofMinutes(4));
        assertThat(store.find(token)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aSessionThatLooksIdleIsReadAgainAndKeptIfAnotherInstanceSawItMeanwhile() {
        String token = open();
        store.find(token);
        // 31 minutes later for this instance; the database last saw the session just now (another instance)
        clock.ahead(Duration.ofMinutes(31));
        counter.forget();
        assertThat(store.find(token)).isPresent();
        assertThat(counter.statements()).as("read again, then touched").hasSize(2);
        counter.forget();
        assertThat(store.find(token)).isPresent();
        assertThat(counter.statements()).isEmpty();
    }

    @Test
    void aSessionThatLooksIdleIsRefusedWhenTheDatabaseAgrees() {
        String token = open();
        store.find(token);
        jdbi.useHandle(h -> h.execute("UPDATE web_session SET last_seen = now() - interval '31 minutes' WHERE token_hash = ?",
                (Object) Tokens.sha256(token)));
        assertThat(store.find(token)).as("not idle as far as this instance knows").isPresent();
        clock.ahead(Duration.ofMinutes(31));
        counter.forget();
        assertThat(store.find(token)).isEmpty();
        assertThat(counter.statements()).hasSize(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aSessionOlderThanTwelveHoursIsRefusedWithoutAStatement() {
        String token = open();
        store.find(token);
        clock.ahead(Duration.ofHours(12).plusMinutes(1));
        counter.forget();
        assertThat(store.find(token)).isEmpty();
        assertThat(counter.statements()).isEmpty();
    }

    @Test
    void whileTheInstanceDoesNotHearChangesEveryRequestReadsItsSession() {
        String token = open();
        store.find(token);
        listening.set(false);
        counter.forget();
        assertThat(store.find(token)).isPresent();
        assertThat(store.find(token)).isPresent();
        assertThat(counter.statements()).hasSize(2);

        jdbi.useHandle(h -> h.execute("DELETE FROM web_session WHERE token_hash = ?", (Object) Tokens.sha256(token)));
        assertThat(store.find(token)).as("a sign-out whose notification was lost").isEmpty();
    }

    @Test
    void forgettingTheAccountOrSigningOutCostsTheNextRequestARead() {
        String token = open();
        store.find(token);
        cache.forgetAccount(planner.accountId().toString());
        counter.forget();
        assertThat(store.find(token)).isPresent();
        assertThat(counter.statements()).hasSize(1);

        store.end(token);
        counter.forget();
        assertThat(store.find(token)).isEmpty();
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void aReadBegunBeforeAForgettingKeepsNothing() {
        String token = open();
        long readAt = cache.generation();
        cache.forgetAccount(planner.accountId().toString());
        Instant now = clock.instant();
        cache.put("stale", new SessionCache.Entry(planner, "csrf", now, now), readAt, SessionStore.DEFAULT_IDLE);
        assertThat(cache.get("stale")).isEmpty();
        store.find(token);
        assertThat(cache.size()).isOne();
    }

    private String open() {
        return store.open(planner, "127.0.0.1", "test").token();
    }

    /** The system clock, moved ahead as a test needs. */
    private static final class MovableClock extends Clock {
        private Duration ahead = Duration.ZERO;

        void ahead(Duration more) {
            ahead = ahead.plus(more);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
