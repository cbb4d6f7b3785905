package com.fieldservice.portal.ops;

import com.fieldservice.portal.Settings;
import com.fieldservice.portal.Settings.SettingsException;
import static com.fieldservice.portal.Settings.text;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of running the portal among others, read with the rest of {@code Settings}.
 *
 * @param trustedProxies PORTAL_TRUSTED_PROXIES, addresses or CIDR blocks of the load balancers
 *                       whose X-Forwarded-For and X-Request-Id are believed (default: none)
 * @param jsonLogs       PORTAL_LOG_FORMAT=json: one JSON object per line; "text" (default): plain lines
 * @param metricsToken   PORTAL_METRICS_TOKEN, the bearer token GET /metrics asks for; unset: no /metrics
 * @param readDatabase   PORTAL_DB_READ_URL (+ PORTAL_DB_READ_USER, PORTAL_DB_READ_PASSWORD): a streaming
 *                       replica for the heavy read-only pages; unset: everything reads the primary
 * @param drain          PORTAL_DRAIN_SECONDS, how long /ready answers 503 before the server stops when asked
 *                       to (SIGTERM), for the load balancer to notice (default 0, 0 to 120)
 */
public record OpsSettings(TrustedProxies trustedProxies, boolean jsonLogs, Optional<String> metricsToken,
                          Optional<ReadDatabase> readDatabase, Duration drain) {

    /** A read replica's connection (the user and password default to the primary's). */
    public record ReadDatabase(String url, String user, String password) {
        @Override
        public String toString() {
            return "ReadDatabase[" + url.replaceAll("(?i)([?&]password=)[^&]*", "$1***") + "]";
        }
    }

    /** Metrics tokens shorter than this are refused: they could be guessed. */
    static final int MIN_TOKEN_LENGTH = 16;

    public static OpsSettings from(Map<String, String> env, String primaryUser, String primaryPassword) {
        String format = text(env, "PORTAL_LOG_FORMAT").orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new SettingsException("PORTAL_LOG_FORMAT must be text or json, not '" + format + "'");
        }
        Optional<String> token = text(env, "PORTAL_METRICS_TOKEN");
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new SettingsException("PORTAL_METRICS_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters long");
        }
        Optional<ReadDatabase> read = text(env, "PORTAL_DB_READ_URL").map(url -> new ReadDatabase(url,
                text(env, "PORTAL_DB_READ_USER").orElse(primaryUser),
                text(env, "PORTAL_DB_READ_PASSWORD").orElse(primaryPassword)));
        if (read.isPresent() && !read.get().url().startsWith("jdbc:postgresql:")) {
            throw new SettingsException("PORTAL_DB_READ_URL must be a JDBC URL such as jdbc:postgresql://replica:5432/portal");
        }
        return new OpsSettings(
                text(env, "PORTAL_TRUSTED_PROXIES").map(v -> TrustedProxies.parse("PORTAL_TRUSTED_PROXIES", v))
                        .orElse(TrustedProxies.none()),
                format.equals("json"), token, read, Duration.ofSeconds(Settings.intValue(env, "PORTAL_DRAIN_SECONDS", 0, 0, 120)));
    }

    @Override
    public String toString() {
        return "OpsSettings[jsonLogs=" + jsonLogs + ", metrics=" + metricsToken.isPresent() + ", read=" + readDatabase + "]";
    }

}
