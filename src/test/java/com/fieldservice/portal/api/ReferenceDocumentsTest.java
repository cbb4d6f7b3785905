package com.fieldservice.portal.api;

import static com.fieldservice.portal.support.ReferenceFixtures.FULL_JOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fieldservice.portal.support.HeldLock;
import com.fieldservice.portal.support.ReferenceFixtures;
import com.fieldservice.portal.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded reference entities' documents are stored (migration V44): whatever writes their
 * tables, by whatever instance, the API shows the new values at once, and the stored documents
 * are always what their views build from the tables as they are.
 */
class ReferenceDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BRAND = "5d53c63b-0016-476f-839b-fa486d1793bc";
    private static final String SALES_ORGANIZATION = "343213b6-c321-4af0-85cb-acb327eb87db";

    private Jdbi jdbi;

    @BeforeEach
    void database() {
        jdbi = TestDatabase.freshJdbi();
        ReferenceFixtures.insert(jdbi);
    }

    @Test
    void everyTableADocumentReadsRebuildsThatDocumentAfterEveryKindOfWrite() {
        Map<String, TreeSet<String>> readers = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        WITH RECURSIVE reads(entity, relation) AS (
                            SELECT regexp_replace(view_name, '_document$', ''), table_name
                              FROM information_schema.view_table_usage WHERE view_name LIKE '%\\_document'
                            UNION
                            SELECT r.entity, u.table_name
                              FROM reads r JOIN information_schema.view_table_usage u ON u.view_name = r.relation
                        )
                        SELECT relation, entity FROM reads WHERE relation NOT LIKE '%\\_document'""")
                .map((rs, ctx) -> Map.entry(rs.getString("relation"), rs.getString("entity")))
                .forEach(read -> readers.computeIfAbsent(read.getKey(), t -> new TreeSet<>()).add(read.getValue())));
        Map<String, TreeSet<String>> rebuilt = new TreeMap<>();
        Pattern definition = Pattern.compile(
                "CREATE TRIGGER reference_documents AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public\\.(\\w+) "
                        + "FOR EACH STATEMENT EXECUTE FUNCTION reference_documents_after_write\\((.*)\\)");
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE t.tgname = 'reference_documents'""")
                .mapTo(String.class)
                .forEach(trigger -> {
                    Matcher matcher = definition.matcher(trigger);
                    assertThat(matcher.matches()).as(trigger).isTrue();
                    rebuilt.put(matcher.group(1), Pattern.compile("'(\\w+)'").matcher(matcher.group(2)).results()
                            .map(argument -> argument.group(1)).collect(Collectors.toCollection(TreeSet::new)));
                }));

        assertThat(readers).containsKeys("sales_organization", "equipment_model_translation", "db_country", "app_user");
        assertThat(rebuilt).isEqualTo(readers);
    }

    @Test
    void aChangeShowsInEveryDocumentThatEmbedsItAtOnce() {
        jdbi.useHandle(h -> {
            h.execute("UPDATE sales_organization SET name = 'Field Service Benelux' WHERE id = ?::uuid", SALES_ORGANIZATION);
            h.execute("DELETE FROM equipment_model_translation WHERE language_code = 'fr'");
            h.execute("UPDATE app_user SET lastname = 'Wouters-Peeters'");
        });

        JsonNode job = job();
        JsonNode model = job.get("project").get("equipment_model");
        assertThat(model.get("equipment_brand").get("sales_organization").get("name").asText())
                .isEqualTo("Field Service Benelux");
        assertThat(model.get("sales_organization").get("name").asText()).isEqualTo("Field Service Benelux");
        assertThat(job.get("skill").get("sales_organization").get("name").asText()).isEqualTo("Field Service Benelux");
        assertThat(model.get("translations").findValuesAsText("value_translated")).containsExactly("ecoTEC plus 48 kW (ketel)");
        assertThat(job.get("suggested_user").get("lastname").asText()).isEqualTo("Wouters-Peeters");
        assertThat(stale()).isEmpty();
    }

    @Test
    void rowsAddedAndRemovedAreAddedAndRemoved() {
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO equipment_brand (id, code, name, sales_organization_id) "
                    + "VALUES ('0b0b0b0b-0000-4000-8000-000000000001', 'BUD', 'Buderus', ?::uuid)", SALES_ORGANIZATION);
            h.execute("INSERT INTO job_type (id, code, name) VALUES ('0b0b0b0b-0000-4000-8000-000000000002', 'AUDIT-ONLY', 'Audit')");
        });
        assertThat(documentCount("equipment_brand")).isEqualTo(2);
        assertThat(stale()).isEmpty();

        jdbi.useHandle(h -> h.execute("DELETE FROM equipment_brand WHERE code = 'BUD'"));
        assertThat(documentCount("equipment_brand")).isEqualTo(1);
        assertThat(stale()).isEmpty();
    }

    @Test
    void twoTransactionsChangingTablesOfTheSameDocumentBothReachIt() throws Exception {
        CompletableFuture<Void> brandRenamed;
        try (HeldLock salesOrganizationRenamed = HeldLock.take(jdbi,
                "UPDATE sales_organization SET name = 'Field Service Benelux' WHERE id = '" + SALES_ORGANIZATION + "'")) {
            // read from the tables as they were: the sales organisation's new name is not committed yet
            brandRenamed = CompletableFuture.runAsync(() -> jdbi.useTransaction(h ->
                    h.execute("UPDATE equipment_brand SET name = 'Vaillant Group' WHERE id = ?::uuid", BRAND)));
            salesOrganizationRenamed.awaitWaiting(1, Duration.ofSeconds(10));
            salesOrganizationRenamed.commit();
        }
        brandRenamed.get(10, TimeUnit.SECONDS);

        JsonNode brand = job().get("project").get("equipment_model").get("equipment_brand");
        assertThat(brand.get("name").asText()).isEqualTo("Vaillant Group");
        assertThat(brand.get("sales_organization").get("name").asText()).isEqualTo("Field Service Benelux");
        assertThat(stale()).isEmpty();
    }

    private JsonNode job() {
        String document = jdbi.onDemand(JobResourceDao.class).findJobJson(FULL_JOB).orElseThrow();
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new AssertionError(document, e);
        }
    }

    private int documentCount(String entity) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM reference_document WHERE entity = :entity")
                .bind("entity", entity).mapTo(Integer.class).one());
    }

    /** Stored documents that differ from what their views build now, and the views' missing ones. */
    private List<String> stale() {
        return jdbi.withHandle(h -> {
            List<String> entities = h.createQuery("""
                    SELECT regexp_replace(table_name, '_document$', '') FROM information_schema.views
                     WHERE table_schema = 'public' AND table_name LIKE '%\\_document'""").mapTo(String.class).list();
            assertThat(entities).hasSize(9);
            String built = entities.stream()
                    .map(entity -> "SELECT '" + entity + "' AS entity, id, document::text FROM " + entity + "_document")
                    .collect(Collectors.joining(" UNION ALL "));
            return h.createQuery("""
                    (SELECT 'stored ' || entity || ' ' || id FROM (
                         SELECT entity, id, document::text FROM reference_document EXCEPT ALL (%1$s)) s)
                    UNION ALL
                    (SELECT 'built ' || entity || ' ' || id FROM ((%1$s) EXCEPT ALL
                         SELECT entity, id, document::text FROM reference_document) b)""".formatted(built))
                    .mapTo(String.class).list();
        });
    }
}
