package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every bundle's French and Dutch files hold exactly the keys of its English file, each with the
 * same placeholders ({@code {0}}, {@code {1,number,#}}...), and no straight apostrophe, which
 * MessageFormat would swallow (the bundles write ’). A new English key fails here until it is
 * translated.
 */
class TranslationsTest {

    /** The pages' bundles, and the emails' texts (read by notify/MailTexts, not by the pages). */
    private static final List<String> BUNDLES = Stream.concat(Texts.BUNDLES.stream(), Stream.of("mail")).toList();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(,\\s*(number|date|time)[^,}]*(,[^}]*)?)?");

    /** Every English bundle in messages/ is loaded, and has a French and a Dutch file: a new bundle fails here until it is translated. */
    @Test
    void everyBundleOfTheFolderIsLoadedAndTranslated() throws IOException, URISyntaxException {
        Path folder = Path.of(Texts.class.getClassLoader().getResource("messages").toURI());
        TreeSet<String> english;
        TreeSet<String> all;
        try (Stream<Path> files = Files.list(folder)) {
            all = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).collect(Collectors.toCollection(TreeSet::new));
        }
        english = all.stream().filter(n -> !n.contains("_")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(english).as("the bundles Texts and the emails load").containsExactlyInAnyOrderElementsOf(BUNDLES);
        List<String> missing = new ArrayList<>();
        for (String bundle : english) {
            for (Language language : List.of(Language.FR, Language.NL)) {
                if (!all.contains(bundle + "_" + language.code())) {
                    missing.add(bundle + "_" + language.code() + ".properties");
                }
            }
        }
        assertThat(missing).as("translations missing").isEmpty();
    }

    /** What is wrong with one bundle's file in one language, compared with the English. */
    private interface Check {
        void compare(String file, Properties english, Properties translated, List<String> wrong);
    }

    private static List<String> everyTranslation(Check check) {
        List<String> wrong = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties english = Texts.file(bundle, Language.EN);
            for (Language language : List.of(Language.FR, Language.NL)) {
                check.compare(bundle + "_" + language.code(), english, Texts.file(bundle, language), wrong);
            }
        }
        return wrong;
    }

    @Test
    void everyKeyOfEveryBundleIsInEveryLanguageAndNothingMore() {
        assertThat(everyTranslation((file, english, translated, wrong) -> {
            english.stringPropertyNames().stream().filter(key -> !translated.containsKey(key))
                    .forEach(key -> wrong.add(file + " lacks " + key));
            translated.stringPropertyNames().stream().filter(key -> !english.containsKey(key))
                    .forEach(key -> wrong.add(file + " has " + key + ", unknown in English"));
        })).isEmpty();
    }

    @Test
    void everyTranslationHasTheSamePlaceholdersAsTheEnglish() {
        assertThat(everyTranslation((file, english, translated, wrong) -> {
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text != null && !placeholders(english.getProperty(key)).equals(placeholders(text))) {
                    wrong.add(file + " " + key + ": " + placeholders(text) + ", English " + placeholders(english.getProperty(key)));
                }
                if (text != null && text.indexOf('\'') >= 0) {
                    wrong.add(file + " " + key + ": a straight apostrophe, write ’");
                }
            }
        })).isEmpty();
    }

    @Test
    void theComparisonNoticesAMissingOrChangedPlaceholder() {
        assertThat(placeholders("Page {0} of {1}")).isNotEqualTo(placeholders("Page {0}"));
        assertThat(placeholders("At most {0,number,#}")).isNotEqualTo(placeholders("Au maximum {0}"));
        assertThat(placeholders("Week of {0}: {1} opened")).isEqualTo(placeholders("{1} geopend in de week van {0}"));
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        return found;
    }
}
