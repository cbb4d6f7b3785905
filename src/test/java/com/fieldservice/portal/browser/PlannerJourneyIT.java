package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestPortal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A planner's morning in a real browser: a customer quotes their reference on the phone; the
 * planner finds the job, edits it with a mistake, sees the message, corrects it, moves it to
 * Suggested with a technician and a start, and sees the planned visit.
 */
class PlannerJourneyIT {

    static TestPortal portal;
    static int number;
    static String reference;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 300);
        Map<String, Object> job = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.id2, j.customer_reference FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE s.code = 'Open' AND j.customer_reference IS NOT NULL AND j.db_address_street IS NULL
                   AND (SELECT count(*) FROM jobs o WHERE lower(o.customer_reference) = lower(j.customer_reference)) = 1
                 ORDER BY j.id2 LIMIT 1""").mapToMap().one());
        number = (Integer) job.get("id2");
        reference = (String) job.get("customer_reference");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void findEditCorrectSuggestAndSeeThePlannedVisit() {
        try (Browser browser = Browser.open(1280, 1000)) {
            browser.signIn(portal.url("/login"), "planner@demo.test", DemoData.DEMO_PASSWORD, "/backoffice");

            // the customer quotes their reference on the phone
            browser.driver().findElement(By.id("quick-find-q")).sendKeys(reference.toLowerCase());
            browser.driver().findElement(By.cssSelector("#quick-find button[type=submit]")).click();
            browser.waiting().until(ExpectedConditions.urlMatches("/backoffice/jobs/" + number + "$"));
            browser.screenshot("planner-detail-1280.png");

            click(browser, By.id("edit-job"));
            browser.waiting().until(ExpectedConditions.urlContains("/edit"));
            WebElement estimate = browser.driver().findElement(By.id("estimated_time"));
            estimate.clear();
            estimate.sendKeys("-30");
            click(browser, By.id("save"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("estimated_time-error")));
            assertThat(browser.driver().findElement(By.id("estimated_time-error")).getText()).isEqualTo("May not be negative.");
            assertThat(browser.driver().findElement(By.id("error-summary")).getText()).contains("Estimated time");
            browser.screenshot("planner-edit-error-1280.png");

            estimate = browser.driver().findElement(By.id("estimated_time"));
            estimate.clear();
            estimate.sendKeys("90");
            // a technician (a suggestion with a start is the first visit), on a day without other visits
            Select technician = new Select(browser.driver().findElement(By.id("suggested_user_id")));
            technician.getOptions().stream().filter(option -> option.getText().endsWith("(T0001)")).findFirst().orElseThrow().click();
            String technicianName = technician.getFirstSelectedOption().getText().replaceAll(" \\(.*\\)$", "");
            WebElement start = browser.driver().findElement(By.id("suggested_date_start"));
            browser.driver().executeScript("arguments[0].value = '2098-12-15T09:30'", start);
            click(browser, By.id("save"));
            browser.waiting().until(ExpectedConditions.urlContains("?saved"));

            new Select(browser.driver().findElement(By.id("new-status"))).selectByValue("Suggested");
            click(browser, By.cssSelector("#status-form button[type=submit]"));
            browser.waiting().until(ExpectedConditions.urlContains("?status-changed"));

            assertThat(browser.driver().findElement(By.id("job-status")).getText()).isEqualTo("Suggested");
            String visits = browser.driver().findElement(By.id("visits")).getText();
            assertThat(visits).contains(technicianName).contains("2098-12-15 09:30").contains("2098-12-15 11:00");
            assertThat(browser.driver().findElement(By.id("history")).getText()).contains("Estimated time:", "→ 90 minutes").doesNotContain("estimated_time");
            browser.screenshot("planner-suggested-1280.png");
        }
    }

    private static void click(Browser browser, By target) {
        WebElement element = browser.driver().findElement(target);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
