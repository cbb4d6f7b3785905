package com.fieldservice.portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The company's own reference rows: one sales organization per demo country, the skills, the
 * equipment families (two levels), the brands and their models with translated texts.
 */
final class ReferenceRows {

    /** A model of equipment, as the installations refer to it. */
    record Model(UUID id, String code, Equipment.Brand brand, Equipment.Family family, int size) {
    }

    /** What the other generators need of the reference rows. */
    record Ids(List<UUID> salesOrganizations, Map<String, UUID> skills, Map<String, UUID> families,
               Map<String, List<Model>> modelsByFamily) {

        UUID salesOrganization(int country) {
            return salesOrganizations.get(country);
        }
    }

    private static final CopyTable SALES_ORGANIZATION = new CopyTable("sales_organization", "id", "code", "name",
            "description", "db_country_id", "db_currency_id", "db_language_id", "street", "street_number", "zip", "city",
            "email", "phone", "url", "vat_reg_code", "default_unit_of_measure_system_type");
    private static final CopyTable SKILL = new CopyTable("skill", "id", "code", "name", "description");
    private static final CopyTable FAMILY = new CopyTable("equipment_family", "id", "code", "name", "description",
            "parent_id");
    private static final CopyTable BRAND = new CopyTable("equipment_brand", "id", "code", "name");
    private static final CopyTable MODEL = new CopyTable("equipment_model", "id", "code", "name", "description",
            "equipment_brand_id", "equipment_family_id", "date_in_production_since", "date_out_of_production_since",
            "date_end_support", "replacement_period_nb_months", "warranty_period_nb_months");
    private static final CopyTable SKILL_TRANSLATION = new CopyTable("skill_translation",
            "skill_id", "field_name", "language_code", "value_translated");
    private static final CopyTable FAMILY_TRANSLATION = new CopyTable("equipment_family_translation",
            "equipment_family_id", "field_name", "language_code", "value_translated");
    private static final CopyTable MODEL_TRANSLATION = new CopyTable("equipment_model_translation",
            "equipment_model_id", "field_name", "language_code", "value_translated");

    private final Handle handle;
    private final Lookups lookups;
    private final Dice dice;
    private final Timeline timeline;

    ReferenceRows(Handle handle, Lookups lookups, Dice dice, Timeline timeline) {
        this.handle = handle;
        this.lookups = lookups;
        this.dice = dice;
        this.timeline = timeline;
    }

    Ids insert() {
        List<UUID> salesOrganizations = salesOrganizations();
        Map<String, UUID> skills = skills();
        Map<String, UUID> families = families();
        Map<String, UUID> brands = brands();
        return new Ids(salesOrganizations, skills, families, models(brands, families));
    }

    private List<UUID> salesOrganizations() {
        List<UUID> ids = new ArrayList<>();
        SALES_ORGANIZATION.copy(handle, row -> {
            for (Places.Country country : Places.COUNTRIES) {
                UUID id = DemoIds.of("sales-organization", country.code());
                ids.add(id);
                Places.Address office = country.address(dice);
                String domain = country.code().toLowerCase() + ".fieldservice.demo.test";
                row.uuid(id).text(country.salesOrgCode()).text(country.salesOrgName())
                        .text("Service and maintenance of technical installations, " + country.salesOrgName())
                        .uuid(Lookups.require(lookups.countries(), country.code()))
                        .uuid(Lookups.require(lookups.currencies(), country.currency()))
                        .uuid(Lookups.require(lookups.languages(), country.language()))
                        .text(office.street()).text(office.number()).text(office.zip()).text(office.city())
                        .text("service@" + domain).text(country.phone(dice)).text("https://www." + domain)
                        .text(country.vatNumber(dice)).text(country.code().equals("GB") ? "Imperial" : "Metric");
                row.endRow();
            }
        });
        return List.copyOf(ids);
    }

    private Map<String, UUID> skills() {
        Map<String, UUID> ids = new HashMap<>();
        SKILL.copy(handle, row -> {
            for (Equipment.Skill skill : Equipment.SKILLS) {
                UUID id = DemoIds.of("skill", skill.code());
                ids.put(skill.code(), id);
                row.uuid(id).text(skill.code()).text(skill.name()).text(skill.description());
                row.endRow();
            }
        });
        SKILL_TRANSLATION.copy(handle, row -> {
            for (Equipment.Skill skill : Equipment.SKILLS) {
                row.uuid(ids.get(skill.code())).text("name").text("fr").text(skill.fr());
                row.endRow();
                row.uuid(ids.get(skill.code())).text("name").text("nl").text(skill.nl());
                row.endRow();
            }
        });
        return Map.copyOf(ids);
    }

    private Map<String, UUID> families() {
        Map<String, UUID> ids = new HashMap<>();
        FAMILY.copy(handle, row -> {
            for (Equipment.Group group : Equipment.GROUPS) {
                UUID id = DemoIds.of("equipment-family", group.code());
                ids.put(group.code(), id);
                row.uuid(id).text(group.code()).text(group.name()).text(null).nullField();
                row.endRow();
            }
            for (Equipment.Family family : Equipment.FAMILIES) {
                UUID id = DemoIds.of("equipment-family", family.code());
                ids.put(family.code(), id);
                row.uuid(id).text(family.code()).text(family.name())
                        .text(family.name() + ", sized in " + family.unit()).uuid(ids.get(family.group()));
                row.endRow();
            }
        });
        FAMILY_TRANSLATION.copy(handle, row -> {
            for (Equipment.Family family : Equipment.FAMILIES) {
                for (String language : Equipment.LANGUAGES) {
                    row.uuid(ids.get(family.code())).text("name").text(language).text(family.names().get(language));
                    row.endRow();
                }
            }
        });
        return Map.copyOf(ids);
    }

    private Map<String, UUID> brands() {
        Map<String, UUID> ids = new HashMap<>();
        BRAND.copy(handle, row -> {
            for (Equipment.Brand brand : Equipment.BRANDS) {
                UUID id = DemoIds.of("equipment-brand", brand.code());
                ids.put(brand.code(), id);
                row.uuid(id).text(brand.code()).text(brand.name());
                row.endRow();
            }
        });
        return Map.copyOf(ids);
    }

    /** Every brand makes each of its families in every size; each model has its texts in every language. */
    private Map<String, List<Model>> models(Map<String, UUID> brands, Map<String, UUID> families) {
        List<Model> models = new ArrayList<>();
        for (Equipment.Brand brand : Equipment.BRANDS) {
            for (String familyCode : brand.families()) {
                Equipment.Family family = Equipment.FAMILIES.stream()
                        .filter(f -> f.code().equals(familyCode)).findFirst().orElseThrow();
                for (int size : family.sizes()) {
                    String code = brand.prefix() + "-" + family.code() + "-" + size;
                    models.add(new Model(DemoIds.of("equipment-model", code), code, brand, family, size));
                }
            }
        }
        Instant now = timeline.now();
        MODEL.copy(handle, row -> {
            for (Model model : models) {
                LocalDate since = timeline.today().minusYears(dice.between(3, 15)).withDayOfYear(1);
                boolean discontinued = dice.chance(0.25);
                Instant out = discontinued ? now.minusSeconds(86_400L * dice.between(100, 900)) : null;
                row.uuid(model.id()).text(model.code()).text(name(model, "en")).text(description(model, "en"))
                        .uuid(brands.get(model.brand().code())).uuid(families.get(model.family().code()))
                        .timestamp(timeline.startOf(since)).timestamp(out)
                        .timestamp(out == null ? null : out.plusSeconds(86_400L * 365 * 7))
                        .integer(12 * dice.between(10, 20)).integer(model.family().warrantyMonths());
                row.endRow();
            }
        });
        MODEL_TRANSLATION.copy(handle, row -> {
            for (Model model : models) {
                for (String language : Equipment.LANGUAGES) {
                    row.uuid(model.id()).text("name").text(language).text(name(model, language));
                    row.endRow();
                    row.uuid(model.id()).text("description").text(language).text(description(model, language));
                    row.endRow();
                }
            }
        });
        Map<String, List<Model>> byFamily = new HashMap<>();
        for (Model model : models) {
            byFamily.computeIfAbsent(model.family().code(), code -> new ArrayList<>()).add(model);
        }
        return Map.copyOf(byFamily);
    }

    /** "Thermalis BX 24 – Condensing boiler", the family named in the language. */
    private static String name(Model model, String language) {
        return model.brand().name() + " " + model.brand().series() + " " + model.size() + " – "
                + model.family().names().get(language);
    }

    /** "Condensing boiler, 24 kW", in the language. */
    private static String description(Model model, String language) {
        return model.family().names().get(language) + ", " + model.size() + " " + model.family().unit();
    }
}
