package com.fieldservice.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fieldservice.portal.web.Language;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsRunTheEmbeddedDatabaseUnderDataOnTheDocumentedPorts() {
        Settings settings = Settings.from(Map.of());
        assertThat(settings.port()).isEqualTo(7070);
        assertThat(settings.embeddedDatabase()).isTrue();
        assertThat(settings.embeddedDbPort()).isEqualTo(54329);
        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.demoJobs()).isEmpty();
        assertThat(settings.secureCookies()).isFalse();
        assertThat(settings.timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Brussels"));
        assertThat(settings.supportPhone()).isEmpty();
        assertThat(settings.defaultLanguage()).isEqualTo(Language.EN);
    }

    @Test
    void theDefaultLanguageIsEnglishFrenchOrDutch() {
        assertThat(Settings.from(Map.of("PORTAL_DEFAULT_LANGUAGE", "fr")).defaultLanguage()).isEqualTo(Language.FR);
        assertThat(Settings.from(Map.of("PORTAL_DEFAULT_LANGUAGE", " NL ")).defaultLanguage()).isEqualTo(Language.NL);
        assertThatThrownBy(() -> Settings.from(Map.of("PORTAL_DEFAULT_LANGUAGE", "de")))
                .hasMessage("PORTAL_DEFAULT_LANGUAGE must be en, fr or nl, not 'de'");
    }

    @Test
    void everyVariableIsRead() {
        Settings settings = Settings.from(Map.of(
                "PORTAL_PORT", "8080", "PORTAL_DB_URL", "jdbc:postgresql://db/portal", "PORTAL_DB_USER", "portal",
                "PORTAL_DB_PASSWORD", "secret", "PORTAL_DATA_DIR", "/var/lib/portal", "PORTAL_EMBEDDED_DB_PORT", "5500",
                "PORTAL_DEMO_JOBS", "3000", "PORTAL_SECURE_COOKIES", "true", "PORTAL_TIME_ZONE", "America/New_York",
                "PORTAL_SUPPORT_PHONE", " +32 3 555 99 99 "));
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dbUrl()).contains("jdbc:postgresql://db/portal");
        assertThat(settings.embeddedDatabase()).isFalse();
        assertThat(settings.dbUser()).isEqualTo("portal");
        assertThat(settings.dbPassword()).isEqualTo("secret");
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/portal"));
        assertThat(settings.embeddedDbPort()).isEqualTo(5500);
        assertThat(settings.demoJobs()).contains(3000);
        assertThat(settings.secureCookies()).isTrue();
        assertThat(settings.timeZone()).isEqualTo(java.time.ZoneId.of("America/New_York"));
        assertThat(settings.supportPhone()).contains("+32 3 555 99 99");
    }

    @Test
    void aWrongValueNamesTheVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of("PORTAL_PORT", "seventy")))
                .hasMessage("PORTAL_PORT must be a whole number, not 'seventy'");
        assertThatThrownBy(() -> Settings.from(Map.of("PORTAL_EMBEDDED_DB_PORT", "70000")))
                .hasMessageContaining("PORTAL_EMBEDDED_DB_PORT must be between");
        assertThatThrownBy(() -> Settings.from(Map.of("PORTAL_SECURE_COOKIES", "maybe")))
                .hasMessageContaining("PORTAL_SECURE_COOKIES");
        // a fixed offset would be wrong for half of the year
        for (String zone : new String[] {"Europe/Brusels", "+01:00", "CET-ish"}) {
            assertThatThrownBy(() -> Settings.from(Map.of("PORTAL_TIME_ZONE", zone)))
                    .hasMessage("PORTAL_TIME_ZONE must be a time zone such as Europe/Brussels, not '" + zone + "'");
        }
        for (String phone : new String[] {"call us", "12", "+32 3 555 01 00 ext. 4", "9".repeat(51)}) {
            assertThatThrownBy(() -> Settings.from(Map.of("PORTAL_SUPPORT_PHONE", phone)))
                    .hasMessage("PORTAL_SUPPORT_PHONE must be a phone number such as +32 3 555 01 00, not '" + phone + "'");
        }
    }
}
