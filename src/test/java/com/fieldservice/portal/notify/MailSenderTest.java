package com.fieldservice.portal.notify;

import com.fieldservice.portal.web.Language;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its sender against a real SMTP server (GreenMail) and real PostgreSQL: a message
 * leaves only once its change is committed, never for a rolled-back one; senders that stop,
 * crash or run side by side deliver each message exactly once; a refusing server is tried again
 * with growing waits, then the message is failed with the server's answer.
 */
class MailSenderTest {

    static final MailSender.Policy POLICY = new MailSender.Policy(3, Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofSeconds(1));

    Jdbi jdbi;
    TestMail mail;
    UUID account;

    @BeforeEach
    void start() {
        jdbi = TestDatabase.freshJdbi();
        mail = TestMail.start();
        account = TestAccounts.customer(jdbi, "MAIL", "casey@mail.test");
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    MailSettings smtp(int port) {
        return new MailSettings(Optional.of("127.0.0.1"), port, Optional.empty(), "", MailSettings.Tls.NONE,
                "Portal <portal@portal.test>", Optional.of("http://portal.test"), List.of(TestMail.BACK_OFFICE), Language.EN);
    }

    MailSender sender(MailSettings settings) {
        Links links = new Links(settings.baseUrl());
        return new MailSender(jdbi, settings, new MailRenderer(links, new UnsubscribeTokens(jdbi), TestClock.DEFAULT), POLICY);
    }

    MailSender sender() {
        return sender(smtp(mail.port()));
    }

    /** One message in the outbox, in its own committed transaction: a password link for Casey. */
    void queue(String token) {
        jdbi.useTransaction(h -> Notifications.passwordLink(h, account, Kind.PASSWORD_RESET, token, Duration.ofMinutes(30)));
    }

    int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void aMessageLeavesOnlyAfterItsChangeIsCommitted() throws Exception {
        MailSender sender = sender();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> change = CompletableFuture.runAsync(() -> jdbi.useTransaction(h -> {
            Notifications.passwordLink(h, account, Kind.PASSWORD_RESET, "token-before-commit", Duration.ofMinutes(30));
            written.countDown();
            await(checked);
        }));
        written.await();
        assertThat(sender.deliverDue()).as("nothing is due while the change is not committed").isZero();
        checked.countDown();
        change.get();

        assertThat(sender.deliverDue()).isEqualTo(1);
        List<MimeMessage> received = mail.received();
        assertThat(received).hasSize(1);
        assertThat(TestMail.recipients(received.get(0))).contains("casey@mail.test");
        assertThat(TestMail.part(received.get(0), "text/plain")).contains("http://portal.test/set-password?token=token-before-commit");
        assertThat(count("SELECT count(*) FROM notification WHERE status = 'sent' AND attempts = 1 AND sent_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            Notifications.passwordLink(h, account, Kind.PASSWORD_RESET, "token-rolled-back", Duration.ofMinutes(30));
            throw new IllegalStateException("the change fails after its message was written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sender().deliverDue()).isZero();
        assertThat(count("SELECT count(*) FROM notification")).isZero();
        assertThat(mail.received()).isEmpty();
    }

    @Test
    void aSenderStoppedMidQueueAndTheNextOneSendEachMessageOnce() {
        IntStream.range(0, 5).forEach(i -> queue("token-" + i));
        MailSender first = sender();
        for (int i = 0; i < 2; i++) {
            first.deliver(first.claimNext().orElseThrow());
        }
        first.claimNext().orElseThrow();
        // stopped (a restart) while holding the third: it gives it back
        first.close();

        MailSender next = sender();
        assertThat(next.deliverDue()).isEqualTo(3);
        assertThat(mail.received()).hasSize(5);
        assertThat(messageIds()).doesNotHaveDuplicates().hasSize(5);
        assertThat(count("SELECT count(*) FROM notification WHERE status = 'sent' AND attempts = 1")).isEqualTo(5);
    }

    @Test
    void aMessageHeldByASenderThatDiedIsSentByAnotherOnceItsLeaseRunsOut() {
        queue("token-of-the-dead");
        MailSender dead = sender();
        dead.claimNext().orElseThrow();
        // the process is gone without a word: no close, no release

        MailSender survivor = sender();
        assertThat(survivor.deliverDue()).as("held while the lease runs").isZero();
        jdbi.useHandle(h -> h.execute("UPDATE notification SET locked_until = now() - interval '1 second'"));
        assertThat(survivor.deliverDue()).isEqualTo(1);
        assertThat(mail.received()).hasSize(1);
        assertThat(count("SELECT count(*) FROM notification WHERE status = 'sent'")).isEqualTo(1);
    }

    @Test
    void sendersRunningSideBySideNeverSendAMessageTwice() throws Exception {
        int messages = 30;
        IntStream.range(0, messages).forEach(i -> queue("token-" + i));
        List<MailSender> senders = List.of(sender(), sender(), sender());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (MailSender sender : senders) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return sender.deliverDue();
            }));
        }
        go.countDown();
        int delivered = 0;
        for (CompletableFuture<Integer> run : runs) {
            delivered += run.get();
        }
        assertThat(delivered).isEqualTo(messages);
        assertThat(mail.received()).hasSize(messages);
        assertThat(messageIds()).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM notification WHERE status = 'sent' AND attempts = 1")).isEqualTo(messages);
    }

    @Test
    void aRefusingServerIsTriedAgainWithGrowingWaitsThenTheMessageFailsWithItsAnswer() throws Exception {
        try (RefusingSmtp refusing = new RefusingSmtp()) {
            queue("token-refused");
            MailSender sender = sender(smtp(refusing.port()));

            assertThat(sender.deliverDue()).isEqualTo(1);
            assertThat(status()).isEqualTo("retrying");
            assertThat(lastError()).contains("554 5.3.2 Not accepting messages from the portal today");
            long firstWait = secondsUntilNextAttempt();
            assertThat(firstWait).isBetween(50L, 60L);
            assertThat(sender.deliverDue()).as("not due before its wait is over").isZero();

            dueNow();
            assertThat(sender.deliverDue()).isEqualTo(1);
            assertThat(status()).isEqualTo("retrying");
            assertThat(secondsUntilNextAttempt()).isBetween(110L, 120L);

            dueNow();
            assertThat(sender.deliverDue()).isEqualTo(1);
            assertThat(status()).isEqualTo("failed");
            assertThat(count("SELECT attempts FROM notification")).isEqualTo(3);
            assertThat(lastError()).contains("554 5.3.2 Not accepting messages from the portal today");
            dueNow();
            assertThat(sender.deliverDue()).as("a failed message waits for an administrator").isZero();
        }
        assertThat(mail.received()).isEmpty();
        // an administrator tries it once more, now that the server is back
        long id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM notification").mapTo(Long.class).one());
        int retried = jdbi.withExtension(NotificationDao.class, dao -> dao.retry(id));
        assertThat(retried).isEqualTo(1);
        assertThat(sender().deliverDue()).isEqualTo(1);
        assertThat(status()).isEqualTo("sent");
        assertThat(mail.received()).hasSize(1);
    }

    @Test
    void withoutAnSmtpHostMessagesAreKeptInFullAndNoneLeaves() {
        queue("token-kept");
        MailSender keeping = sender(new MailSettings(Optional.empty(), 25, Optional.empty(), "", MailSettings.Tls.NONE,
                MailSettings.DEFAULT_FROM, Optional.of("http://portal.test"), List.of(), Language.EN));
        assertThat(keeping.deliverDue()).isEqualTo(1);
        assertThat(status()).isEqualTo("kept");
        String text = jdbi.withHandle(h -> h.createQuery("SELECT body_text FROM notification").mapTo(String.class).one());
        assertThat(text).contains("http://portal.test/set-password?token=token-kept");
        assertThat(mail.received()).isEmpty();
    }

    @Test
    void aPersonWithoutAnEmailAddressGetsNothingAndTheReasonIsKept() {
        jdbi.useHandle(h -> h.execute("UPDATE contact SET email = NULL"));
        queue("token-nowhere");
        assertThat(sender().deliverDue()).isZero();
        assertThat(status()).isEqualTo("skipped");
        assertThat(lastError()).isEqualTo(Notifications.NO_ADDRESS);
        assertThat(mail.received()).isEmpty();
    }

    List<String> messageIds() {
        return mail.received().stream().map(m -> TestMail.header(m, "Message-ID")).toList();
    }

    String status() {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM notification").mapTo(String.class).one());
    }

    String lastError() {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_error FROM notification").mapTo(String.class).one());
    }

    long secondsUntilNextAttempt() {
        return jdbi.withHandle(h -> h.createQuery("SELECT extract(epoch FROM next_attempt_at - now())::bigint FROM notification")
                .mapTo(Long.class).one());
    }

    void dueNow() {
        jdbi.useHandle(h -> h.execute("UPDATE notification SET next_attempt_at = now()"));
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An SMTP server that greets every connection with a refusal, as a server out of service does;
     * or, silent, one that takes the connection and never says a word.
     */
    static final class RefusingSmtp implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        RefusingSmtp() throws IOException {
            this(false);
        }

        RefusingSmtp(boolean silent) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                        if (!silent) {
                            out.write("554 5.3.2 Not accepting messages from the portal today\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.flush();
                        // lets the client read the answer and say QUIT before the line closes
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    } catch (IOException closed) {
                        // the test is over, or the client hung up
                    }
                }
            }, "refusing-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
