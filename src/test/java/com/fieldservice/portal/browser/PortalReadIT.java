package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A customer on a phone and on a desktop: the work-order list, one work order, the lookup and tracking. */
class PortalReadIT {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        TestAccounts.customer(portal.jdbi(), "BROWSERCO", "casey@browser.test");
        portal.jdbi().useHandle(h -> h.createScript("""
                INSERT INTO db_address (id, company_id, name, street, street_number, city, zip)
                VALUES ('e0000000-0000-4000-8000-0000000000a1', (SELECT id FROM company WHERE code = 'BROWSERCO'),
                        'Head office', 'Avenue des Arts', '56', 'Bruxelles', '1000');
                INSERT INTO app_user (id, username, firstname, lastname) VALUES
                    ('e0000000-0000-4000-8000-0000000000e1', 'tech.browser', 'Sanne', 'Hidden');
                INSERT INTO project (id, company_id, db_address_id, name, serial_number, location)
                VALUES ('e0000000-0000-4000-8000-0000000000b1', (SELECT id FROM company WHERE code = 'BROWSERCO'),
                        'e0000000-0000-4000-8000-0000000000a1', 'Condensing boiler – Boiler house', 'VA-48-2023-00815',
                        'Basement, technical room 2');
                INSERT INTO jobs (id, id2, project_id, job_type_id, job_status_id, name, description, customer_reference,
                                  date_create)
                SELECT ('e0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 5000 + n,
                       'e0000000-0000-4000-8000-0000000000b1', (SELECT id FROM job_type WHERE code = 'REPAIR'),
                       (SELECT id FROM job_status WHERE code = (ARRAY['Planned','Open','InProgress','WaitingFurtherActions'])[1 + n % 4]),
                       'Boiler shows error F.28 and stops after a few minutes, heating out on floors ' || n,
                       'The boiler starts, runs for a few minutes and stops with error F.28. Reset helps for an hour.',
                       'PO-2026-' || lpad(n::text, 6, '0') || '-FACILITIES', now() - n * interval '1 day'
                  FROM generate_series(1, 30) n;
                INSERT INTO job_planning (job_id, app_user_id, date_start, date_end)
                SELECT id, 'e0000000-0000-4000-8000-0000000000e1', date_trunc('day', now()) + interval '3 days 8 hours',
                       date_trunc('day', now()) + interval '3 days 10 hours'
                  FROM jobs WHERE id2 % 4 = 0 AND id2 > 5000;
                """).execute());
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private static void signIn(Browser browser) {
        browser.driver().get(portal.url("/login"));
        browser.driver().findElement(By.id("username")).sendKeys("casey@browser.test");
        browser.driver().findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.driver().findElement(By.id("sign-in-submit")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("jobs-table")));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/portal");
    }

    @Test
    void onAPhone() {
        try (Browser browser = Browser.open(375, 812)) {
            signIn(browser);
            assertThat(browser.driver().findElements(By.cssSelector("#jobs-table tbody tr"))).hasSize(25);
            assertThat(browser.pageWidth()).as("list: no sideways scrolling on a phone").isLessThanOrEqualTo(375);
            browser.screenshot("portal-jobs-375.png");

            browser.driver().findElement(By.cssSelector("#jobs-table tbody tr td.portal-number a")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
            assertThat(browser.driver().findElement(By.id("job-name")).getText()).startsWith("Boiler shows error F.28");
            assertThat(browser.pageWidth()).as("detail: no sideways scrolling on a phone").isLessThanOrEqualTo(375);
            browser.screenshot("portal-job-375.png");

            browser.driver().get(portal.url("/portal/lookup?customer_reference=PO-NONE"));
            assertThat(browser.driver().findElement(By.id("lookup-none")).getText()).contains("PO-NONE");
            assertThat(browser.pageWidth()).isLessThanOrEqualTo(375);
            browser.screenshot("portal-lookup-375.png");

            browser.driver().get(portal.url("/portal/jobs?tab=closed"));
            assertThat(browser.pageWidth()).isLessThanOrEqualTo(375);
            browser.screenshot("portal-jobs-closed-375.png");
        }
    }

    @Test
    void onADesktop() {
        try (Browser browser = Browser.open(1280, 900)) {
            signIn(browser);
            assertThat(browser.driver().findElement(By.cssSelector("#jobs-table thead")).isDisplayed()).isTrue();
            assertThat(browser.pageWidth()).isLessThanOrEqualTo(1280);
            browser.screenshot("portal-jobs-1280.png");

            browser.driver().findElement(By.cssSelector("#jobs-table th a[href*='sort=number']")).click();
            browser.waiting().until(ExpectedConditions.urlContains("sort=number"));
            browser.driver().get(browser.driver().findElement(By.cssSelector("#pagination a[rel=next]")).getDomProperty("href"));
            browser.waiting().until(ExpectedConditions.urlContains("page=2"));
            browser.screenshot("portal-jobs-page2-1280.png");

            browser.driver().get(portal.url("/portal/jobs/5004"));
            assertThat(browser.driver().findElement(By.id("visits")).getText()).contains("Technician: Sanne")
                    .doesNotContain("Hidden");
            browser.screenshot("portal-job-1280.png");
        }
    }

    @Test
    void trackingWithoutAnAccountOnAPhone() {
        try (Browser browser = Browser.open(375, 812)) {
            browser.driver().get(portal.url("/track"));
            browser.driver().findElement(By.id("number")).sendKeys("5001");
            browser.driver().findElement(By.id("customer_reference")).sendKeys("po-2026-000001-facilities");
            browser.driver().findElement(By.id("track-submit")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("tracked-job")));
            assertThat(browser.pageWidth()).isLessThanOrEqualTo(375);
            browser.screenshot("track-375.png");
            browser.driver().findElement(By.id("customer_reference")).clear();
            browser.driver().findElement(By.id("customer_reference")).sendKeys("wrong " + UUID.randomUUID().toString().substring(0, 8));
            browser.driver().findElement(By.id("track-submit")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("track-error")));
            browser.screenshot("track-no-match-375.png");
        }
    }
}
