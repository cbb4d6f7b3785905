package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The grid's pages as a signed-in planner reads them: one page, its numbers, or every page through the Next links. */
record GridPages(WebSession planner) {

    Document page(String path) {
        HttpResponse<String> answer = planner.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    static List<Integer> numbers(Document page) {
        return page.select("#jobs tbody tr[data-number]").stream().map(r -> Integer.parseInt(r.attr("data-number"))).toList();
    }

    /** Follows the Next links from this page to the end; no number may appear twice. */
    List<Integer> walk(String path) {
        List<Integer> all = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        String next = path;
        for (int guard = 0; next != null && guard < 200; guard++) {
            Document page = page(next);
            for (Integer number : numbers(page)) {
                assertThat(seen.add(number)).as("number " + number + " shown twice walking " + path).isTrue();
                all.add(number);
            }
            Element link = page.getElementById("page-next");
            next = link.parent().hasClass("disabled") ? null : link.attr("href");
        }
        return all;
    }
}
