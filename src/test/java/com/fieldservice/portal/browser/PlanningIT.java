package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestPortal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The planning in a real headless Chromium: a planner plans a waiting work order from the board,
 * moves the visit to another day, is refused an overlap with another work order, and confirms the
 * job as Planned; Alice sees the visit on her work order and downloads it for her calendar.
 */
class PlanningIT {

    /** The week of Monday 4 May 2099, where nothing else is planned. */
    static final String WEEK = "2099-W19";

    static TestPortal portal;
    static Jdbi jdbi;
    static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        portal = TestPortal.start();
        jdbi = portal.jdbi();
        DemoData.fillIfEmpty(jdbi, 200);
        downloads = Files.createTempDirectory("portal-downloads");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    /** A work order of Acme's waiting to be planned, due before any other, so first on the board. */
    private static int waitingJob(String name) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO jobs (project_id, job_type_id, job_status_id, name, due_date)
                SELECT p.id, (SELECT id FROM job_type WHERE is_default LIMIT 1), (SELECT id FROM job_status WHERE code = 'ToBePlanned'),
                       :name, '2001-01-01'
                  FROM project p JOIN company c ON c.id = p.company_id
                 WHERE c.name LIKE 'Acme%' AND NOT p.is_mobile_installation AND p.db_address_id IS NOT NULL
                 ORDER BY p.id2 LIMIT 1
                RETURNING id2""").bind("name", name).mapTo(Integer.class).one());
    }

    @Test
    void aPlannerPlansMovesIsRefusedAnOverlapAndConfirmsAliceDownloadsTheVisit() throws Exception {
        // another work order already has T0001 on Thursday morning
        int other = waitingJob("Already planned elsewhere");
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                SELECT j.id, u.id, '2099-05-07 07:00+00', '2099-05-07 09:00+00' FROM jobs j, app_user u
                 WHERE j.id2 = ? AND u.code = 'T0001'""", other));
        int number = waitingJob("Heating stays cold in the offices");

        try (Browser planner = Browser.open(1400, 1000)) {
            planner.signIn(portal.url("/login"), "planner@demo.test", DemoData.DEMO_PASSWORD, "/backoffice");
            click(planner, By.id("nav-planning"));
            planner.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
            planner.driver().get(portal.url("/backoffice/planning?week=" + WEEK));
            WebElement waiting = planner.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#waiting li[data-number='" + number + "']")));
            click(planner, waiting.findElement(By.tagName("summary")));
            String form = "#waiting li[data-number='" + number + "'] form.plan-form ";
            planner.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(form + "input[name=technician]")))
                    .sendKeys("T0001");
            type(planner, By.cssSelector(form + "input[name=start]"), "2099-05-05T09:00");
            type(planner, By.cssSelector(form + "input[name=end]"), "2099-05-05T10:30");
            planner.assertAccessible("the planning board");
            click(planner, By.cssSelector(form + "button[type=submit]"));
            planner.waiting().until(ExpectedConditions.urlContains("visit-saved=" + number));
            WebElement planned = planner.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#board tr[data-technician='T0001'] td[data-day='2099-05-05'] a[href='/backoffice/jobs/" + number + "']")));
            assertThat(planned.getText()).startsWith(number + " · ").endsWith("09:00–10:30");
            assertThat(planner.driver().findElements(By.cssSelector("#waiting li[data-number='" + number + "']"))).isEmpty();
            planner.screenshot("planning-board-1400.png");

            // to the work order, and the visit to Wednesday
            click(planner, planned);
            planner.waiting().until(ExpectedConditions.urlContains("/backoffice/jobs/" + number));
            String row = "#visits tr.visit ";
            click(planner, By.cssSelector(row + "summary"));
            type(planner, By.cssSelector(row + "input[name=start]"), "2099-05-06T13:00");
            type(planner, By.cssSelector(row + "input[name=end]"), "2099-05-06T14:30");
            click(planner, By.cssSelector(row + "form.visit-form button[type=submit]"));
            planner.waiting().until(ExpectedConditions.urlContains("visit-saved"));
            assertThat(planner.driver().findElement(By.cssSelector(row)).getText()).contains("2099-05-06 13:00", "2099-05-06 14:30");

            // Thursday at 10:00 Brussels time is taken by the other work order
            click(planner, By.cssSelector(row + "summary"));
            type(planner, By.cssSelector(row + "input[name=start]"), "2099-05-07T10:00");
            type(planner, By.cssSelector(row + "input[name=end]"), "2099-05-07T11:00");
            click(planner, By.cssSelector(row + "form.visit-form button[type=submit]"));
            WebElement refusal = planner.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("visit-errors")));
            assertThat(refusal.getText()).contains("work order " + other);
            assertThat(planner.driver().findElement(By.cssSelector(row + "input[name=start]")).getAttribute("value"))
                    .isEqualTo("2099-05-07T10:00");
            assertThat(planner.driver().findElement(By.cssSelector(row + "input[name=allow_overlap]")).isDisplayed()).isTrue();
            planner.screenshot("planning-overlap-refused.png");

            // the visit stays on Wednesday; the work order is confirmed as Planned
            planner.driver().get(portal.url("/backoffice/jobs/" + number));
            assertThat(planner.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(row))).getText())
                    .contains("2099-05-06 13:00", "proposed");
            new org.openqa.selenium.support.ui.Select(planner.driver().findElement(By.id("new-status"))).selectByValue("Planned");
            click(planner, By.cssSelector("#status-form button[type=submit]"));
            planner.waiting().until(ExpectedConditions.urlContains("status-changed"));
            assertThat(planner.driver().findElement(By.cssSelector(row)).getText()).contains("confirmed");
        }

        try (Browser alice = Browser.open(1280, 900)) {
            alice.signIn(portal.url("/login"), "alice@acme.demo.test", DemoData.DEMO_PASSWORD, "/portal");
            alice.driver().get(portal.url("/portal/jobs/" + number));
            WebElement visit = alice.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#visits li")));
            assertThat(visit.getText()).contains("Wed 6 May 2099, 13:00–14:30", "Technician: ");
            assertThat(alice.driver().findElement(By.id("status-hint")).getText()).isEqualTo("A visit is planned.");
            alice.driver().executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            click(alice, By.cssSelector("#visits a.visit-calendar"));
            Path file = downloads.resolve("visit-" + number + "-1.ics");
            alice.waiting().until(driver -> Files.exists(file) && file.toFile().length() > 0);
            String ics = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;TZID=Europe/Brussels:20990506T130000\r\n",
                    "DTEND;TZID=Europe/Brussels:20990506T143000\r\n", "BEGIN:VTIMEZONE\r\n");
            alice.screenshot("planning-customer-visit.png");
        }
    }

    /** A date-and-time field takes its value as the form sends it (typing into it depends on the browser's locale). */
    private static void type(Browser browser, By field, String value) {
        WebElement input = browser.driver().findElement(field);
        browser.driver().executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private static void click(Browser browser, By what) {
        click(browser, browser.driver().findElement(what));
    }

    private static void click(Browser browser, WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
