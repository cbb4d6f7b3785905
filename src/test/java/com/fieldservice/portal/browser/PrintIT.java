package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestPortal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A work order printed (print media emulated through Chrome DevTools): the back office's and the
 * customer's pages lose the navigation, the buttons and the forms, and keep what a technician
 * needs on site.
 */
class PrintIT {

    @Test
    void workOrdersPrintWithoutNavigationButWithWhatTheTechnicianNeeds() {
        try (TestPortal portal = TestPortal.start(); Browser browser = Browser.open(1280, 1000)) {
            DemoData.fillIfEmpty(portal.jdbi(), 100);
            int number = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT j.id2 FROM jobs j JOIN company c ON c.id = j.company_id
                     WHERE c.code = 'ACME' AND j.description IS NOT NULL ORDER BY j.id2 LIMIT 1""").mapTo(Integer.class).one());

            signIn(browser, portal, "planner@demo.test", "/backoffice");
            browser.driver().get(portal.url("/backoffice/jobs/" + number));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("job-actions")));
            assertThat(displayed(browser, "header nav", "#job-actions", "#edit-job")).containsOnly(true);
            printMedia(browser);
            assertThat(displayed(browser, "header nav", "#job-actions", "#edit-job", "footer", ".breadcrumb")).containsOnly(false);
            assertThat(displayed(browser, "h1", "#job-status", "#project-id", "#address", "#contact-id", "#description",
                    "#prejob-information", "#due-date", "#skill-id", "#visits")).containsOnly(true);
            browser.screenshot("print-backoffice-job.png");
            screenMedia(browser);
            browser.driver().findElement(By.id("sign-out")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/login"));

            signIn(browser, portal, "alice@acme.demo.test", "/portal");
            browser.driver().get(portal.url("/portal/jobs/" + number));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("job-name")));
            printMedia(browser);
            assertThat(displayed(browser, "header nav", "footer", "#back-to-list")).containsOnly(false);
            assertThat(browser.driver().findElements(By.cssSelector("main form, main .btn")).stream()
                    .filter(WebElement::isDisplayed).toList()).isEmpty();
            assertThat(displayed(browser, "#job-name", "#status-hint", "#installation-name", "#visits-heading",
                    "#job-description")).containsOnly(true);
            browser.screenshot("print-customer-job.png");
        }
    }

    private static void printMedia(Browser browser) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    }

    private static void screenMedia(Browser browser) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    private static List<Boolean> displayed(Browser browser, String... selectors) {
        return java.util.Arrays.stream(selectors).map(selector -> {
            List<WebElement> found = browser.driver().findElements(By.cssSelector(selector));
            assertThat(found).as(selector).isNotEmpty();
            return found.get(0).isDisplayed();
        }).toList();
    }

    private static void signIn(Browser browser, TestPortal portal, String username, String landing) {
        browser.signIn(portal.url("/login"), username, DemoData.DEMO_PASSWORD, landing);
    }
}
