package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.support.HeldSlots;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void hashIsArgon2idWithTheOwaspParametersAndVerifies() {
        String hash = Passwords.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.verify("correct horse", hash)).isTrue();
        assertThat(Passwords.verify("correct hors", hash)).isFalse();
    }

    /** An unknown account's sign-in costs what a known one's does: its decoy has today's parameters. */
    @Test
    void theDecoyForUnknownAccountsIsAHashWithTheCurrentParameters() {
        // $argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>: the same algorithm, version, costs and lengths
        String[] decoy = SignInService.DECOY_HASH.split("\\$");
        String[] current = Passwords.hash("any").split("\\$");
        assertThat(decoy).hasSameSizeAs(current);
        assertThat(List.of(decoy).subList(0, 4)).isEqualTo(List.of(current).subList(0, 4));
        assertThat(decoy[4]).hasSameSizeAs(current[4]);
        assertThat(decoy[5]).hasSameSizeAs(current[5]);
        assertThat(Passwords.verify("decoy password nobody has", SignInService.DECOY_HASH)).isTrue();
    }

    @Test
    void sameRandomSaltNeverRepeats() {
        assertThat(Passwords.hash("same")).isNotEqualTo(Passwords.hash("same"));
    }

    @Test
    void missingOrMalformedHashesNeverVerify() {
        assertThat(Passwords.verify("x", null)).isFalse();
        assertThat(Passwords.verify(null, Passwords.hash("x"))).isFalse();
        assertThat(Passwords.verify("x", "")).isFalse();
        assertThat(Passwords.verify("x", "$argon2id$garbage")).isFalse();
        assertThat(Passwords.verify("x", "$2a$10$abcdefghijklmnopqrstuu5ZBc1Y8kBuRDFM7t.qxoQ3NwOeJ3Zfu")).isFalse();
    }

    @Test
    void emptyPasswordsAreRefused() {
        assertThatThrownBy(() -> Passwords.hash("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signInsAndNewPasswordsWaitForASlotWhenEveryProcessorHashes() throws Exception {
        String hash = Passwords.hash("correct horse");
        assertThat(Passwords.SLOTS.size()).isEqualTo(Runtime.getRuntime().availableProcessors());
        CompletableFuture<Boolean> signIn;
        CompletableFuture<String> newPassword;
        try (HeldSlots held = HeldSlots.take(Passwords.SLOTS)) {
            signIn = CompletableFuture.supplyAsync(() -> Passwords.verify("correct horse", hash));
            newPassword = CompletableFuture.supplyAsync(() -> Passwords.hash("battery staple"));
            held.untilWaiting(2);
            assertThat(signIn).isNotDone();
            assertThat(newPassword).isNotDone();
        }
        assertThat(signIn.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Passwords.verify("battery staple", newPassword.get(10, TimeUnit.SECONDS))).isTrue();
    }
}
