package com.fieldservice.portal.reference;

import com.fieldservice.portal.web.Language;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The choices forms offer for a work order's references: lookups, people, installations. */
public interface ChoicesDao {

    record Choice(UUID id, String label) {
    }

    record InstallationChoice(UUID id, int id2, String name, String serialNumber, String companyName, UUID companyId,
                              boolean isMobileInstallation) {
        public String label() {
            return name + (serialNumber == null ? "" : " · " + serialNumber) + " · " + companyName + " (#" + id2 + ")";
        }
    }

    /** How a person of the staff and a customer's contact are named in choices. */
    String USER_LABEL = "concat_ws(' ', person_name(u), '(' || u.code || ')')";
    String CONTACT_LABEL = "concat_ws(' · ', person_name(c), c.email)";

    /** A lookup's name in the form's language (en, fr, nl), else its base name. */
    String NAMED = "coalesce(translated_name(id, :language), name)";

    @SqlQuery("SELECT id, " + NAMED + " AS label FROM job_type ORDER BY label")
    List<Choice> jobTypes(@Bind("language") String language);

    @SqlQuery("SELECT id, " + NAMED + " AS label FROM job_priority ORDER BY sequence, label")
    List<Choice> jobPriorities(@Bind("language") String language);

    @SqlQuery("SELECT id, " + NAMED + " AS label FROM skill ORDER BY label")
    List<Choice> skills(@Bind("language") String language);

    @SqlQuery("SELECT id, " + USER_LABEL + " AS label FROM app_user u"
            + " WHERE NOT disabled AND NOT archived ORDER BY firstname, lastname")
    List<Choice> users();

    record Country(UUID id, String code, String name) {
    }

    @SqlQuery("SELECT id, code, name FROM db_country")
    List<Country> countryRows();

    /** The countries, named and sorted in the form's language (see {@link CountryName}). */
    default List<Choice> countries(Language language) {
        Collator order = Collator.getInstance(language.locale());
        return countryRows().stream()
                .map(c -> new Choice(c.id(), CountryName.of(language, c.code(), c.name())))
                .sorted(Comparator.comparing(Choice::label, order))
                .toList();
    }

    @SqlQuery("SELECT id, " + CONTACT_LABEL + " AS label FROM contact c"
            + " WHERE company_id = :company AND NOT archived ORDER BY lastname, firstname")
    List<Choice> contactsOf(@Bind("company") UUID company);

    @SqlQuery("SELECT id, name AS label FROM company WHERE id = :id")
    Optional<Choice> company(@Bind("id") UUID id);

    String INSTALLATION = """
            SELECT p.id, p.id2, p.name, p.serial_number, c.name AS company_name, c.id AS company_id, p.is_mobile_installation
              FROM project p JOIN company c ON c.id = p.company_id
            """;

    @SqlQuery(INSTALLATION + " WHERE p.id = :id")
    Optional<InstallationChoice> installation(@Bind("id") UUID id);

    /** What a person may type to name an installation: its number, serial number or ERP reference. */
    @SqlQuery(INSTALLATION + """
             WHERE p.id2 = CASE WHEN :text ~ '^#?[0-9]{1,9}$' THEN CAST(ltrim(:text, '#') AS integer) END
                OR lower(p.serial_number) = lower(:text) OR p.reference_back_office = :text
             ORDER BY p.id2 LIMIT 10""")
    List<InstallationChoice> installationsNamed(@Bind("text") String text);

    /** Installations whose name, company or location holds every one of these patterns ('%word%'). */
    @SqlQuery(INSTALLATION + """
             WHERE lower(p.name || ' ' || c.name || ' ' || coalesce(p.location, '')) LIKE ALL (:patterns)
               AND NOT c.archived
             ORDER BY c.name, p.name, p.id2 LIMIT :limit""")
    List<InstallationChoice> installationsMatching(@Bind("patterns") String[] patterns, @Bind("limit") int limit);

    @SqlQuery("SELECT id FROM jobs WHERE id2 = :number")
    Optional<UUID> jobByNumber(@Bind("number") int number);

    @SqlQuery("SELECT id2 FROM jobs WHERE id = :id")
    Optional<Integer> jobNumber(@Bind("id") UUID id);
}
