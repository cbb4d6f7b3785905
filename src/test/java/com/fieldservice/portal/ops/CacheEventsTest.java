package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.AccountDao;
import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.SessionCache;
import com.fieldservice.portal.auth.SessionStore;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The change listener: keyed notifications, its barrier, and what the sessions do while it is down. */
class CacheEventsTest {

    private final String url = TestDatabase.freshDatabaseUrl();
    private final Jdbi jdbi = TestDatabase.jdbi(url);

    @Test
    void aKeyedNotificationReachesTheKeyedForgettersWithItsKeyAndThePlainOnes() {
        List<String> keys = new CopyOnWriteArrayList<>();
        AtomicInteger all = new AtomicInteger();
        AtomicInteger plain = new AtomicInteger();
        try (CacheEvents events = new CacheEvents(() -> DriverManager.getConnection(url, "postgres", ""), jdbi)
                .onChange(plain::incrementAndGet, "account")
                .onKeyedChange(keys::add, all::incrementAndGet, "web_session", "account")
                .start()) {
            assertThat(events.listening()).isTrue();
            UUID account = TestAccounts.staff(jdbi, "keyed@events.test", "planner");
            jdbi.useHandle(h -> h.execute("INSERT INTO web_session (token_hash, account_id, csrf_token) VALUES ('\\x01', ?, 'c')",
                    account));
            assertThat(events.awaitProcessed()).isTrue();
            assertThat(keys).as("signing in tells no one").isEmpty();

            jdbi.useHandle(h -> h.execute("UPDATE web_session SET last_seen = now()"));
            jdbi.useHandle(h -> h.execute("DELETE FROM web_session WHERE account_id = ? AND false", account));
            jdbi.useHandle(h -> h.execute("UPDATE account SET language = 'nl' WHERE id = ?", account));
            jdbi.useHandle(h -> h.execute("UPDATE app_user SET lastname = 'Renamed' WHERE username = 'keyed@events.test'"));
            jdbi.useHandle(h -> h.execute("DELETE FROM web_session WHERE account_id = ?", account));
            assertThat(events.awaitProcessed()).isTrue();
            assertThat(keys).as("the touch and a deletion of nothing tell no one")
                    .containsExactly(account.toString(), account.toString(), account.toString());
            assertThat(plain).as("a cache of the whole table forgets it").hasValue(2);
            assertThat(all).hasValue(0);

            jdbi.useHandle(h -> h.execute("TRUNCATE web_session"));
            assertThat(events.awaitProcessed()).isTrue();
            assertThat(all).hasValue(1);
        }
    }

    @Test
    void whileTheListenerIsDownSessionsAreReadFromTheDatabaseAndAllForgottenOnceItListensAgain() throws Exception {
        List<Connection> opened = new CopyOnWriteArrayList<>();
        CountDownLatch reopening = new CountDownLatch(1);
        CountDownLatch mayReopen = new CountDownLatch(1);
        CountDownLatch forgotten = new CountDownLatch(1);
        CacheEvents.Connector connector = () -> {
            if (!opened.isEmpty()) {
                reopening.countDown();
                try {
                    mayReopen.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Connection connection = DriverManager.getConnection(url, "postgres", "");
            opened.add(connection);
            return connection;
        };
        try (CacheEvents events = new CacheEvents(connector, jdbi)) {
            SessionCache cache = new SessionCache(events::listening);
            events.onKeyedChange(cache::forgetAccount, cache::clear, "web_session").onChange(forgotten::countDown).start();
            SessionStore store = new SessionStore(jdbi, SessionStore.DEFAULT_IDLE, SessionStore.DEFAULT_ABSOLUTE, cache,
                    Clock.systemUTC());
            UUID account = TestAccounts.staff(jdbi, "outage@events.test", "planner");
            Principal planner = jdbi.withExtension(AccountDao.class, dao -> dao.findActivePrincipal(account))
                    .orElseThrow().toPrincipal();
            String token = store.open(planner, "127.0.0.1", "test").token();
            StatementCounter counter = StatementCounter.recording(jdbi);
            store.find(token);
            counter.forget();
            assertThat(store.find(token)).isPresent();
            assertThat(counter.statements()).as("a hit").isEmpty();

            int listener = opened.get(0).unwrap(PGConnection.class).getBackendPID();
            jdbi.useHandle(h -> h.execute("SELECT pg_terminate_backend(?)", listener));
            assertThat(reopening.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(events.listening()).isFalse();
            assertThat(events.awaitProcessed()).isFalse();
            counter.forget();
            assertThat(store.find(token)).isPresent();
            assertThat(counter.statements()).as("read from the database").hasSize(1);
            jdbi.useHandle(h -> h.execute("DELETE FROM web_session"));
            assertThat(store.find(token)).as("a sign-out whose notification is lost").isEmpty();
            assertThat(forgotten.getCount()).isOne();

            mayReopen.countDown();
            assertThat(forgotten.await(30, TimeUnit.SECONDS)).as("everything forgotten once listening again").isTrue();
        }
    }
}
