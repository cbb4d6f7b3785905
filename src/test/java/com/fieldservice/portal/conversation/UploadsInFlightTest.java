package com.fieldservice.portal.conversation;

import static com.fieldservice.portal.customer.Samples.photo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.customer.UploadLimits;
import com.fieldservice.portal.support.AcmeReports;
import com.fieldservice.portal.support.HeldSlots;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each request that brings files holds them in memory until it is answered, so only
 * {@link UploadLimits#IN_FLIGHT} of them run at once: with every slot taken, the customer's
 * report, the customer's files and the planner's files wait, and are saved, whole, in their turn.
 */
class UploadsInFlightTest {

    static TestPortal portal;
    static WebSession alice;
    static WebSession planner;
    static AcmeReports reports;

    @BeforeAll
    static void start() {
        ConversationParties parties = ConversationParties.start("planner@in-flight.test");
        portal = parties.portal();
        alice = parties.alice();
        planner = parties.planner();
        reports = new AcmeReports(portal.jdbi(), alice);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static int filesOf(int number) {
        return portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = :n")
                .bind("n", number).mapTo(Integer.class).one());
    }

    /** The upload, sent while every slot is held: it waits for one, then is answered as usual. */
    static <T> T sentWhileEverySlotIsTaken(Supplier<T> upload) throws Exception {
        CompletableFuture<T> answer;
        try (HeldSlots held = HeldSlots.take(UploadLimits.IN_FLIGHT)) {
            answer = CompletableFuture.supplyAsync(upload);
            held.untilWaiting(1);
            assertThat(answer).as("waits for a slot").isNotDone();
        }
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReportWithFilesWaitsForASlot() throws Exception {
        // AcmeReports expects the form accepted (303) and answers the new work order's number
        int number = sentWhileEverySlotIsTaken(() -> reports.report(Map.of("description", "The fan rattles."),
                List.of(photo("fan.png"))));
        assertThat(filesOf(number)).isEqualTo(1);
    }

    @Test
    void theCustomersFilesWaitForASlot() throws Exception {
        int number = reports.report(Map.of("description", "The pump hums."), List.of());
        alice.get("/portal");
        HttpResponse<String> answer = sentWhileEverySlotIsTaken(() -> alice.postMultipart(
                "/portal/jobs/" + number + "/files", Map.of(), List.of(photo("pump.png"), photo("label.png"))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        assertThat(filesOf(number)).isEqualTo(2);
    }

    @Test
    void thePlannersFilesWaitForASlot() throws Exception {
        int number = reports.report(Map.of("description", "The valve drips."), List.of());
        planner.get("/backoffice/jobs/" + number);
        HttpResponse<String> answer = sentWhileEverySlotIsTaken(() -> planner.postMultipart(
                "/backoffice/jobs/" + number + "/files", Map.of("visibility", "customer"), List.of(photo("valve.png"))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        assertThat(filesOf(number)).isEqualTo(1);
    }

    @Test
    void aQuarterOfTheHeapAtSixtyFourMegabytesARequest() {
        long mb = 1024L * 1024;
        assertThat(UploadLimits.inFlight(64 * mb)).isEqualTo(1);
        assertThat(UploadLimits.inFlight(256 * mb)).isEqualTo(1);
        assertThat(UploadLimits.inFlight(1024 * mb)).isEqualTo(4);
        assertThat(UploadLimits.inFlight(24 * 1024 * mb)).isEqualTo(16);
    }
}
