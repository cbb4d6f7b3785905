package com.fieldservice.portal;

import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.ops.OpsSettings;
import com.fieldservice.portal.notify.MailSettings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import com.fieldservice.portal.web.PhoneNumbers;

/**
 * Every PORTAL_* environment variable, read once at start-up and validated. The README lists
 * the same variables; other tools depend on these exact names.
 *
 * @param port            PORTAL_PORT, the HTTP port (default 7070; 0 picks a free one)
 * @param dbUrl           PORTAL_DB_URL, a JDBC URL of an external PostgreSQL; empty: embedded
 * @param dbUser          PORTAL_DB_USER
 * @param dbPassword      PORTAL_DB_PASSWORD
 * @param dataDir         PORTAL_DATA_DIR, where the embedded PostgreSQL keeps its data (default ./data)
 * @param embeddedDbPort  PORTAL_EMBEDDED_DB_PORT, the embedded PostgreSQL's port on 127.0.0.1 (default 54329)
 * @param demoJobs        PORTAL_DEMO_JOBS, fill an empty database with this many demo work orders
 * @param secureCookies   PORTAL_SECURE_COOKIES=true behind HTTPS
 * @param timeZone        PORTAL_TIME_ZONE, the business time zone: every time a person types or reads is in
 *                        it (default Europe/Brussels); never the machine's zone
 * @param supportPhone    PORTAL_SUPPORT_PHONE, the number customers call in an emergency or once a work
 *                        order takes no more comments; unset: the pages name no number
 * @param defaultLanguage PORTAL_DEFAULT_LANGUAGE, en, fr or nl (default en): the language of a visitor whose
 *                        browser asks for none the portal speaks, and of an account that chose none
 * @param ops             the variables of running several instances: proxies, logs, metrics, read replica
 *                        (see {@link OpsSettings})
 * @param mail            PORTAL_SMTP_*, PORTAL_MAIL_FROM, PORTAL_BASE_URL, PORTAL_BACKOFFICE_MAIL: how email is sent
 */
public record Settings(
        int port,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        Path dataDir,
        int embeddedDbPort,
        Optional<Integer> demoJobs,
        boolean secureCookies,
        ZoneId timeZone,
        Optional<String> supportPhone,
        Language defaultLanguage,
        OpsSettings ops,
        MailSettings mail) {

    public static final int DEFAULT_PORT = 7070;
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Brussels");
    public static final int DEFAULT_EMBEDDED_DB_PORT = 54329;

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> env) {
        String dbUser = text(env, "PORTAL_DB_USER").orElse("postgres");
        String dbPassword = text(env, "PORTAL_DB_PASSWORD").orElse("");
        return new Settings(
                intValue(env, "PORTAL_PORT", DEFAULT_PORT, 0, 65535),
                text(env, "PORTAL_DB_URL"),
                dbUser,
                dbPassword,
                Path.of(text(env, "PORTAL_DATA_DIR").orElse("data")).toAbsolutePath(),
                intValue(env, "PORTAL_EMBEDDED_DB_PORT", DEFAULT_EMBEDDED_DB_PORT, 1, 65535),
                text(env, "PORTAL_DEMO_JOBS").map(v -> intValue(env, "PORTAL_DEMO_JOBS", 0, 0, 100_000_000)),
                booleanValue(env, "PORTAL_SECURE_COOKIES"),
                zone(env, "PORTAL_TIME_ZONE"),
                phone(env, "PORTAL_SUPPORT_PHONE"),
                language(env, "PORTAL_DEFAULT_LANGUAGE"),
                OpsSettings.from(env, dbUser, dbPassword),
                mail(env));
    }

    private static MailSettings mail(Map<String, String> env) {
        Optional<String> user = text(env, "PORTAL_SMTP_USER");
        String password = Optional.ofNullable(env.get("PORTAL_SMTP_PASSWORD")).orElse("");
        if (user.isPresent() != !password.isEmpty()) {
            throw new SettingsException("PORTAL_SMTP_USER and PORTAL_SMTP_PASSWORD go together: set both or neither");
        }
        MailSettings.Tls tls;
        try {
            tls = MailSettings.Tls.valueOf(text(env, "PORTAL_SMTP_TLS").orElse("none").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("PORTAL_SMTP_TLS must be none, starttls or tls");
        }
        Optional<String> host = text(env, "PORTAL_SMTP_HOST");
        if (host.filter(h -> !h.matches("[A-Za-z0-9.:\\[\\]-]+")).isPresent()) {
            throw new SettingsException("PORTAL_SMTP_HOST must be a host name or an address, not '" + host.get() + "'");
        }
        String from = text(env, "PORTAL_MAIL_FROM").orElse(MailSettings.DEFAULT_FROM);
        addresses("PORTAL_MAIL_FROM", from);
        Optional<String> baseUrl = text(env, "PORTAL_BASE_URL").map(url -> baseUrl("PORTAL_BASE_URL", url));
        List<String> backOffice = addresses("PORTAL_BACKOFFICE_MAIL", text(env, "PORTAL_BACKOFFICE_MAIL").orElse(""));
        return new MailSettings(host, intValue(env, "PORTAL_SMTP_PORT", MailSettings.DEFAULT_PORT, 1, 65535), user,
                password, tls, from, baseUrl, backOffice, language(env, "PORTAL_DEFAULT_LANGUAGE"));
    }

    /** Email addresses separated by commas, each as RFC 822 allows it ("Name <a@b.example>" too). */
    private static List<String> addresses(String name, String raw) {
        List<String> all = Arrays.stream(raw.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        for (String address : all) {
            try {
                new InternetAddress(address, true).validate();
            } catch (AddressException e) {
                throw new SettingsException(name + " must be email addresses separated by commas, not '" + address + "'");
            }
        }
        return all;
    }

    /** An absolute http(s) URL without a query, kept without its trailing slash. */
    private static String baseUrl(String name, String raw) {
        try {
            URI uri = new URI(raw);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(raw, "not an http(s) URL");
            }
            return raw.replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            throw new SettingsException(name + " must be an http:// or https:// URL such as https://portal.example.com, not '"
                    + raw + "'");
        }
    }

    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    /** A variable's value, stripped; empty when unset or blank. */
    public static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A whole number within bounds, or the fallback when unset; else a SettingsException naming the variable. */
    public static int intValue(Map<String, String> env, String name, int fallback, int min, int max) {
        Optional<String> raw = text(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new SettingsException(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be a whole number, not '" + raw.get() + "'");
        }
    }

    private static boolean booleanValue(Map<String, String> env, String name) {
        return switch (text(env, name).orElse("false").toLowerCase()) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new SettingsException(name + " must be true or false");
        };
    }

    /** A region name only: a fixed offset ("+01:00") would be wrong for half of the year. */
    private static ZoneId zone(Map<String, String> env, String name) {
        Optional<String> raw = text(env, name);
        if (raw.isEmpty()) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            if (!ZoneId.getAvailableZoneIds().contains(raw.get())) {
                throw new DateTimeException(raw.get());
            }
            return ZoneId.of(raw.get());
        } catch (DateTimeException e) {
            throw new SettingsException(name + " must be a time zone such as Europe/Brussels, not '" + raw.get() + "'");
        }
    }

    /** A phone number as customers dial it (digits, spaces, + ( ) . / -), at most 50 characters. */
    private static Optional<String> phone(Map<String, String> env, String name) {
        Optional<String> raw = text(env, name);
        if (raw.isPresent() && !PhoneNumbers.plausible(raw.get())) {
            throw new SettingsException(name + " must be a phone number such as +32 3 555 01 00, not '" + raw.get() + "'");
        }
        return raw;
    }

    private static Language language(Map<String, String> env, String name) {
        Optional<String> raw = text(env, name);
        return raw.map(code -> Language.of(code)
                        .orElseThrow(() -> new SettingsException(name + " must be en, fr or nl, not '" + code + "'")))
                .orElse(Language.EN);
    }

    /** A setting that can't be used; the message names the variable and what it expects. */
    public static final class SettingsException extends RuntimeException {
        public SettingsException(String message) {
            super(message);
        }
    }
}
