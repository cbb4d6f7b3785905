package com.fieldservice.portal.customer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The portal's texts (messages/customer.properties) for what is written outside templates: the CSV. */
final class PortalTexts {

    private static final Properties TEXTS = load();

    private PortalTexts() {
    }

    static String get(String key) {
        String text = TEXTS.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in messages/customer.properties");
        }
        return text;
    }

    static String status(String customerStatus) {
        return get("portal.status." + customerStatus);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (var in = PortalTexts.class.getClassLoader().getResourceAsStream("messages/customer.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages/customer.properties is missing from the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
