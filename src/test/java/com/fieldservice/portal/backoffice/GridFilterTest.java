package com.fieldservice.portal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The filter table drives parsing, links and chips: every filter read from a link the grid wrote
 * is the filter it wrote (parse(link(q)) == q), alone and all together, and each chip's link is
 * the same view without that one value. No database: the SQL side is JobGridTest's and
 * GridNameFiltersTest's.
 */
class GridFilterTest {

    /** A value a planner may use for each filter; a filter added without one fails the first test. */
    private static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("q", List.of("boiler main")), Map.entry("ref", List.of("PO-17")),
            Map.entry("status", List.of("Open", "Planned")), Map.entry("open", List.of("1")),
            Map.entry("type", List.of("REPAIR")), Map.entry("priority", List.of("URGENT")),
            Map.entry("skill", List.of("GAS")), Map.entry("company", List.of("Acme Facilities")),
            Map.entry("installation", List.of("4711")), Map.entry("technician", List.of("sofie peeters")),
            Map.entry("due_from", List.of("2026-10-01")), Map.entry("due_to", List.of("2026-11-30")),
            Map.entry("overdue", List.of("1")), Map.entry("unplanned", List.of("1")),
            Map.entry("reported", List.of("today")), Map.entry("awaiting_reply", List.of("1")),
            Map.entry("level", List.of("parents")));

    @Test
    void everyFilterReadsBackFromTheLinksTheGridWrites() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(
                GridFilter.ALL.stream().map(GridFilter::param).toList());
        for (GridFilter<?> filter : GridFilter.ALL) {
            JobQuery query = JobQuery.parse(Map.of(filter.param(), SAMPLES.get(filter.param()), "sort", List.of("name")));
            assertThat(query.errors).as(filter.param()).isEmpty();
            assertThat(query.filters()).as(filter.param()).containsOnlyKeys(filter);
            assertRoundTrips(query);
        }
        assertRoundTrips(JobQuery.parse(SAMPLES));
        assertThat(JobQuery.parse(SAMPLES).filters()).hasSize(GridFilter.ALL.size());
    }

    @Test
    void anIdIsKeptInLowerCaseAndANameAsTyped() {
        String id = UUID.randomUUID().toString();
        for (String param : List.of("company", "installation", "technician")) {
            assertThat(JobQuery.parse(Map.of(param, List.of(id.toUpperCase()))).get(param)).isEqualTo(id);
            assertThat(JobQuery.parse(Map.of(param, List.of("  Acme Fac "))).get(param)).isEqualTo("Acme Fac");
            assertThat(JobQuery.parse(Map.of(param, List.of("De Vries & Zonen (Gent)"))).errors).isEmpty();
        }
    }

    @Test
    void eachChipRemovesOnlyItsOwnValue() {
        JobQuery query = JobQuery.parse(with(SAMPLES, Map.of("sort", List.of("due_date"), "dir", List.of("asc"),
                "size", List.of("50"), "after", List.of("12"), "key", List.of("2026-01-01T00:00:00Z"))));
        List<JobSearch.Lookup> lookups = List.of(
                new JobSearch.Lookup("status", UUID.randomUUID(), "Open", "Open (new)", 1, null, false),
                new JobSearch.Lookup("type", UUID.randomUUID(), "REPAIR", "Repair", 0, null, false));
        List<JobQuery.Chip> chips = query.chips(lookups);
        // one chip per value: the two statuses each have their own
        assertThat(chips).hasSize(GridFilter.ALL.size() + 1);
        Map<String, List<String>> before = filterParams(query);
        Map<String, List<String>> removed = new LinkedHashMap<>();
        for (JobQuery.Chip chip : chips) {
            Map<String, List<String>> link = params(chip.removeLink());
            Map<String, List<String>> after = filterParams(JobQuery.parse(link));
            before.forEach((name, values) -> {
                List<String> left = after.getOrDefault(name, List.of());
                if (name.equals(chip.name())) {
                    assertThat(values).as(name).containsAll(left).hasSize(left.size() + 1);
                    removed.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values.stream().filter(v -> !left.contains(v)).toList());
                } else {
                    assertThat(left).as(chip.name() + " removes " + name).isEqualTo(values);
                }
            });
            // the same view (sort, size), from its first page
            assertThat(link).as(chip.name()).containsEntry("sort", List.of("due_date")).containsEntry("size", List.of("50"))
                    .doesNotContainKeys("after", "before", "key");
        }
        assertThat(removed).isEqualTo(before);
        assertThat(chips).filteredOn(c -> c.name().equals("status")).extracting(JobQuery.Chip::value)
                .containsExactly("Open (new)", "Planned");
        assertThat(chips).filteredOn(c -> c.name().equals("type")).extracting(JobQuery.Chip::value).containsExactly("Repair");
        assertThat(chips).filteredOn(c -> c.name().equals("level")).extracting(JobQuery.Chip::valueKey)
                .containsExactly("bo.filter.level.parents");
        assertThat(chips).filteredOn(c -> c.name().equals("overdue")).extracting(JobQuery.Chip::value).containsOnlyNulls();
        assertThat(JobQuery.parse(Map.of()).chips(lookups)).isEmpty();
    }

    private static void assertRoundTrips(JobQuery query) {
        for (String link : List.of(query.firstPageLink(), query.csvLink(), query.sizeLink(50), query.sortLink("company"))) {
            JobQuery again = JobQuery.parse(params(link));
            assertThat(again.filters()).as(link).isEqualTo(query.filters());
            assertThat(again.errors).as(link).isEmpty();
        }
    }

    /** The filters of a query as its link writes them. */
    private static Map<String, List<String>> filterParams(JobQuery query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        query.filters().forEach((filter, value) -> params.put(filter.param(), filter.linkOf(value)));
        return params;
    }

    private static Map<String, List<String>> with(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    static Map<String, List<String>> params(String link) {
        String query = URI.create(link).getRawQuery();
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            params.computeIfAbsent(decode(parts[0]), k -> new ArrayList<>()).add(parts.length > 1 ? decode(parts[1]) : "");
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
