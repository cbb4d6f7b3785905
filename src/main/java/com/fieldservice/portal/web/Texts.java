package com.fieldservice.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The portal's texts, the message bundles under messages/ (one per feature): what the templates
 * read through Thymeleaf, and what is written outside templates (CSV headers) reads here, so a
 * word is the same on a page and in a file.
 */
public final class Texts {

    /** The message bundles, one per feature; a key is defined in exactly one of them. */
    static final List<String> BUNDLES = List.of("core", "jobs", "customer", "backoffice", "conversation", "notify");

    private static final Properties ALL = load();

    private Texts() {
    }

    /** The text of a key; a missing key is a bug, not a blank header. */
    public static String get(String key) {
        String text = ALL.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in messages/");
        }
        return text;
    }

    public static boolean has(String key) {
        return ALL.containsKey(key);
    }

    static Properties all() {
        Properties copy = new Properties();
        copy.putAll(ALL);
        return copy;
    }

    private static Properties load() {
        Properties texts = new Properties();
        for (String bundle : BUNDLES) {
            String name = "messages/" + bundle + ".properties";
            try (var in = Texts.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the classpath");
                }
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
