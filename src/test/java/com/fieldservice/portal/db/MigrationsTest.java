package com.fieldservice.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migrationsApplyToAnEmptyDatabaseAndCreateEveryEntityOfTheReference() {
        String url = TestDatabase.emptyDatabaseUrl();
        MigrateResult result = Flyway.configure().dataSource(url, "postgres", "")
                .locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(3);

        List<String> tables = TestDatabase.jdbi(url).withHandle(h -> h.createQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .mapTo(String.class).list());
        assertThat(tables).contains("jobs", "project", "company", "contact", "app_user", "db_address", "db_country",
                "sales_organization", "job_type", "job_priority", "job_status", "job_status_transition", "skill",
                "project_status", "equipment_family", "equipment_brand", "equipment_model",
                "equipment_model_translation", "job_planning", "account");
    }

    @Test
    void everyForeignKeyColumnIsBackedByARealConstraint() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        List<String> unconstrained = jdbi.withHandle(h -> h.createQuery("""
                SELECT c.table_name || '.' || c.column_name
                  FROM information_schema.columns c
                 WHERE c.table_schema = 'public' AND c.column_name LIKE '%\\_id' AND c.column_name <> 'id'
                   AND NOT EXISTS (
                       SELECT 1 FROM information_schema.key_column_usage k
                         JOIN information_schema.table_constraints t ON t.constraint_name = k.constraint_name
                        WHERE t.constraint_type = 'FOREIGN KEY' AND k.table_name = c.table_name
                          AND k.column_name = c.column_name)
                 ORDER BY 1""").mapTo(String.class).list());
        assertThat(unconstrained).isEmpty();
    }

    @Test
    void jobStatusesCarryTheReferenceGuidsAndCodes() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        Map<String, String> guidByCode = jdbi.withHandle(h -> h.createQuery(
                "SELECT code, upper(id::text) AS id FROM job_status").setMapKeyColumn("code").setMapValueColumn("id")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() { }));
        assertThat(guidByCode).containsEntry("Open", "8BA9DA71-EF32-423A-BB50-AE767315F55C")
                .containsEntry("ToBePlanned", "497ACFF2-9FF6-4C94-85DD-DAA0689553E2")
                .containsEntry("Pooling", "8ADBC894-D612-DE11-BD84-0030488C6C36")
                .containsEntry("Suggested", "143CF9CD-C3C1-406A-A19A-58D766D9DDA9")
                .containsEntry("Dispatched", "A60BC691-AB2F-42F5-8A5B-998A29A27537")
                .containsEntry("DispatchRejected", "EB014DA9-5850-4E16-B1E9-527162F1A9E0")
                .containsEntry("Planned", "10F456D2-000E-48EA-93D7-E016107B7A98")
                .containsEntry("InProgress", "F79E58EE-EE04-4590-BCB1-49E8BD551659")
                .containsEntry("WaitingFurtherActions", "136E1585-DFF6-4990-BFC6-DBA958B71F30")
                .containsEntry("Completed", "6557B9DC-6106-4327-8E26-6F24D0329C33")
                .containsEntry("Canceled", "06EA451C-5863-4C97-9592-CC928DFDF869")
                .containsEntry("Waiting", "69268600-D3E0-4222-859F-06E47CF4041E")
                .containsEntry("Activated", "9AC4BD6D-F6E8-DF11-97CF-0030488C6C36")
                .containsEntry("Workshop", "E2BC66AF-BD10-4035-8AA1-7AD88CB35723")
                .containsEntry("WorkshopInQueue", "41A3718F-EAA1-4EF4-9A82-2CCF3FA92BCC")
                .containsEntry("WorkshopInProgress", "FC28469F-C276-4FF5-ABB7-B99F5AEE4C7D")
                .containsEntry("WorkshopWaitingFurtherAction", "1C6F7A61-3723-450B-8158-19A90D60CBD9")
                .containsEntry("WorkshopCompleted", "CE5F26ED-5FE0-47A3-94A7-1BF4402E32D0");
    }

    @Test
    void theWorkflowFollowsTheDomainsPaths() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        List<String> edges = jdbi.withHandle(h -> h.createQuery("""
                SELECT f.code || '>' || t.code FROM job_status_transition x
                  JOIN job_status f ON f.id = x.from_job_status_id JOIN job_status t ON t.id = x.to_job_status_id""")
                .mapTo(String.class).list());
        assertThat(edges).contains("Open>ToBePlanned", "Open>Pooling", "Open>Suggested", "Suggested>Planned",
                "Planned>InProgress", "InProgress>WaitingFurtherActions", "InProgress>Completed",
                "Open>Dispatched", "Dispatched>Planned", "Dispatched>DispatchRejected",
                "Planned>Canceled", "DispatchRejected>Canceled", "Planned>ToBePlanned", "DispatchRejected>Open",
                "Open>Workshop", "Workshop>WorkshopInQueue", "WorkshopInQueue>WorkshopInProgress",
                "WorkshopInProgress>WorkshopWaitingFurtherAction", "WorkshopInProgress>WorkshopCompleted",
                "Waiting>ToBePlanned", "Activated>Suggested", "Completed>ExportedToErp");
        assertThat(edges).doesNotContain("Open>Completed", "Canceled>Open", "Completed>Open", "Open>Planned");
        assertThat(edges.stream().filter(e -> e.startsWith("Completed>"))).containsExactly("Completed>ExportedToErp");
        assertThat(edges.stream().filter(e -> e.startsWith("Canceled>") || e.startsWith("ExportedToErp>"))).isEmpty();
    }
}
