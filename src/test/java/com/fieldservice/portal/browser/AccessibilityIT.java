package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestPortal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core on every page a customer sees, at phone and desktop width: no serious or critical
 * violation, and nothing wider than the phone's screen. Screenshots land in target/screenshots.
 */
class AccessibilityIT {

    static TestPortal portal;
    static int acmeJob;
    static String acmeReference;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 300);
        acmeJob = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT min(j.id2) FROM jobs j JOIN company c ON c.id = j.company_id
                 WHERE c.code = 'ACME' AND j.customer_reference IS NOT NULL""").mapTo(Integer.class).one());
        acmeReference = portal.jdbi().withHandle(h -> h.createQuery("SELECT customer_reference FROM jobs WHERE id2 = ?")
                .bind(0, acmeJob).mapTo(String.class).one());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void everyCustomerPageIsAccessibleOnAPhoneAndADesktop() {
        List<String> pages = new ArrayList<>(List.of("/portal", "/portal/jobs?tab=closed", "/portal/jobs/" + acmeJob,
                "/portal/lookup?customer_reference=" + acmeReference, "/portal/lookup?customer_reference=nothing-like-this",
                "/portal/report", "/portal/report?q=boiler", "/portal/jobs/" + acmeJob + "/activity", "/account/password"));
        for (int width : new int[] {375, 1280}) {
            try (Browser browser = Browser.open(width, 900)) {
                for (String page : List.of("/login", "/track")) {
                    check(browser, page, width);
                }
                browser.signIn(portal.url("/login"), "alice@acme.demo.test", DemoData.DEMO_PASSWORD, "/portal");
                for (String page : pages) {
                    check(browser, page, width);
                }
            }
        }
    }

    private static void check(Browser browser, String page, int width) {
        browser.driver().get(portal.url(page));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        assertThat(browser.driver().findElements(By.cssSelector("main h1"))).as(page + " has a heading").isNotEmpty();
        browser.assertAccessible(page + " at " + width + " px");
        if (width < 800) {
            assertThat(browser.pageWidth()).as(page + ": no sideways scrolling").isLessThanOrEqualTo(width);
        }
        browser.screenshot("a11y-" + page.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + width + ".png");
    }
}
