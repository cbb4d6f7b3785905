package com.fieldservice.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The portal's texts, the message bundles under messages/ (one per feature, {@code core.properties}
 * in English, {@code core_fr.properties} and {@code core_nl.properties} beside it): what the
 * templates read through Thymeleaf, and what is written outside templates (CSV headers, history)
 * reads here, so a word is the same on a page and in a file. A key missing in French or Dutch
 * reads in English rather than not at all; {@code TranslationsTest} fails for it.
 */
public final class Texts {

    /** The message bundles, one per feature; a key is defined in exactly one of them. */
    public static final List<String> BUNDLES = List.of("core", "jobs", "customer", "backoffice", "conversation", "planning", "notify");

    private static final Map<Language, Properties> ALL = loadAll();

    private Texts() {
    }

    /** The English text of a key; a missing key is a bug, not a blank header. */
    public static String get(String key) {
        return get(Language.EN, key);
    }

    /** The text of a key in a language. */
    public static String get(Language language, String key) {
        String text = ALL.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in messages/");
        }
        return text;
    }

    /** The text of a key in a language with its arguments, as the pages write it (numbers as given: never grouped). */
    public static String format(Language language, String key, Object... args) {
        return TextArguments.format(get(language, key), language.locale(), args);
    }

    public static boolean has(String key) {
        return ALL.get(Language.EN).containsKey(key);
    }

    /** The text of a key in a language (English where the language lacks it), or null for an unknown key. */
    static String orNull(Language language, String key) {
        return ALL.get(language).getProperty(key);
    }

    /** One bundle exactly as its file holds it, without English beneath: for the tests that compare languages. */
    public static Properties file(String bundle, Language language) {
        Properties texts = new Properties();
        String name = "messages/" + bundle + (language == Language.EN ? "" : "_" + language.code()) + ".properties";
        try (var in = Texts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static Map<Language, Properties> loadAll() {
        Properties english = new Properties();
        BUNDLES.forEach(bundle -> english.putAll(file(bundle, Language.EN)));
        Map<Language, Properties> all = new EnumMap<>(Language.class);
        Arrays.stream(Language.values()).forEach(language -> {
            Properties texts = new Properties();
            texts.putAll(english);
            if (language != Language.EN) {
                BUNDLES.forEach(bundle -> texts.putAll(file(bundle, language)));
            }
            all.put(language, texts);
        });
        return all;
    }
}
