package com.fieldservice.portal.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The links in messages, all starting with PORTAL_BASE_URL; without it, with
 * http://localhost and the port the portal listens on (known once it has started).
 */
public final class Links {

    private final Optional<String> configured;
    private volatile String base;

    public Links(Optional<String> baseUrl) {
        this.configured = baseUrl;
        this.base = baseUrl.orElse(null);
    }

    /** The portal listens on this port now: the base of links when PORTAL_BASE_URL is not set. */
    public void listeningOn(int port) {
        if (configured.isEmpty()) {
            base = "http://localhost:" + port;
        }
    }

    public String base() {
        String known = base;
        if (known == null) {
            throw new IllegalStateException("links asked for before the portal listens");
        }
        return known;
    }

    public String to(String path) {
        return base() + path;
    }

    public String customerJob(int number) {
        return to("/portal/jobs/" + number);
    }

    public String backOfficeJob(int number) {
        return to("/backoffice/jobs/" + number);
    }

    public String setPassword(String token) {
        return to("/set-password?token=" + encode(token));
    }

    public String unsubscribe(String token) {
        return to("/unsubscribe?token=" + encode(token));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
