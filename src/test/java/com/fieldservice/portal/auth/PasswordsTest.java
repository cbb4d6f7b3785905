package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.support.HeldSlots;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
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

    /** Every password set before the portal computed Argon2 itself was hashed by Password4j. */
    @Test
    void hashesOfThePreviousLibraryVerifyAndItVerifiesOurs() {
        Argon2Function previous = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
        for (String password : List.of("correct horse", "Él señor Ørsted süß 🔑", "\u00a0spaces at the ends ")) {
            String theirs = Password.hash(password).addRandomSalt(16).with(previous).getResult();
            assertThat(Passwords.verify(password, theirs)).as(theirs).isTrue();
            assertThat(Passwords.verify(password + "x", theirs)).as(theirs).isFalse();

            String ours = Passwords.hash(password);
            assertThat(Password.check(password, ours).with(Argon2Function.getInstanceFromHash(ours))).as(ours).isTrue();
            assertThat(Password.check(password + "x", ours).with(Argon2Function.getInstanceFromHash(ours))).as(ours).isFalse();
        }
    }

    /** The costs of a stored hash are read from it, within bounds: a corrupt row cannot take the heap. */
    @Test
    void otherCostsVerifyWithinBoundsAndBeyondThemNever() {
        String cheaper = Password.hash("pw").addRandomSalt(16).with(Argon2Function.getInstance(4096, 3, 2, 24, Argon2.ID)).getResult();
        assertThat(cheaper).startsWith("$argon2id$v=19$m=4096,t=3,p=2$");
        assertThat(Passwords.verify("pw", cheaper)).isTrue();
        assertThat(Passwords.verify("pW", cheaper)).isFalse();

        String ours = Passwords.hash("pw");
        String tail = ours.substring(ours.indexOf("$", "$argon2id$v=19$m=".length()));
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=19456,t=2,p=1" + tail)).isTrue();
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=4194304,t=2,p=1" + tail)).as("4 GiB").isFalse();
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=19456,t=1000,p=1" + tail)).isFalse();
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=19456,t=0,p=1" + tail)).isFalse();
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=19456,t=2,p=0" + tail)).isFalse();
        assertThat(Passwords.verify("pw", "$argon2id$v=16$m=19456,t=2,p=1" + tail)).isFalse();
        assertThat(Passwords.verify("pw", "$argon2i$v=19$m=19456,t=2,p=1" + tail)).isFalse();
        assertThat(Passwords.verify("pw", ours.substring(0, ours.length() - 1))).as("a tag one character short").isFalse();
        assertThat(Passwords.verify("pw", ours + "\n")).isFalse();
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
