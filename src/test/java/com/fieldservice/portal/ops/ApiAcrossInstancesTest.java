package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.auth.Passwords;
import com.fieldservice.portal.auth.SignInThrottle;
import com.fieldservice.portal.support.StatementCounter;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An integration signs every request: each instance keeps that its address has had no failure
 * since, so a request signed again reads its account and its work order. A new password or a
 * disabled or removed account is refused at once on every instance; failures counted on another
 * instance (or written in psql) count as soon as the instance has taken them in
 * ({@link TestPortal#settle()}).
 */
class ApiAcrossInstancesTest {

    private static final String UNKNOWN_JOB = "/api/jobs/00000000-0000-4000-8000-000000000000";

    static TestPortal first;
    static TestPortal second;

    @BeforeAll
    static void start() {
        first = TestPortal.start();
        second = TestPortal.startOn(first.databaseUrl());
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void aRequestSignedAgainReadsItsAccountAndItsWorkOrder() {
        TestAccounts.apiUser(first.jdbi(), "counted@api.test");
        StatementCounter counter = StatementCounter.recording(second.app().database().jdbi());
        assertThat(get(second, "counted@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(404);
        assertThat(counter.statements()).as("first request: the failures, the account, the work order").hasSize(3);
        counter.forget();
        assertThat(get(second, "counted@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(404);
        assertThat(counter.statements()).as("signed again").hasSize(2).noneMatch(sql -> sql.contains("sign_in_attempt"));
        counter.forget();
        assertThat(get(second, "counted@api.test", "not the password").statusCode()).as("a wrong one still fails")
                .isEqualTo(401);
    }

    @Test
    void aNewPasswordWrittenInTheDatabaseRefusesTheOldOneOnEveryInstance() {
        UUID account = TestAccounts.apiUser(first.jdbi(), "rotated@api.test");
        assertThat(get(first, "rotated@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get(second, "rotated@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(404);

        first.jdbi().useHandle(h -> h.execute("UPDATE account SET password_hash = ? WHERE id = ?",
                Passwords.hash("the rotated secret"), account));
        assertThat(get(second, "rotated@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get(first, "rotated@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get(second, "rotated@api.test", "the rotated secret").statusCode()).isEqualTo(404);
    }

    @Test
    void aDisabledOrRemovedIntegrationIsRefusedOnEveryInstance() {
        UUID disabled = TestAccounts.apiUser(first.jdbi(), "disabled@api.test");
        UUID removed = TestAccounts.apiUser(first.jdbi(), "removed@api.test");
        assertThat(get(second, "disabled@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get(second, "removed@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(404);

        first.jdbi().useHandle(h -> {
            h.execute("UPDATE account SET disabled = true WHERE id = ?", disabled);
            h.execute("DELETE FROM account WHERE id = ?", removed);
        });
        assertThat(get(second, "disabled@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get(second, "removed@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void failuresCountedOnOneInstanceMakeTheOtherWait() {
        TestAccounts.apiUser(first.jdbi(), "guessed@api.test");
        assertThat(get(second, "guessed@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get(second, "guessed@api.test", TestAccounts.PASSWORD).statusCode()).isEqualTo(404);

        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ACCOUNT; i++) {
            assertThat(get(first, "guessed@api.test", "guess " + i).statusCode()).isEqualTo(401);
        }
        settle();
        HttpResponse<String> waiting = get(second, "guessed@api.test", TestAccounts.PASSWORD);
        assertThat(waiting.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
    }

    private static void settle() {
        first.settle();
        second.settle();
    }

    private static HttpResponse<String> get(TestPortal instance, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return instance.send(HttpRequest.newBuilder(URI.create(instance.url(UNKNOWN_JOB)))
                .header("Accept", "application/json").header("Authorization", "Basic " + basic).GET().build());
    }
}
