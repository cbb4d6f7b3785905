package com.fieldservice.portal.demo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** A person's name, as people of a country are named, and the e-mail and login made of it. */
record Person(String firstname, String lastname) {

    static Person of(Places.Country country, Dice dice) {
        String language = Catalogue.nameLanguage(country, dice);
        return new Person(dice.pick(Catalogue.FIRST_NAMES.get(language)), dice.pick(Catalogue.LAST_NAMES.get(language)));
    }

    /** "sofie.desmet": accents and spaces dropped. */
    String handle() {
        return plain(firstname) + "." + plain(lastname);
    }

    /** The handle, numbered if it is already taken ("jan.peeters2"); records the one returned as taken. */
    String uniqueHandle(Set<String> taken) {
        String base = handle();
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
