package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A planner types 09:30 for a suggested start; the planner's page and, once it is a planned
 * visit, the customer's page both read 09:30 (Brussels, the default business zone), with the
 * portal's JVM set to UTC or to Tokyo.
 */
class BusinessTimeZoneIT {

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Tokyo"})
    void plannerAndCustomerReadWhatThePlannerTyped(String machineZone) {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(machineZone));
        try (TestPortal portal = TestPortal.start(); Browser browser = Browser.open(1280, 1000)) {
            DemoData.fillIfEmpty(portal.jdbi(), 100);
            int installation = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT p.id2 FROM project p JOIN company c ON c.id = p.company_id
                     WHERE c.code = 'ACME' AND NOT p.is_mobile_installation ORDER BY p.id2 LIMIT 1""").mapTo(Integer.class).one());

            signIn(browser, portal, "planner@demo.test", "/backoffice");
            browser.driver().get(portal.url("/backoffice/jobs/new"));
            browser.driver().findElement(By.id("project_search")).sendKeys("#" + installation);
            browser.driver().findElement(By.id("name")).sendKeys("Pressure drops at night");
            // a technician: at Suggested, the suggestion becomes a visit
            new Select(browser.driver().findElement(By.id("suggested_user_id")))
                    .selectByValue(TestAccounts.technician(portal.jdbi()));
            // Chromium's datetime-local widget types by the browser's locale; set the value it would send
            WebElement start = browser.driver().findElement(By.id("suggested_date_start"));
            browser.driver().executeScript("arguments[0].value = '2099-06-15T09:30'", start);
            click(browser, By.id("save"));
            browser.waiting().until(ExpectedConditions.urlContains("?created"));
            assertThat(browser.driver().findElement(By.id("suggested-date-start")).getText()).isEqualTo("2099-06-15 09:30");
            int number = Integer.parseInt(browser.driver().getCurrentUrl().replaceAll(".*/jobs/(\\d+).*", "$1"));

            moveTo(browser, "Suggested");
            assertThat(browser.driver().findElement(By.id("visits")).getText()).contains("2099-06-15 09:30", "2099-06-15 10:30");
            browser.screenshot("time-zone-planner-" + machineZone.replace('/', '-') + ".png");

            // the suggestion is the job's first visit: Planned confirms it for the customer
            moveTo(browser, "Planned");
            click(browser, By.id("sign-out"));
            browser.waiting().until(ExpectedConditions.urlContains("/login"));

            signIn(browser, portal, "alice@acme.demo.test", "/portal");
            browser.driver().get(portal.url("/portal/jobs/" + number));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("visits")));
            assertThat(browser.driver().findElement(By.id("visits")).getText()).contains("15 Jun 2099, 09:30–10:30");
            browser.screenshot("time-zone-customer-" + machineZone.replace('/', '-') + ".png");
        } finally {
            TimeZone.setDefault(before);
        }
    }

    private static void signIn(Browser browser, TestPortal portal, String username, String landing) {
        browser.signIn(portal.url("/login"), username, DemoData.DEMO_PASSWORD, landing);
    }

    private static void moveTo(Browser browser, String status) {
        new Select(browser.driver().findElement(By.id("new-status"))).selectByValue(status);
        click(browser, By.cssSelector("#status-form button[type=submit]"));
        browser.waiting().until(ExpectedConditions.urlContains("?status-changed"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("job-status"), status));
    }

    private static void click(Browser browser, By target) {
        WebElement element = browser.driver().findElement(target);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
