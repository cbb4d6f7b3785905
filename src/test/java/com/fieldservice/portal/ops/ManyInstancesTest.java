package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.Settings;
import com.fieldservice.portal.db.Database;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestDatabase;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Several instances on one PostgreSQL: what one changes, every other one sees. */
class ManyInstancesTest {

    @Test
    void aChangedStatusNameReachesTheOtherInstancesCachedGridFiltersWithinASecond() {
        try (TestPortal first = TestPortal.start(); TestPortal second = TestPortal.startOn(first.databaseUrl())) {
            TestAccounts.staff(first.jdbi(), "planner@portal.test", "planner");
            WebSession planner = second.signedIn("planner@portal.test");
            // the second instance has read (and keeps) the lookups
            assertThat(planner.get("/backoffice/jobs").body()).contains("To be Planned").doesNotContain("Awaiting a slot");

            // an administrator renames a status (on the first instance's database session)
            first.jdbi().useHandle(h -> h.execute("UPDATE job_status SET name = 'Awaiting a slot' WHERE code = 'ToBePlanned'"));

            seenWithinASecond(planner, "Awaiting a slot");
        }
    }

    @Test
    void aChangedTranslationReachesTheOtherInstanceWithinASecond() {
        try (TestPortal first = TestPortal.start(); TestPortal second = TestPortal.startOn(first.databaseUrl())) {
            TestAccounts.staff(first.jdbi(), "planificateur@portal.test", "planner");
            first.jdbi().useHandle(h -> h.execute("UPDATE account SET language = 'fr' WHERE username = 'planificateur@portal.test'"));
            WebSession planner = second.signedIn("planificateur@portal.test");
            assertThat(planner.get("/backoffice/jobs").body()).contains("À planifier").doesNotContain("En attente d’un créneau");

            first.jdbi().useHandle(h -> h.execute("""
                    UPDATE job_status_translation SET value_translated = 'En attente d’un créneau'
                     WHERE language_code = 'fr' AND job_status_id = (SELECT id FROM job_status WHERE code = 'ToBePlanned')"""));

            seenWithinASecond(planner, "En attente d’un créneau");
        }
    }

    private static void seenWithinASecond(WebSession planner, String name) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!planner.get("/backoffice/jobs").body().contains(name)) {
            assertThat(System.nanoTime()).as("the second instance shows the new name within a second").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        String url = TestDatabase.emptyDatabaseUrl();
        Settings settings = Settings.from(Map.of("PORTAL_DB_URL", url, "PORTAL_DB_USER", "postgres"));
        List<CompletableFuture<Database>> starts = List.of(
                CompletableFuture.supplyAsync(() -> Database.open(settings)),
                CompletableFuture.supplyAsync(() -> Database.open(settings)),
                CompletableFuture.supplyAsync(() -> Database.open(settings)));
        for (CompletableFuture<Database> start : starts) {
            try (Database database = start.get(120, TimeUnit.SECONDS)) {
                assertThat(database.isMigrated()).isTrue();
            }
        }
        Jdbi jdbi = TestDatabase.jdbi(url);
        List<String> duplicates = jdbi.withHandle(h -> h.createQuery(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1")
                .mapTo(String.class).list());
        assertThat(duplicates).isEmpty();
        Boolean allSucceeded = jdbi.withHandle(h -> h.createQuery("SELECT bool_and(success) FROM flyway_schema_history")
                .mapTo(Boolean.class).one());
        assertThat(allSucceeded).isTrue();
    }
}
