package com.fieldservice.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestClock;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PORTAL_SUPPORT_PHONE: the number the report form gives for emergencies, and whom to call about
 * a work order closed too long ago to take comments. (Without it, JobActionsTest: no number.)
 */
class SupportPhoneTest {

    static final String PHONE = "+32 3 555 99 99";
    static TestPortal portal;
    static WebSession alice;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(Map.of("PORTAL_SUPPORT_PHONE", PHONE));
        PortalFixtures.insert(portal.jdbi());
        alice = portal.signedIn(PortalFixtures.ALICE);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theReportFormsEmergencyLineGivesTheNumber() {
        Document form = Jsoup.parse(alice.get("/portal/report").body());
        assertThat(form.select("#job_priority_id-hint").text())
                .isEqualTo("In an emergency (danger, flooding, a smell of gas), call us on " + PHONE + ": we raise it at once.");
        assertThat(form.select("#job_priority_id").attr("aria-describedby")).isEqualTo("job_priority_id-hint");
    }

    @Test
    void aWorkOrderClosedTooLongAgoSaysToCallThisNumber() {
        OffsetDateTime longAgo = TestClock.DEFAULT.now().minusDays(45);
        portal.jdbi().useHandle(h -> h.execute("UPDATE jobs SET date_closed = ? WHERE id2 = ?", longAgo, PortalFixtures.DONE));
        Document job = Jsoup.parse(alice.get("/portal/jobs/" + PortalFixtures.DONE).body());
        assertThat(job.select("#actions-call").text()).isEqualTo("This work order closed more than 30 days ago and takes "
                + "no more comments or files. To talk about it, please call our service team on " + PHONE + ".");
        assertThat(job.select("#comment-form, #files-form")).isEmpty();
    }
}
