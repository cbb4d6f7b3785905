package com.fieldservice.portal.jobs;

import com.fieldservice.portal.planning.VisitService;
import com.fieldservice.portal.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.HeldLock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobServiceTest {

    static JobFixtures fixtures;
    static JobService service;

    @BeforeAll
    static void database() {
        fixtures = new JobFixtures();
        service = new JobService(fixtures.jdbi, Workflow.load(fixtures.jdbi), TestClock.DEFAULT,
                new VisitService(fixtures.jdbi, TestClock.DEFAULT));
    }

    private static int create(String... fields) {
        JobService.Creation outcome = service.create(fixtures.input(fields), Optional.empty(), fixtures.planner);
        assertThat(outcome).isInstanceOf(JobService.Saved.class);
        return ((JobService.Saved) outcome).number();
    }

    private static Map<String, Object> row(int number) {
        return fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT j.*, s.code AS status_code FROM jobs j JOIN job_status s ON s.id = j.job_status_id WHERE id2 = ?""")
                .bind(0, number).mapToMap().one());
    }

    @Test
    void aNewJobStartsOpenWithTheDefaultsAndAHistoryEntry() {
        int number = create("customer_reference", "PO-1");
        Map<String, Object> job = row(number);
        assertThat(job.get("status_code")).isEqualTo("Open");
        assertThat(job.get("date_create")).isNotNull();
        assertThat(job.get("job_type_id")).isEqualTo(fixtures.uuid("SELECT id FROM job_type WHERE is_default"));
        assertThat(job.get("job_priority_id")).isNull();
        assertThat(kinds(number)).containsExactly("created");
    }

    @Test
    void anInvalidJobSavesNothing() {
        int before = count();
        JobService.Creation outcome = service.create(fixtures.input("due_date", "2026-01-01", "earliest_date_plannable",
                "2026-02-01", "name", "x".repeat(300)), Optional.empty(), fixtures.planner);
        assertThat(outcome).isInstanceOfSatisfying(JobService.Invalid.class,
                invalid -> assertThat(invalid.errors()).containsKeys("due_date", "name"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyTheStatusesTheReferenceAllowsCanStartAJob() {
        assertThat(service.create(fixtures.input(), Optional.of("Completed"), fixtures.planner))
                .isInstanceOf(JobService.Invalid.class);
        // a status refused is told with the fields' mistakes, not before them
        assertThat(service.create(fixtures.input("estimated_time", "-1"), Optional.of("Completed"), fixtures.planner))
                .isInstanceOfSatisfying(JobService.Invalid.class, invalid ->
                        assertThat(invalid.errors()).containsKeys("job_status_code", "estimated_time"));
        assertThat(service.create(fixtures.input(), Optional.of("ToBePlanned"), fixtures.planner))
                .isInstanceOf(JobService.Saved.class);
    }

    @Test
    void anEditSavesAndRecordsEachFieldsOldAndNewValue() {
        int number = create("description", "Pressure at 0.5 bar");
        JobService.EditableJob loaded = service.editable(number).orElseThrow();
        Map<String, String> input = new java.util.HashMap<>(loaded.values());
        input.put("description", "Pressure at 0.2 bar");
        input.put("estimated_time", "45");
        assertThat(service.edit(number, loaded.version(), input, fixtures.planner)).isInstanceOf(JobService.Saved.class);

        assertThat(row(number).get("description")).isEqualTo("Pressure at 0.2 bar");
        assertThat(row(number).get("version")).isEqualTo(loaded.version() + 1);
        String changes = fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT changes::text FROM job_history WHERE job_id = (SELECT id FROM jobs WHERE id2 = ?) AND kind = 'edited'""")
                .bind(0, number).mapTo(String.class).one());
        assertThat(changes).contains("\"description\": {\"new\": \"Pressure at 0.2 bar\", \"old\": \"Pressure at 0.5 bar\"}")
                .contains("\"estimated_time\": {\"new\": \"45\", \"old\": null}").doesNotContain("\"name\"");
    }

    @Test
    void anEditFromAnOlderVersionIsRefusedWithWhatChangedMeanwhile() {
        int number = create();
        JobService.EditableJob mine = service.editable(number).orElseThrow();
        JobService.EditableJob theirs = service.editable(number).orElseThrow();

        Map<String, String> theirInput = new java.util.HashMap<>(theirs.values());
        theirInput.put("internal_memo", "Customer called: key at the desk");
        assertThat(service.edit(number, theirs.version(), theirInput, fixtures.planner)).isInstanceOf(JobService.Saved.class);

        Map<String, String> myInput = new java.util.HashMap<>(mine.values());
        myInput.put("name", "My better name");
        JobService.Outcome outcome = service.edit(number, mine.version(), myInput, fixtures.planner);
        assertThat(outcome).isInstanceOfSatisfying(JobService.Conflict.class, conflict -> {
            assertThat(conflict.currentVersion()).isEqualTo(mine.version() + 1);
            assertThat(conflict.changesMeanwhile()).singleElement()
                    .satisfies(entry -> assertThat(entry.changes()).contains("Customer called: key at the desk"));
        });
        assertThat(row(number).get("name")).isEqualTo("Boiler pressure drops");
        assertThat(row(number).get("internal_memo")).isEqualTo("Customer called: key at the desk");
    }

    @Test
    void twoSimultaneousEditsOfTheSameVersionSaveExactlyOnce() throws Exception {
        int number = create();
        JobService.EditableJob loaded = service.editable(number).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JobService.Outcome>> edits;
            // both pass the version check and meet at the write; the loser finds the row changed under it
            try (HeldLock row = HeldLock.take(fixtures.jdbi, "SELECT 1 FROM jobs WHERE id2 = " + number + " FOR UPDATE")) {
                edits = List.of(
                        pool.submit(() -> service.edit(number, loaded.version(), with(loaded, "name", "First"), fixtures.planner)),
                        pool.submit(() -> service.edit(number, loaded.version(), with(loaded, "name", "Second"), fixtures.planner)));
                assertThat(row.awaitWaiting(2, Duration.ofSeconds(20))).allSatisfy(query -> assertThat(query).startsWith("UPDATE jobs SET"));
            }
            List<JobService.Outcome> outcomes = edits.stream().map(JobServiceTest::get).toList();
            assertThat(outcomes).filteredOn(o -> o instanceof JobService.Saved).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof JobService.Conflict).singleElement()
                    .isInstanceOfSatisfying(JobService.Conflict.class, conflict -> {
                        assertThat(conflict.currentVersion()).isEqualTo(loaded.version() + 1);
                        assertThat(conflict.fields()).singleElement().satisfies(name -> {
                            assertThat(name.field()).isEqualTo("name");
                            assertThat(name.theirs()).isEqualTo(row(number).get("name"));
                            assertThat(name.toChoose()).isTrue();
                        });
                    });
            assertThat(row(number).get("version")).isEqualTo(loaded.version() + 1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void statusesMoveOnlyAlongTheWorkflowAndClosingSetsDateClosed() {
        int number = create();
        JobService.Outcome refused = service.changeStatus(number, "Completed", fixtures.planner);
        assertThat(refused).isInstanceOfSatisfying(JobService.StatusRefused.class, r -> {
            assertThat(r.from().code()).isEqualTo("Open");
            assertThat(r.allowed()).extracting(Workflow.Status::code)
                    .containsExactlyInAnyOrder("ToBePlanned", "Pooling", "Suggested", "Dispatched", "Workshop", "Canceled");
        });
        assertThat(row(number).get("status_code")).isEqualTo("Open");

        for (String next : List.of("ToBePlanned", "Planned", "InProgress", "Completed")) {
            if (next.equals("Planned")) {
                addVisit(number);
            }
            assertThat(service.changeStatus(number, next, fixtures.planner)).as(next).isInstanceOf(JobService.Saved.class);
        }
        assertThat(row(number).get("date_closed")).isNotNull();
        assertThat(service.changeStatus(number, "ExportedToErp", fixtures.planner)).isInstanceOf(JobService.Saved.class);
        assertThat(service.changeStatus(number, "Open", fixtures.planner)).isInstanceOf(JobService.StatusRefused.class);
        assertThat(kinds(number)).containsExactly("created", "status", "status", "status", "status", "status");
    }

    @Test
    void suggestedWithATechnicianAndAStartPlansOneVisitThatFollowsTheSuggestion() {
        // a week when the technician has no other visit: the suggestion becomes a visit through the overlap check
        int number = create("suggested_user_id", fixtures.technician.toString(),
                "suggested_date_start", "2030-12-16T09:00", "estimated_time", "90");
        assertThat(visits(number)).isZero();
        assertThat(service.changeStatus(number, "Suggested", fixtures.planner)).isInstanceOf(JobService.Saved.class);
        assertThat(visits(number)).isEqualTo(1);

        JobService.EditableJob loaded = service.editable(number).orElseThrow();
        assertThat(service.edit(number, loaded.version(), with(loaded, "suggested_date_start", "2030-12-17T13:30"),
                fixtures.planner)).isInstanceOf(JobService.Saved.class);
        assertThat(visits(number)).isEqualTo(1);
        Map<String, Object> visit = fixtures.jdbi.withHandle(h -> h.createQuery("""
                SELECT date_start, extract(epoch FROM date_end - date_start)::int / 60 AS minutes FROM job_planning
                 WHERE job_id = (SELECT id FROM jobs WHERE id2 = ?)""").bind(0, number).mapToMap().one());
        assertThat(((java.sql.Timestamp) visit.get("date_start")).toInstant())
                .isEqualTo(java.time.LocalDateTime.parse("2030-12-17T13:30").atZone(TestClock.DEFAULT.zone()).toInstant());
        assertThat(visit.get("minutes")).isEqualTo(90);
    }

    @Test
    void aJobCreatedSuggestedGetsItsVisitThroughTheOverlapCheckUnlessThePlannerConfirms() {
        // the technician's only visit of that morning, 09:00-10:30
        int busy = create("suggested_user_id", fixtures.technician.toString(),
                "suggested_date_start", "2031-05-12T09:00", "estimated_time", "90");
        assertThat(service.changeStatus(busy, "Suggested", fixtures.planner)).isInstanceOf(JobService.Saved.class);
        int jobs = jobCount();
        java.util.Map<String, String> overlapping = fixtures.input("suggested_user_id", fixtures.technician.toString(),
                "suggested_date_start", "2031-05-12T10:00", "estimated_time", "60");

        JobService.Creation refused = service.create(overlapping, Optional.of("Suggested"), fixtures.planner);
        assertThat(refused).isInstanceOf(JobService.Invalid.class);
        JobService.Invalid invalid = (JobService.Invalid) refused;
        assertThat(invalid.overlapWith()).contains(busy);
        assertThat(invalid.errors()).containsOnlyKeys("suggested_date_start");
        assertThat(invalid.errors().get("suggested_date_start").key()).isEqualTo("planning.visit.overlap");
        assertThat(invalid.errors().get("suggested_date_start").args()).containsExactly(String.valueOf(busy));
        assertThat(jobCount()).as("nothing of the refused work order is saved").isEqualTo(jobs);

        overlapping.put("allow_overlap", "1");
        JobService.Creation confirmed = service.create(overlapping, Optional.of("Suggested"), fixtures.planner);
        assertThat(confirmed).isInstanceOf(JobService.Saved.class);
        int number = ((JobService.Saved) confirmed).number();
        assertThat(visits(number)).isEqualTo(1);
        assertThat(kinds(number)).containsExactly("created", "visit-added");
        assertThat(row(number).get("suggested_user_id")).isEqualTo(fixtures.technician);
    }

    private static Map<String, String> with(JobService.EditableJob loaded, String field, String value) {
        Map<String, String> input = new java.util.HashMap<>(loaded.values());
        input.put(field, value);
        return input;
    }

    private static JobService.Outcome get(Future<JobService.Outcome> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count() {
        return fixtures.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM jobs").mapTo(Integer.class).one());
    }

    /** A visit of the fixtures' technician, as the planning adds it. */
    private static void addVisit(int number) {
        fixtures.jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                SELECT id, ?, '2026-12-14 08:00+00', '2026-12-14 09:00+00' FROM jobs WHERE id2 = ?""",
                fixtures.technician, number));
    }

    private static int jobCount() {
        return fixtures.jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM jobs").mapTo(Integer.class).one());
    }

    private static int visits(int number) {
        return fixtures.jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM job_planning WHERE job_id = (SELECT id FROM jobs WHERE id2 = ?)")
                .bind(0, number).mapTo(Integer.class).one());
    }

    private static List<String> kinds(int number) {
        return fixtures.jdbi.withHandle(h -> h.createQuery(
                "SELECT kind FROM job_history WHERE job_id = (SELECT id FROM jobs WHERE id2 = ?) ORDER BY id")
                .bind(0, number).mapTo(String.class).list());
    }
}
