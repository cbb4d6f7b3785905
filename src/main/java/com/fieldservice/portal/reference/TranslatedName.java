package com.fieldservice.portal.reference;

import com.fieldservice.portal.web.Language;

/**
 * The name of a status, type, priority, skill, equipment family or model in a language: its
 * translation (the *_translation tables, read as {@code translated_name(id, 'fr')} with the lookup
 * itself), else the base name.
 */
public final class TranslatedName {

    private TranslatedName() {
    }

    public static String pick(Language language, String base, String french, String dutch) {
        String translated = switch (language) {
            case FR -> french;
            case NL -> dutch;
            case EN -> null;
        };
        return translated == null || translated.isBlank() ? base : translated;
    }
}
