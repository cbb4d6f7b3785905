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
