package com.fieldservice.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.AcmeReports;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A work order whose conversation holds 200 entries and whose history holds more than 20: its
 * page shows the customer's report and the newest 19 other entries, and the newest 20 history
 * entries, each with a link to all of them.
 */
class LongTimelineTest {

    static TestPortal portal;
    static WebSession alice;
    static WebSession planner;
    static int number;

    @BeforeAll
    static void start() {
        ConversationParties parties = ConversationParties.start("planner@long.test");
        portal = parties.portal();
        alice = parties.alice();
        planner = parties.planner();
        number = new AcmeReports(portal.jdbi(), alice).report(
                Map.of("description", "The boiler knocks.", "customer_reference", "LONG-1"), List.of());
        int already = entries(planner, "/backoffice/jobs/" + number).size();
        // comments and files of both sides, a quarter and a third of them internal, each a minute after
        // the other; and name changes, which the history holds but the timeline doesn't
        int comments = 120;
        int files = 200 - already - comments;
        portal.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO job_comment (job_id, author_name, by_customer, text, visibility, date_create)
                    SELECT j.id, 'Pat', n % 2 = 0, 'comment ' || n, CASE WHEN n % 4 = 1 THEN 'internal' ELSE 'customer' END,
                           now() + (2 * n) * interval '1 minute'
                      FROM jobs j, generate_series(1, ?) n WHERE j.id2 = ?""", comments, number);
            h.execute("""
                    INSERT INTO job_attachment (job_id, file_name, content_type, size, bytes, visibility, date_create)
                    SELECT j.id, 'page-' || n || '.pdf', 'application/pdf', 8, decode('255044462d312e34', 'hex'),
                           CASE WHEN n % 3 = 0 THEN 'internal' ELSE 'customer' END, now() + (2 * n + 1) * interval '1 minute'
                      FROM jobs j, generate_series(1, ?) n WHERE j.id2 = ?""", files, number);
            h.execute("""
                    INSERT INTO job_history (job_id, changed_by, kind, changes, version, changed_at)
                    SELECT j.id, 'Pat', 'edited', jsonb_build_object('name', jsonb_build_object('old', 'name ' || n, 'new',
                           'name ' || (n + 1))), j.version, now() + n * interval '1 minute'
                      FROM jobs j, generate_series(1, 40) n WHERE j.id2 = ?""", number);
        });
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static Document page(WebSession who, String path) {
        var answer = who.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    static List<String> entries(WebSession who, String path) {
        return page(who, path).select("#conversation-timeline > li.timeline-entry").stream().map(Element::text).toList();
    }

    static int count(String sql) {
        return portal.jdbi().withHandle(h -> h.createQuery(sql).bind("n", number).mapTo(Integer.class).one());
    }

    @Test
    void theBackOfficeShowsTheReportAndTheNewest19AndAllOnDemand() {
        String path = "/backoffice/jobs/" + number;
        List<String> all = entries(planner, path + "?timeline=all");
        assertThat(all).hasSize(200);
        assertThat(all.get(0)).contains("The boiler knocks.");

        Document shown = page(planner, path);
        List<String> newest = shown.select("#conversation-timeline > li.timeline-entry").stream().map(Element::text).toList();
        assertThat(newest).hasSize(20);
        assertThat(newest.get(0)).as("the customer's report, first").isEqualTo(all.get(0));
        assertThat(newest.subList(1, 20)).as("the newest 19, in the timeline's order").isEqualTo(all.subList(181, 200));
        assertThat(shown.select("#conversation-timeline > li.timeline-entry").first().attr("data-kind")).isEqualTo("report");
        Element earlier = shown.selectFirst("#timeline-earlier");
        assertThat(earlier).isNotNull();
        assertThat(earlier.text()).isEqualTo("Show the 180 earlier entries");
        assertThat(earlier.attr("href")).isEqualTo(path + "?timeline=all#conversation");

        assertThat(page(planner, path + "?timeline=all").select("#timeline-earlier")).isEmpty();
        assertThat(entries(planner, path + "?timeline=everything")).as("anything else is the usual page").isEqualTo(newest);
    }

    @Test
    void theBackOfficeShowsTheNewest20HistoryEntriesAndAllOnDemand() {
        String path = "/backoffice/jobs/" + number;
        int total = count("SELECT count(*) FROM job_history h JOIN jobs j ON j.id = h.job_id WHERE j.id2 = :n");
        assertThat(total).isGreaterThan(40);
        Document all = page(planner, path + "?history=all");
        List<String> history = all.select("#history > li").stream().map(Element::text).toList();
        assertThat(history).hasSize(total);
        assertThat(all.select("#history-all")).isEmpty();

        Document shown = page(planner, path);
        assertThat(shown.select("#history > li").stream().map(Element::text).toList())
                .as("the newest 20").isEqualTo(history.subList(0, 20));
        Element link = shown.selectFirst("#history-all");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("Show the whole history (" + total + " entries)");
        assertThat(link.attr("href")).isEqualTo(path + "?history=all#g-history");
        assertThat(shown.select("#conversation-timeline > li.timeline-entry")).as("each list on its own").hasSize(20);
    }

    @Test
    void theCustomerSeesTheReportAndTheNewest19OfWhatTheyMayReadAndNothingInternalEvenAll() {
        String path = "/portal/jobs/" + number;
        int readable = 1 + count("SELECT count(*) FROM job_comment c JOIN jobs j ON j.id = c.job_id WHERE j.id2 = :n AND c.visibility = 'customer'")
                + count("SELECT count(*) FROM job_attachment a JOIN jobs j ON j.id = a.job_id WHERE j.id2 = :n AND a.visibility = 'customer'")
                + count("""
                        SELECT count(*) FROM job_history h JOIN jobs j ON j.id = h.job_id
                          JOIN job_status became ON became.code = h.changes -> 'status' ->> 'new'
                          LEFT JOIN job_status was ON was.code = h.changes -> 'status' ->> 'old'
                         WHERE j.id2 = :n AND was.customer_status IS DISTINCT FROM became.customer_status""");
        assertThat(readable).isGreaterThan(100).isLessThan(200);
        Document whole = page(alice, path + "?timeline=all");
        List<String> all = whole.select("#conversation-timeline > li.timeline-entry").stream().map(Element::text).toList();
        assertThat(all).hasSize(readable);
        assertThat(whole.select("#timeline-earlier")).isEmpty();

        Document shown = page(alice, path);
        List<String> newest = shown.select("#conversation-timeline > li.timeline-entry").stream().map(Element::text).toList();
        assertThat(newest).hasSize(20);
        assertThat(shown.select("#conversation-timeline > li.timeline-entry").first().attr("data-kind")).isEqualTo("report");
        assertThat(newest.get(0)).isEqualTo(all.get(0));
        assertThat(newest.subList(1, 20)).isEqualTo(all.subList(readable - 19, readable));
        Element earlier = shown.selectFirst("#timeline-earlier");
        assertThat(earlier).isNotNull();
        assertThat(earlier.text()).isEqualTo("Show the " + (readable - 20) + " earlier entries");
        assertThat(earlier.attr("href")).isEqualTo(path + "?timeline=all#job-customer-actions");

        for (Document seen : List.of(whole, shown, page(alice, path + "?timeline=internal"))) {
            assertThat(seen.select(".timeline-internal, [data-visibility=internal], .timeline-internal-mark")).isEmpty();
            assertThat(seen.text()).doesNotContain("comment 1 ", "comment 5 ", "page-3.pdf", "page-6.pdf");
        }
        // the files left to send count the whole timeline's (more than the limit), not the page's (fewer)
        assertThat(shown.select("#conversation-timeline [data-kind=file]").size())
                .isLessThan(com.fieldservice.portal.customer.ReportService.MAX_FILES_PER_JOB);
        assertThat(shown.select("#files-form")).isEmpty();
        assertThat(whole.select("#files-form")).isEmpty();
    }
}
