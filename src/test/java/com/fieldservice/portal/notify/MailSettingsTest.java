package com.fieldservice.portal.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mail settings, read and checked at start-up with the others: a wrong one stops the portal naming it. */
class MailSettingsTest {

    @Test
    void withoutAHostMessagesAreKeptOnTheMachine() {
        MailSettings mail = Settings.from(Map.of()).mail();
        assertThat(mail.sends()).isFalse();
        assertThat(mail.port()).isEqualTo(25);
        assertThat(mail.tls()).isEqualTo(MailSettings.Tls.NONE);
        assertThat(mail.from()).isEqualTo(MailSettings.DEFAULT_FROM);
        assertThat(mail.baseUrl()).isEmpty();
        assertThat(mail.backOffice()).isEmpty();
    }

    @Test
    void everyMailVariableIsRead() {
        MailSettings mail = Settings.from(Map.of("PORTAL_SMTP_HOST", "smtp.example.com", "PORTAL_SMTP_PORT", "587",
                "PORTAL_SMTP_USER", "portal", "PORTAL_SMTP_PASSWORD", "s3cret", "PORTAL_SMTP_TLS", "STARTTLS",
                "PORTAL_MAIL_FROM", "Service <service@example.com>", "PORTAL_BASE_URL", "https://portal.example.com/",
                "PORTAL_BACKOFFICE_MAIL", "planning@example.com, calls@example.com")).mail();
        assertThat(mail.host()).contains("smtp.example.com");
        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.user()).contains("portal");
        assertThat(mail.password()).isEqualTo("s3cret");
        assertThat(mail.tls()).isEqualTo(MailSettings.Tls.STARTTLS);
        assertThat(mail.from()).isEqualTo("Service <service@example.com>");
        assertThat(mail.baseUrl()).contains("https://portal.example.com");
        assertThat(mail.backOffice()).containsExactly("planning@example.com", "calls@example.com");
        assertThat(mail.toString()).doesNotContain("s3cret");
    }

    @Test
    void aWrongValueNamesItsVariable() {
        List.of(Map.of("PORTAL_SMTP_TLS", "ssl"), Map.of("PORTAL_SMTP_PORT", "70000"),
                Map.of("PORTAL_SMTP_USER", "portal"), Map.of("PORTAL_MAIL_FROM", "not an address"),
                Map.of("PORTAL_BASE_URL", "portal.example.com"), Map.of("PORTAL_BASE_URL", "ftp://portal.example.com"),
                Map.of("PORTAL_BACKOFFICE_MAIL", "planning@example.com, nonsense"), Map.of("PORTAL_SMTP_HOST", "smtp host"))
                .forEach(env -> assertThatThrownBy(() -> Settings.from(env)).as(env.toString())
                        .isInstanceOf(Settings.SettingsException.class)
                        .hasMessageContaining(env.keySet().iterator().next()));
    }

    @Test
    void linksStartWithTheBaseUrlOrTheLocalPortTheyListenOn() {
        Links configured = new Links(java.util.Optional.of("https://portal.example.com"));
        configured.listeningOn(7070);
        assertThat(configured.customerJob(4711)).isEqualTo("https://portal.example.com/portal/jobs/4711");
        Links local = new Links(java.util.Optional.empty());
        local.listeningOn(7071);
        assertThat(local.to("/track")).isEqualTo("http://localhost:7071/track");
    }
}
