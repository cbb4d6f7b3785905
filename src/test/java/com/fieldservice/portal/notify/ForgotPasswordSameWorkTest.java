package com.fieldservice.portal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.admin.ForgotPasswordService;
import com.fieldservice.portal.auth.Audit;
import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * "Forgot your password?" does the same work whether an account has the address or not: the
 * request runs the same statements (it never looks the address up) and writes the same rows;
 * only the mail sender, afterwards, finds the account, and sends nothing for an unknown address.
 */
class ForgotPasswordSameWorkTest {

    @Test
    void aKnownAndAnUnknownAddressCostTheSameStatementsAndOnlyTheKnownOneGetsALink() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        TestAccounts.customer(jdbi, "SAME", "known@same.test");
        StatementCounter counter = StatementCounter.recording(jdbi);
        ForgotPasswordService service = new ForgotPasswordService(jdbi, new SignInThrottle(jdbi), new Audit(jdbi));

        counter.forget();
        assertThat(service.request("Known@Same.test", "10.0.0.1")).isInstanceOf(ForgotPasswordService.Answered.class);
        List<String> known = List.copyOf(counter.statements());
        counter.forget();
        assertThat(service.request("nobody@same.test", "10.0.0.1")).isInstanceOf(ForgotPasswordService.Answered.class);
        List<String> unknown = List.copyOf(counter.statements());

        assertThat(unknown).as("the same statements, in the same order").isEqualTo(known);
        assertThat(known.stream().filter(sql -> sql.strip().matches("(?is)(INSERT|UPDATE|DELETE).*")).toList())
                .as("the same writes: the attempt, the outbox row").hasSize(2)
                .anySatisfy(sql -> assertThat(sql).contains("INSERT INTO sign_in_attempt"))
                .anySatisfy(sql -> assertThat(sql).contains("INSERT INTO notification"));
        assertThat(known).as("no link and no look-up of the address while the person waits")
                .noneMatch(sql -> sql.contains("password_link") || sql.contains("lower(:email)"));
        assertThat(rows(jdbi)).as("one row each, alike: nobody is named yet").containsExactly(
                Map.of("status", "pending", "recipient", "-", "account", false),
                Map.of("status", "pending", "recipient", "-", "account", false));

        MailSender sender = new MailSender(jdbi, MailSettings.keepOnly(), new MailRenderer(new Links(Optional.of("https://portal.test")),
                new UnsubscribeTokens(jdbi), TestClock.DEFAULT), MailSender.Policy.DEFAULT);
        assertThat(sender.deliverDue()).isEqualTo(2);
        assertThat(rows(jdbi)).as("the sender decides: the account's link, kept here; nothing for the unknown address")
                .containsExactly(Map.of("status", "kept", "recipient", "known@same.test", "account", true),
                        Map.of("status", "skipped", "recipient", "-", "account", false));
        int links = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM password_link").mapTo(Integer.class).one());
        assertThat(links).isEqualTo(1);
        List<String> audited = jdbi.withHandle(h -> h.createQuery("SELECT detail FROM audit_log ORDER BY id").mapTo(String.class).list());
        assertThat(audited)
                .containsExactly("forgot password: sent by email", "forgot password: no account with this address, nothing sent");
    }

    private static List<Map<String, Object>> rows(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT status, coalesce(recipient, '-') AS recipient, account_id IS NOT NULL AS account
                  FROM notification ORDER BY id""").mapToMap().list());
    }
}
