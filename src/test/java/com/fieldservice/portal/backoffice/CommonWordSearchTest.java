package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search for a word in most jobs is not counted (the planner's statistics say the list is
 * long), yet shows the right first page, newest first, and says there are more than 1,000.
 */
class CommonWordSearchTest {

    static TestPortal portal;
    static WebSession planner;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 12_000);
        TestAccounts.staff(portal.jdbi(), "planner@words.test", "planner");
        planner = portal.signedIn("planner@words.test");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void aWordInMostJobsShowsTheNewestAndSaysTheListIsLong() {
        long withThe = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM jobs WHERE search_vector @@ to_tsquery('simple', 'the:*')").mapTo(Long.class).one());
        assertThat(withThe).as("the demo descriptions use 'the' in most jobs").isGreaterThan(JobSearch.COMMON_WORD_ROWS);

        Document page = Jsoup.parse(planner.get("/backoffice/jobs?q=the").body());
        assertThat(page.getElementById("match-count").text()).contains("More than 1,000 work orders");
        List<Integer> shown = page.select("#jobs tbody tr[data-number]").stream()
                .map(row -> Integer.parseInt(row.attr("data-number"))).toList();
        List<Integer> expected = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT id2 FROM jobs WHERE search_vector @@ to_tsquery('simple', 'the:*') ORDER BY id2 DESC LIMIT 25""")
                .mapTo(Integer.class).list());
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void aRareWordIsStillCountedExactly() {
        String rare = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT customer_reference FROM jobs WHERE customer_reference IS NOT NULL ORDER BY id2 LIMIT 1")
                .mapTo(String.class).one());
        Document page = Jsoup.parse(planner.get("/backoffice/jobs?q=" + rare).body());
        assertThat(page.getElementById("match-count").text()).matches(".*\\b1 work order.*");
    }
}
