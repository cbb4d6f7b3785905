package com.fieldservice.portal.browser;

import com.fieldservice.portal.support.FormValues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two planners edit one work order; the one in the browser saves second, gets the conflict
 * page, chooses per field and saves: what the browser posts back from that page (hidden values,
 * multi-line text, the radios) is what gets saved.
 */
class EditConflictIT {

    static TestPortal portal;
    static int number;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 300);
        TestAccounts.staff(portal.jdbi(), "colleague@conflict.test", "planner");
        number = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE s.code = 'Open' AND j.db_address_street IS NULL ORDER BY j.id2 LIMIT 1""").mapTo(Integer.class).one());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void theSecondToSaveChoosesPerFieldAndLosesNothing() {
        try (Browser browser = Browser.open(1280, 1000)) {
            browser.signIn(portal.url("/login"), "planner@demo.test", DemoData.DEMO_PASSWORD, "/backoffice");
            browser.driver().get(portal.url("/backoffice/jobs/" + number + "/edit"));

            WebSession colleague = portal.signedIn("colleague@conflict.test");
            Map<String, String> theirs = FormValues.of(colleague.get("/backoffice/jobs/" + number + "/edit").body());
            theirs.put("name", "Their name");
            theirs.put("internal_memo", "Their memo");
            assertThat(colleague.post("/backoffice/jobs/" + number + "/edit", theirs).statusCode()).isEqualTo(303);

            replace(browser, "name", "My name");
            replace(browser, "prejob_information", "First line\nSecond line");
            click(browser, By.id("save"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
            assertThat(browser.driver().findElement(By.cssSelector("#change-name .theirs")).getText()).isEqualTo("Their name");
            assertThat(browser.driver().findElement(By.cssSelector("#change-name .yours")).getText()).isEqualTo("My name");
            browser.assertAccessible("the edit-conflict page");
            browser.screenshot("planner-edit-conflict-1280.png");

            click(browser, By.id("name-theirs"));
            click(browser, By.id("save"));
            browser.waiting().until(ExpectedConditions.urlContains("?saved"));
        }
        Map<String, Object> job = portal.jdbi().withHandle(h -> h.createQuery(
                "SELECT name, internal_memo, prejob_information FROM jobs WHERE id2 = ?").bind(0, number).mapToMap().one());
        assertThat(job).containsEntry("name", "Their name").containsEntry("internal_memo", "Their memo")
                .containsEntry("prejob_information", "First line\nSecond line");
    }

    private static void replace(Browser browser, String field, String text) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private static void click(Browser browser, By target) {
        WebElement element = browser.driver().findElement(target);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
