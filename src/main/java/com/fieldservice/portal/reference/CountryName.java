package com.fieldservice.portal.reference;

import com.fieldservice.portal.web.Language;
import java.util.Locale;
import java.util.Set;

/**
 * A country as its reader names it. Countries are kept by their ISO 3166 code (db_country.code)
 * with an English name; in French and Dutch the JDK's own names for the language's Belgian locale
 * are shown ("Belgique", "Pays-Bas"; "België", "Nederland"). English, and a code that is no ISO
 * country, read the stored name.
 */
public final class CountryName {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    private CountryName() {
    }

    public static String of(Language language, String code, String stored) {
        if (language == Language.EN || code == null) {
            return stored;
        }
        String iso = code.strip().toUpperCase(Locale.ROOT);
        if (!ISO_CODES.contains(iso)) {
            return stored;
        }
        String name = new Locale("", iso).getDisplayCountry(language.locale());
        return name.isBlank() || name.equals(iso) ? stored : name;
    }
}
