package com.fieldservice.portal.customer;

import static com.fieldservice.portal.customer.PortalFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The customer portal's read side over HTTP against real PostgreSQL, with {@link PortalFixtures}. */
class PortalReadTest {

    static TestPortal portal;
    static WebSession alice;
    static WebSession olivia;
    static WebSession bob;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        PortalFixtures.insert(portal.jdbi());
        alice = portal.signedIn(ALICE);
        olivia = portal.signedIn(OLIVIA);
        bob = portal.signedIn(BOB);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    static HttpResponse<String> ok(WebSession who, String path) {
        HttpResponse<String> answer = who.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer;
    }

    static Document page(WebSession who, String path) {
        return Jsoup.parse(ok(who, path).body());
    }

    /** The work-order numbers a list page shows, in order. */
    static List<Integer> numbers(Document page) {
        List<Integer> numbers = new ArrayList<>();
        for (Element link : page.select("#jobs-table tbody td.portal-number a")) {
            numbers.add(Integer.valueOf(link.text()));
        }
        return numbers;
    }

    static List<Integer> numbers(WebSession who, String path) {
        return numbers(page(who, path));
    }

    @Nested
    class Home {
        @Test
        void portalShowsTheOpenWorkOrders() {
            Document home = page(alice, "/portal");
            assertThat(home.select("#tab-open").attr("aria-current")).isEqualTo("page");
            assertThat(numbers(home)).isEqualTo(numbers(alice, "/portal/jobs"));
            // customers are sent here after signing in
            HttpResponse<String> signIn = portal.visitor().signIn(ALICE, com.fieldservice.portal.support.TestAccounts.PASSWORD);
            assertThat(signIn.headers().firstValue("Location")).hasValue("/portal");
        }
    }

    @Nested
    class CompaniesApart {
        @Test
        void bobGets404OnEveryAcmeNumberAndAliceOnGlobexs() {
            for (int number : List.of(PLANNED, RECEIVED, DONE, CANCELLED, IN_PROGRESS, WAITING, CHILD, XSS, MOBILE, FIRST_BULK)) {
                HttpResponse<String> answer = bob.get("/portal/jobs/" + number);
                assertThat(answer.statusCode()).as("Bob on " + number).isEqualTo(404);
                assertThat(answer.body()).doesNotContain(ACME_MARK);
            }
            HttpResponse<String> answer = alice.get("/portal/jobs/" + GLOBEX_JOB);
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(GLOBEX_MARK);
            // the same answer as for a number nobody has, and as for no number at all
            assertThat(alice.get("/portal/jobs/999999").statusCode()).isEqualTo(404);
            assertThat(alice.get("/portal/jobs/not-a-number").statusCode()).isEqualTo(404);
            assertThat(alice.get("/portal/jobs/99999999999999").statusCode()).isEqualTo(404);
        }

        @Test
        void bobsListsSearchesFiltersAndCsvHoldOnlyGlobex() {
            List<String> paths = List.of("/portal/jobs", "/portal/jobs?tab=closed", "/portal/jobs?q=" + PLANNED,
                    "/portal/jobs?q=PO-SHARED", "/portal/jobs?q=ACME", "/portal/jobs?installation=" + ACME_BOILER,
                    "/portal/jobs?tab=closed&installation=" + ACME_BOILER, "/portal/jobs?location=Antwerpen",
                    "/portal/jobs.csv", "/portal/jobs.csv?tab=closed", "/portal/jobs.csv?installation=" + ACME_LIFT,
                    "/portal/lookup?customer_reference=ACME-UNIQUE", "/portal/lookup?customer_reference=PO-SHARED");
            for (String path : paths) {
                HttpResponse<String> answer = ok(bob, path);
                assertThat(answer.body()).as(path).doesNotContain(ACME_MARK).doesNotContain("Acme");
            }
            assertThat(numbers(bob, "/portal/jobs")).containsExactly(GLOBEX_JOB);
            assertThat(numbers(bob, "/portal/jobs?installation=" + ACME_BOILER)).isEmpty();
            assertThat(numbers(bob, "/portal/jobs?q=" + PLANNED)).isEmpty();
            assertThat(page(bob, "/portal/lookup?customer_reference=ACME-UNIQUE").select("#lookup-none")).hasSize(1);
            // the installation filter offers only Globex's installations
            assertThat(page(bob, "/portal/jobs").select("#installation option").eachText())
                    .containsExactly("All installations", "Globex freezer GLOBEX-ONLY");
        }

        @Test
        void aliceNeverSeesGlobexByReferenceInstallationOrSearch() {
            List<String> paths = List.of("/portal/jobs", "/portal/jobs?q=GLOBEX-REF", "/portal/jobs?q=" + GLOBEX_JOB,
                    "/portal/jobs?installation=" + GLOBEX_FREEZER, "/portal/jobs.csv?installation=" + GLOBEX_FREEZER,
                    "/portal/jobs?location=Li%C3%A8ge", "/portal/lookup?customer_reference=GLOBEX-REF",
                    "/portal/lookup?customer_reference=globex-ref");
            for (String path : paths) {
                HttpResponse<String> answer = ok(alice, path);
                assertThat(answer.body()).as(path).doesNotContain(GLOBEX_MARK).doesNotContain("Globex");
            }
            assertThat(numbers(alice, "/portal/jobs?installation=" + GLOBEX_FREEZER)).isEmpty();
            Document none = page(alice, "/portal/lookup?customer_reference=GLOBEX-REF");
            assertThat(none.select("#lookup-none").text()).contains("GLOBEX-REF");
            String csv = ok(alice, "/portal/jobs.csv?installation=" + GLOBEX_FREEZER).body();
            assertThat(csv.lines()).hasSize(1);
        }

        @Test
        void aContactWhoSeesOnlyTheirRequestsSeesOnlyThose() {
            assertThat(numbers(olivia, "/portal/jobs")).containsExactlyInAnyOrder(PLANNED, CHILD);
            assertThat(numbers(olivia, "/portal/jobs?tab=closed")).isEmpty();
            assertThat(olivia.get("/portal/jobs/" + PLANNED).statusCode()).isEqualTo(200);
            for (int number : List.of(RECEIVED, DONE, IN_PROGRESS, XSS, FIRST_BULK, GLOBEX_JOB)) {
                assertThat(olivia.get("/portal/jobs/" + number).statusCode()).as("Olivia on " + number).isEqualTo(404);
            }
            // PO-SHARED is on two Acme work orders; only one is hers, so the lookup opens it
            HttpResponse<String> lookup = olivia.get("/portal/lookup?customer_reference=po-shared");
            assertThat(lookup.statusCode()).isEqualTo(303);
            assertThat(lookup.headers().firstValue("Location")).hasValue("/portal/jobs/" + PLANNED);
            assertThat(ok(olivia, "/portal/jobs.csv").body().lines().skip(1).map(l -> l.split(",")[0]))
                    .containsExactlyInAnyOrder(String.valueOf(PLANNED), String.valueOf(CHILD));
        }
    }

    @Nested
    class InternalFieldsStayInternal {
        @Test
        void noSentinelInAnyPortalPageOrCsv() {
            List<String> paths = new ArrayList<>(List.of("/portal/jobs", "/portal/jobs?tab=closed",
                    "/portal/jobs?page=2", "/portal/jobs.csv", "/portal/jobs.csv?tab=closed",
                    "/portal/lookup?customer_reference=PO-SHARED", "/portal/lookup?customer_reference=nothing",
                    "/portal/jobs?q=SENTINEL", "/portal/jobs?sort=status&dir=asc"));
            for (int number : List.of(PLANNED, RECEIVED, DONE, CANCELLED, IN_PROGRESS, WAITING, CHILD, XSS, MOBILE,
                    REQUESTED_ELSEWHERE)) {
                paths.add("/portal/jobs/" + number);
                paths.add("/portal/jobs/" + number + "/activity");
            }
            for (String path : paths) {
                String body = ok(alice, path).body();
                for (String sentinel : SENTINELS) {
                    assertThat(body).as(path + " must not show " + sentinel).doesNotContainIgnoringCase(sentinel);
                }
            }
            for (WebSession who : List.of(bob, olivia)) {
                for (String path : List.of("/portal/jobs", "/portal/jobs.csv", "/portal/jobs/" + GLOBEX_JOB,
                        "/portal/jobs/" + PLANNED)) {
                    String body = who.get(path).body();
                    SENTINELS.forEach(sentinel -> assertThat(body).as(path).doesNotContainIgnoringCase(sentinel));
                }
            }
        }

        @Test
        void theTeamsReplyReadsUnderTheTeamAndAFirstNameAndItsInternalEntriesAreNeverThere() {
            Document detail = page(alice, "/portal/jobs/" + PLANNED);
            assertThat(detail.select("#conversation-timeline .job-comment-text").eachText()).containsExactly(REPLY);
            assertThat(detail.select("#conversation-timeline .job-comment .timeline-author").text()).isEqualTo("Service team · Tomasz");
            assertThat(detail.select("#conversation-timeline [data-visibility=internal]")).isEmpty();
            assertThat(detail.select("#conversation-timeline [data-kind=file]")).isEmpty();
            assertThat(alice.getBytes("/portal/jobs/" + PLANNED + "/files/" + INTERNAL_FILE).statusCode()).isEqualTo(404);
            // the same entries, for the back office, are there: the customer's view leaves them out, not the data
            int internal = portal.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM job_comment WHERE visibility = 'internal'").mapTo(Integer.class).one());
            assertThat(internal).isEqualTo(2);
        }

        @Test
        void aTechnicianIsNamedByFirstNameOnly() {
            Document detail = page(alice, "/portal/jobs/" + PLANNED);
            assertThat(detail.select("#visits").text()).contains("Tomasz").doesNotContain("Sentinel-Lastname");
            assertThat(page(alice, "/portal/jobs").select("#jobs-table").text()).contains("with Tomasz");
        }

        @Test
        void aRequesterFromAnotherCompanyIsNotNamed() {
            Document detail = page(alice, "/portal/jobs/" + REQUESTED_ELSEWHERE);
            assertThat(detail.select("#job-reported-by").text()).isEqualTo("—");
            assertThat(page(alice, "/portal/jobs/" + PLANNED).select("#job-reported-by").text()).isEqualTo("Olivia Own");
        }
    }

    @Nested
    class Statuses {
        @Test
        void eachWorkOrderShowsItsCustomerFacingStatus() {
            Map<Integer, String> expected = Map.of(PLANNED, "Scheduled", RECEIVED, "Received", DONE, "Done",
                    CANCELLED, "Cancelled", IN_PROGRESS, "In progress", WAITING, "Waiting");
            expected.forEach((number, label) -> {
                Document detail = page(alice, "/portal/jobs/" + number);
                assertThat(detail.select("#status-heading + p .badge").text()).as("status of " + number).isEqualTo(label);
            });
            Document open = page(alice, "/portal/jobs?q=" + PLANNED);
            assertThat(open.select("#jobs-table tbody .badge").text()).isEqualTo("Scheduled");
            // the internal status's name is never shown
            assertThat(page(alice, "/portal/jobs/" + PLANNED).text()).doesNotContain("SENTINEL-STATUS-NAME");
        }

        @Test
        void theTimelineMarksTheCurrentStep() {
            assertThat(page(alice, "/portal/jobs/" + PLANNED).select("#timeline li[aria-current=step]").text())
                    .startsWith("Scheduled");
            assertThat(page(alice, "/portal/jobs/" + WAITING).select("#timeline li[aria-current=step]").text())
                    .startsWith("In progress");
            Document cancelled = page(alice, "/portal/jobs/" + CANCELLED);
            assertThat(cancelled.select("#timeline li").eachText()).hasSize(2);
            assertThat(cancelled.select("#timeline li[aria-current=step]").text()).startsWith("Cancelled");
            Document done = page(alice, "/portal/jobs/" + DONE);
            assertThat(done.select("#timeline li.step-complete")).hasSize(4);
        }
    }

    @Nested
    class TheList {
        @Test
        void openAndClosedTabs() {
            List<Integer> open = numbers(alice, "/portal/jobs?q=ACME-ONLY&page=1");
            assertThat(open).contains(PLANNED, RECEIVED, IN_PROGRESS, WAITING).doesNotContain(DONE, CANCELLED);
            List<Integer> closed = numbers(alice, "/portal/jobs?tab=closed");
            assertThat(closed).containsExactlyInAnyOrder(DONE, CANCELLED);
            Document closedPage = page(alice, "/portal/jobs?tab=closed");
            assertThat(closedPage.select("#tab-closed").attr("aria-current")).isEqualTo("page");
            assertThat(closedPage.select("#jobs-table thead").text()).contains("Closed on").doesNotContain("Next visit");
        }

        @Test
        void columnsOfARow() {
            Element row = page(alice, "/portal/jobs?q=" + PLANNED).selectFirst("#jobs-table tbody tr");
            assertThat(row.select("td").eachText()).containsExactly(String.valueOf(PLANNED),
                    "Boiler makes a noise ACME-ONLY", "Acme main boiler", "Scheduled", "5 Jan 2030",
                    "Mon 4 May 2099, 09:30 with Tomasz", "PO-SHARED");
        }

        @Test
        void searchByReferenceNumberAndText() {
            assertThat(numbers(alice, "/portal/jobs?q=po-shared")).containsExactlyInAnyOrder(PLANNED, RECEIVED);
            assertThat(numbers(alice, "/portal/jobs?q=%23" + RECEIVED)).containsExactly(RECEIVED);
            assertThat(numbers(alice, "/portal/jobs?tab=closed&q=" + DONE)).containsExactly(DONE);
            assertThat(numbers(alice, "/portal/jobs?q=banging")).containsExactly(PLANNED);
            assertThat(numbers(alice, "/portal/jobs?q=stuck+between")).containsExactly(RECEIVED);
            // wildcards are taken literally
            assertThat(numbers(alice, "/portal/jobs?q=%25")).isEmpty();
            Document none = page(alice, "/portal/jobs?q=nothing-like-this");
            assertThat(none.select("#jobs-empty").text()).contains("No work orders match");
            assertThat(none.select("#q").val()).isEqualTo("nothing-like-this");
        }

        @Test
        void filterByInstallationAndLocation() {
            assertThat(numbers(alice, "/portal/jobs?installation=" + ACME_BOILER))
                    .containsExactlyInAnyOrder(PLANNED, IN_PROGRESS, WAITING, CHILD);
            assertThat(numbers(alice, "/portal/jobs?installation=not-a-uuid")).isEmpty();
            assertThat(numbers(alice, "/portal/jobs?location=antw")).containsExactlyInAnyOrder(PLANNED, IN_PROGRESS, WAITING, CHILD);
            assertThat(numbers(alice, "/portal/jobs?location=boiler+room")).containsExactlyInAnyOrder(PLANNED, IN_PROGRESS, WAITING, CHILD);
            // a mobile installation's work order is where it carries its own address
            assertThat(numbers(alice, "/portal/jobs?location=Brugge")).containsExactly(MOBILE);
            Document filtered = page(alice, "/portal/jobs?installation=" + ACME_BOILER);
            assertThat(filtered.select("#installation option[selected]").text()).isEqualTo("Acme main boiler");
            assertThat(filtered.select("#location-suggestions option").eachAttr("value")).containsExactly("Antwerpen", "Gent");
        }

        @Test
        void sortBothWays() {
            String base = "/portal/jobs?installation=" + ACME_BOILER;
            assertThat(numbers(alice, base + "&sort=number&dir=asc")).containsExactly(PLANNED, IN_PROGRESS, WAITING, CHILD);
            assertThat(numbers(alice, base + "&sort=number&dir=desc")).containsExactly(CHILD, WAITING, IN_PROGRESS, PLANNED);
            assertThat(numbers(alice, base + "&sort=reported&dir=asc")).containsExactly(PLANNED, CHILD, IN_PROGRESS, WAITING);
            assertThat(numbers(alice, base + "&sort=status&dir=asc")).containsExactly(CHILD, PLANNED, IN_PROGRESS, WAITING);
            assertThat(numbers(alice, base + "&sort=status&dir=desc")).containsExactly(WAITING, IN_PROGRESS, PLANNED, CHILD);
            assertThat(numbers(alice, base + "&sort=visit&dir=asc").get(0)).isEqualTo(PLANNED);
            assertThat(numbers(alice, base + "&sort=visit&dir=desc").get(0)).isEqualTo(PLANNED);
            // closed tab: by the date closed (both closed as inserted, the cancelled one last)
            assertThat(numbers(alice, "/portal/jobs?tab=closed&sort=visit&dir=desc")).containsExactly(CANCELLED, DONE);
            // an unknown sort falls back to the default
            assertThat(alice.get(base + "&sort=drop+table&dir=sideways").statusCode()).isEqualTo(200);
            Document sorted = page(alice, base + "&sort=number&dir=asc");
            assertThat(sorted.select("th[aria-sort]").attr("aria-sort")).isEqualTo("ascending");
            assertThat(sorted.select("th[aria-sort] a").attr("href")).contains("sort=number").contains("dir=desc");
        }

        @Test
        void pagesOf25() {
            Document first = page(alice, "/portal/jobs");
            int open = 10 - 2 + BULK; // Acme's open work orders: all but the done and the cancelled one
            assertThat(first.select("#jobs-count").text()).isEqualTo(open + " work orders");
            assertThat(numbers(first)).hasSize(25);
            assertThat(first.select("#pagination").text()).contains("Page 1 of 2");
            String next = first.select("#pagination a[rel=next]").attr("href");
            Document second = page(alice, next);
            assertThat(numbers(second)).hasSize(open - 25).doesNotContainAnyElementsOf(numbers(first));
            assertThat(second.select("#pagination a[rel=prev]")).hasSize(1);
            Document past = page(alice, "/portal/jobs?page=99");
            assertThat(numbers(past)).isEmpty();
            assertThat(past.select("#jobs-count").text()).as("past the end, still the list's length").isEqualTo(open + " work orders");
            assertThat(alice.get("/portal/jobs?page=-3").statusCode()).isEqualTo(200);
        }

        @Test
        void csvHasTheSameRowsAsTheListWithOnlyVisibleColumns() {
            HttpResponse<String> answer = ok(alice, "/portal/jobs.csv?installation=" + ACME_BOILER + "&sort=number&dir=asc");
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
            assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
            String body = answer.body();
            assertThat(body).startsWith("\uFEFF");
            List<String> lines = body.substring(1).lines().toList();
            assertThat(lines.get(0)).isEqualTo("Number,Work order,Installation,Status,Reported on,Next visit,Technician,Your reference");
            assertThat(lines).hasSize(5);
            assertThat(lines.get(1)).isEqualTo("1001,Boiler makes a noise ACME-ONLY,Acme main boiler,Scheduled,2030-01-05,2099-05-04 09:30,Tomasz,PO-SHARED");
            // every page of the list, not just the first 25
            assertThat(ok(alice, "/portal/jobs.csv").body().lines().count()).isEqualTo(1 + 10 - 2 + BULK);
            String closed = ok(alice, "/portal/jobs.csv?tab=closed").body();
            assertThat(closed.lines().findFirst().orElseThrow()).contains("Closed on");
            // hostile cells are quoted and can't become formulas
            String xss = ok(alice, "/portal/jobs.csv?q=" + XSS).body();
            assertThat(xss).contains("\"\"\"><img src=x onerror=alert(1)>\"");
        }
    }

    @Nested
    class OneWorkOrder {
        @Test
        void everythingACustomerNeedsOnOnePage() {
            Document detail = page(alice, "/portal/jobs/" + PLANNED);
            assertThat(detail.title()).isEqualTo("Work order " + PLANNED);
            assertThat(detail.select("#job-name").text()).isEqualTo("Boiler makes a noise ACME-ONLY");
            assertThat(detail.select("#job-description").text()).isEqualTo("Loud banging when it starts.");
            assertThat(detail.select("#job-reference").text()).isEqualTo("PO-SHARED");
            assertThat(detail.select("#installation-name").text()).isEqualTo("Acme main boiler");
            assertThat(detail.text()).contains("SN-BOILER-1", "Boiler room, level -1");
            assertThat(detail.select("#job-address").text()).isEqualTo("Acme head office Haven 1050 2030 Antwerpen Belgium");
            assertThat(detail.select("#visits li").text())
                    .isEqualTo("Mon 4 May 2099, 09:30–11:30 Technician: Tomasz Add to my calendar");
            assertThat(detail.select("#visits li a.visit-calendar").attr("href"))
                    .isEqualTo("/portal/jobs/" + PLANNED + "/visits/1/calendar.ics");
            assertThat(detail.select("#children li").text()).contains(String.valueOf(CHILD), "Replace the pressure gauge", "Received");
            assertThat(detail.select("div#job-customer-actions")).hasSize(1);
        }

        @Test
        void aMobileInstallationsWorkOrderShowsItsOwnAddress() {
            Document detail = page(alice, "/portal/jobs/" + MOBILE);
            assertThat(detail.select("#job-address").text()).isEqualTo("Festival site Zeedijk 12 8000 Brugge");
            assertThat(detail.select("#no-visits")).hasSize(1);
        }
    }

    @Nested
    class Lookup {
        @Test
        void oneMatchOpensIt() {
            HttpResponse<String> answer = alice.get("/portal/lookup?customer_reference=acme-unique");
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).hasValue("/portal/jobs/" + DONE);
        }

        @Test
        void severalAreListed() {
            Document several = page(alice, "/portal/lookup?customer_reference=PO-SHARED");
            assertThat(several.select("#lookup-several")).hasSize(1);
            assertThat(numbers(several)).containsExactlyInAnyOrder(PLANNED, RECEIVED);
            assertThat(several.select("#customer_reference").val()).isEqualTo("PO-SHARED");
        }

        @Test
        void noneSaysSoAndKeepsTheSearch() {
            Document none = page(alice, "/portal/lookup?customer_reference=PO-SHARE");
            assertThat(none.select("#lookup-none").text()).isEqualTo("None of your work orders has the reference “PO-SHARE”.");
            assertThat(none.select("#customer_reference").val()).isEqualTo("PO-SHARE");
            assertThat(none.select("#customer_reference").attr("aria-describedby")).contains("lookup-none");
            Document empty = page(alice, "/portal/lookup");
            assertThat(empty.select("#lookup-none")).isEmpty();
            assertThat(empty.select("label[for=customer_reference]")).hasSize(1);
        }
    }

    @Nested
    class HostileTextIsInert {
        @Test
        void markupInNameDescriptionReferenceAndInstallationRendersAsText() {
            List<String> paths = List.of("/portal/jobs", "/portal/jobs?q=alert", "/portal/jobs/" + XSS,
                    "/portal/lookup?customer_reference=" + java.net.URLEncoder.encode(IMG, java.nio.charset.StandardCharsets.UTF_8),
                    "/portal/jobs?installation=" + ACME_XSS_PUMP, "/portal/jobs?q=" + java.net.URLEncoder.encode(SCRIPT,
                            java.nio.charset.StandardCharsets.UTF_8));
            for (String path : paths) {
                HttpResponse<String> answer = alice.get(path);
                assertInert(answer.body(), path);
            }
            Document detail = page(alice, "/portal/jobs/" + XSS);
            assertThat(detail.select("#job-name").text()).isEqualTo(SCRIPT);
            assertThat(detail.select("#job-description").text()).isEqualTo(IMG);
            assertThat(detail.select("#job-reference").text()).isEqualTo(IMG);
            assertThat(detail.select("#installation-name").text()).isEqualTo(SCRIPT + " pump");
            Document list = page(alice, "/portal/jobs?q=" + XSS);
            assertThat(list.select("#jobs-table tbody td.portal-name").text()).isEqualTo(SCRIPT);
            assertThat(list.select("#installation option").eachText()).contains(SCRIPT + " pump");
        }
    }

    /** No script but the layout's own, no injected image, no inline event handler. */
    static void assertInert(String html, String where) {
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script").eachAttr("src")).as(where).allSatisfy(src -> assertThat(src).startsWith("/webjars/"));
        assertThat(doc.select("script")).as(where).allSatisfy(s -> assertThat(s.data()).isEmpty());
        assertThat(doc.select("img")).as(where).isEmpty();
        assertThat(doc.select("[onerror], [onload], [onclick]")).as(where).isEmpty();
        assertThat(doc.select("[style]")).as(where + ": no inline styles (CSP)").isEmpty();
    }
}
