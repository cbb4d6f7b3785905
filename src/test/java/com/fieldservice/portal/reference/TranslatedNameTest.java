package com.fieldservice.portal.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.web.Language;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reference data named per language from its translation table, the base name where a translation is missing. */
class TranslatedNameTest {

    private static Jdbi jdbi;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.freshJdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO job_type (code, name) VALUES ('WELD', 'Welding')");
            h.execute("""
                    INSERT INTO job_type_translation (job_type_id, field_name, language_code, value_translated)
                    SELECT id, 'name', 'nl', 'Laswerk' FROM job_type WHERE code = 'WELD'""");
        });
    }

    @Test
    void formsOfferTheNamesOfTheLanguageAndTheBaseNameWhereNoneIsTranslated() {
        assertThat(labels("fr")).contains("Dépannage", "Entretien", "Inspection", "Welding").doesNotContain("Repair");
        assertThat(labels("nl")).contains("Herstelling", "Onderhoud", "Laswerk").doesNotContain("Welding");
        assertThat(labels("en")).contains("Repair", "Maintenance", "Welding");
        List<ChoicesDao.Choice> priorities = jdbi.withExtension(ChoicesDao.class, dao -> dao.jobPriorities("nl"));
        assertThat(priorities).extracting(ChoicesDao.Choice::label).containsExactly("Dringend", "Hoog", "Normaal", "Laag");
    }

    @Test
    void everySeededStatusTypeAndPriorityHasAFrenchAndADutchName() {
        List<String> missing = jdbi.<List<String>, RuntimeException>withHandle(h -> h.createQuery("""
                SELECT x.code || ' ' || l.language FROM (
                       SELECT id, code FROM job_status UNION ALL SELECT id, code FROM job_type WHERE code <> 'WELD'
                       UNION ALL SELECT id, code FROM job_priority) x
                 CROSS JOIN (VALUES ('fr'), ('nl')) AS l(language)
                 WHERE translated_name(x.id, l.language) IS NULL""").mapTo(String.class).list());
        assertThat(missing).isEmpty();
    }

    @Test
    void everySeededInstallationStatusHasAFrenchAndADutchName() {
        List<String> names = jdbi.withHandle(h -> h.createQuery("""
                SELECT translated_name(s.id, 'fr') || ' / ' || translated_name(s.id, 'nl') FROM project_status s
                 ORDER BY s.code""").mapTo(String.class).list());
        assertThat(names).containsExactly("En service / In dienst", "Retirée / Verwijderd", "Hors service / Buiten dienst");
    }

    @Test
    void countriesReadAsABelgianNamesThemInFrenchAndDutch() {
        assertThat(CountryName.of(Language.FR, "BE", "Belgium")).isEqualTo("Belgique");
        assertThat(CountryName.of(Language.NL, "BE", "Belgium")).isEqualTo("België");
        assertThat(CountryName.of(Language.FR, "NL", "Netherlands")).isEqualTo("Pays-Bas");
        assertThat(CountryName.of(Language.NL, "NL", "Netherlands")).isEqualTo("Nederland");
        assertThat(CountryName.of(Language.FR, "DE", "Germany")).isEqualTo("Allemagne");
        assertThat(CountryName.of(Language.NL, "DE", "Germany")).isEqualTo("Duitsland");
        assertThat(CountryName.of(Language.NL, "gb", "United Kingdom")).isEqualTo("Verenigd Koninkrijk");
        assertThat(CountryName.of(Language.EN, "BE", "Belgium (stored)")).as("English reads the stored name").isEqualTo("Belgium (stored)");
        assertThat(CountryName.of(Language.FR, "XK-NORTH", "Somewhere")).as("no ISO code: the stored name").isEqualTo("Somewhere");
        assertThat(CountryName.of(Language.FR, null, "Somewhere")).isEqualTo("Somewhere");
    }

    @Test
    void theFormsCountriesAreNamedAndSortedInTheirLanguage() {
        List<String> dutch = jdbi.withExtension(ChoicesDao.class, dao -> dao.countries(Language.NL)).stream()
                .map(ChoicesDao.Choice::label).toList();
        assertThat(dutch).startsWith("België", "Duitsland", "Frankrijk", "Italië", "Luxemburg", "Nederland");
    }

    @Test
    void aMissingOrBlankTranslationReadsTheBaseName() {
        assertThat(TranslatedName.pick(Language.FR, "Repair", "Dépannage", "Herstelling")).isEqualTo("Dépannage");
        assertThat(TranslatedName.pick(Language.NL, "Repair", "Dépannage", null)).isEqualTo("Repair");
        assertThat(TranslatedName.pick(Language.NL, "Repair", null, " ")).isEqualTo("Repair");
        assertThat(TranslatedName.pick(Language.EN, "Repair", "Dépannage", "Herstelling")).isEqualTo("Repair");
    }

    private static List<String> labels(String language) {
        List<ChoicesDao.Choice> types = jdbi.withExtension(ChoicesDao.class, dao -> dao.jobTypes(language));
        return types.stream().map(ChoicesDao.Choice::label).toList();
    }
}
