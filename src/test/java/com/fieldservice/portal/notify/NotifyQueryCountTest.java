package com.fieldservice.portal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.auth.Role;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.web.RequestScope;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox and the preferences each cost one statement, however many messages and choices there are. */
class NotifyQueryCountTest {

    static StatementCounter counter;

    @BeforeAll
    static void start() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        UUID account = TestAccounts.customer(jdbi, "COUNT", "count@notify.test");
        for (int i = 0; i < 25; i++) {
            jdbi.useTransaction(h -> Notifications.passwordLink(h, account, Kind.PASSWORD_RESET, "t", Duration.ofMinutes(30)));
        }
        jdbi.withExtension(NotificationDao.class, dao -> {
            dao.choose(account, Topic.REPLY.code(), false);
            dao.choose(account, Topic.VISIT.code(), false);
            return null;
        });
        counter = StatementCounter.recording(jdbi);
        Mail mail = new Mail(MailSettings.keepOnly(), jdbi, com.fieldservice.portal.support.TestClock.DEFAULT);
        Principal who = new Principal(account, "count@notify.test", Role.CUSTOMER, "Casey", Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        counter.serving(config -> {
            config.routes.before(ctx -> RequestScope.setPrincipal(ctx, who));
            config.routes.get("/admin/outbox", mail.outbox::list);
            config.routes.get("/account/notifications", mail.preferences::form);
        });
    }

    @AfterAll
    static void stop() {
        counter.close();
    }

    @Test
    void theOutboxTakesOneStatement() {
        counter.forget();
        assertThat(counter.get("/admin/outbox")).isEqualTo(200);
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void thePreferencesTakeOneStatement() {
        counter.forget();
        assertThat(counter.get("/account/notifications")).isEqualTo(200);
        assertThat(counter.statements()).hasSize(1);
    }
}
