package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestPortal;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A customer reports a problem with a photo in a real headless Chromium, on a phone and on a desktop. */
class ReportIT {

    static TestPortal portal;
    static Path photo;

    @BeforeAll
    static void start() throws Exception {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 200);
        photo = Files.createTempFile("boiler-", ".png");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, new Color(200, x * 3, y * 5).getRGB());
            }
        }
        ImageIO.write(image, "png", photo.toFile());
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
        Files.deleteIfExists(photo);
    }

    @Test
    void aliceReportsAProblemWithAPhotoOnHerPhone() {
        report(375, 812, "PO-PHONE-1", "375");
    }

    /**
     * Alice (Acme) reports a problem with a photo and her own reference, sees it in her open list
     * and finds it by her reference; Bob (Globex) reaches it neither by number, nor URL, nor
     * lookup; /track shows it for the right pair and nothing for a wrong one.
     */
    @Test
    void aliceReportsFindsItByHerReferenceAndBobCannotReachIt() {
        int number = report(1280, 900, "PO-DESK-1", "1280");
        try (Browser alice = signedIn("alice@acme.demo.test")) {
            alice.driver().get(portal.url("/portal/jobs"));
            alice.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("jobs-table")));
            assertThat(alice.driver().findElement(By.id("jobs-table")).getText()).contains(String.valueOf(number), "PO-DESK-1");

            alice.driver().get(portal.url("/portal/lookup"));
            alice.driver().findElement(By.id("customer_reference")).sendKeys("po-desk-1");
            alice.driver().findElement(By.id("lookup-submit")).click();
            alice.waiting().until(ExpectedConditions.urlContains("/portal/jobs/" + number));
        }
        try (Browser bob = signedIn("bob@globex.demo.test")) {
            bob.driver().get(portal.url("/portal/jobs/" + number));
            bob.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(bob.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
            assertThat(bob.driver().getPageSource()).doesNotContain("PO-DESK-1");

            bob.driver().get(portal.url("/portal/lookup?customer_reference=PO-DESK-1"));
            bob.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lookup-none")));
            bob.driver().get(portal.url("/portal/jobs?q=PO-DESK-1"));
            bob.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(bob.driver().findElements(By.cssSelector("a[href='/portal/jobs/" + number + "']"))).isEmpty();
        }
        try (Browser stranger = Browser.open(1280, 900)) {
            track(stranger, String.valueOf(number), "po-desk-1");
            stranger.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tracked-job")));
            assertThat(stranger.driver().findElement(By.id("tracked-heading")).getText()).contains(String.valueOf(number));
            stranger.screenshot("track-found-1280.png");

            track(stranger, String.valueOf(number), "PO-SOMEONE-ELSE");
            stranger.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("track-error")));
            assertThat(stranger.driver().findElements(By.id("tracked-job"))).isEmpty();
            assertThat(stranger.driver().findElement(By.id("track-error")).getText())
                    .isEqualTo("No work order matches this number and reference.");
        }
    }

    private static Browser signedIn(String username) {
        Browser browser = Browser.open(1280, 900);
        browser.signIn(portal.url("/login"), username, DemoData.DEMO_PASSWORD, "/portal");
        return browser;
    }

    private static void track(Browser browser, String number, String reference) {
        browser.driver().get(portal.url("/track"));
        browser.driver().findElement(By.id("number")).sendKeys(number);
        browser.driver().findElement(By.id("customer_reference")).sendKeys(reference);
        browser.driver().findElement(By.id("track-submit")).click();
    }

    private int report(int width, int height, String reference, String size) {
        try (Browser browser = Browser.open(width, height)) {
            browser.driver().get(portal.url("/login?next=/portal/report"));
            browser.driver().findElement(By.id("username")).sendKeys("alice@acme.demo.test");
            browser.driver().findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
            browser.driver().findElement(By.id("sign-in-submit")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/portal"));
            browser.driver().get(portal.url("/portal/report"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
            assertThat(browser.driver().getTitle()).isEqualTo("Report a problem");

            chooseAnInstallation(browser, portal);
            browser.driver().findElement(By.id("description")).sendKeys("The boiler shows error F28 and the radiators are cold.");
            browser.driver().findElement(By.id("customer_reference")).sendKeys(reference);
            browser.driver().findElement(By.id("files")).sendKeys(photo.toAbsolutePath().toString());
            assertThat(browser.pageWidth()).as("no sideways scrolling").isLessThanOrEqualTo(width);
            browser.driver().executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
            browser.screenshot("report-form-" + size + ".png");

            WebElement submit = browser.driver().findElement(By.id("report-submit"));
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", submit);
            submit.click();
            browser.waiting().until(ExpectedConditions.urlContains("/portal/report/done/"));

            String number = browser.driver().findElement(By.id("job-number")).getText();
            assertThat(number).matches("#\\d+");
            assertThat(browser.driver().findElement(By.id("follow-job")).getAttribute("href"))
                    .endsWith("/portal/jobs/" + number.substring(1));
            assertThat(browser.pageWidth()).as("no sideways scrolling").isLessThanOrEqualTo(width);
            browser.screenshot("report-done-" + size + ".png");

            int id2 = Integer.parseInt(number.substring(1));
            String saved = portal.jdbi().withHandle(h -> h.createQuery("""
                    SELECT j.customer_reference || ' ' || a.content_type FROM jobs j JOIN job_attachment a ON a.job_id = j.id
                     WHERE j.id2 = :n""").bind("n", id2).mapTo(String.class).one());
            assertThat(saved).isEqualTo(reference + " image/png");
            return id2;
        }
    }

    /** A select when the company has few installations; otherwise a search, then a radio button. */
    static void chooseAnInstallation(Browser browser, TestPortal portal) {
        if (!browser.driver().findElements(By.cssSelector("select#project_id")).isEmpty()) {
            new Select(browser.driver().findElement(By.id("project_id"))).selectByIndex(1);
            return;
        }
        String name = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT p.serial_number FROM project p JOIN company c ON c.id = p.company_id
                 WHERE c.code = 'ACME' AND NOT p.is_mobile_installation AND p.serial_number IS NOT NULL
                 ORDER BY p.id2 LIMIT 1""").mapTo(String.class).one());
        browser.driver().findElement(By.id("q")).sendKeys(name);
        browser.driver().findElement(By.id("search-installations")).click();
        browser.waiting().until(ExpectedConditions.urlContains("q="));
        WebElement first = browser.driver().findElement(By.cssSelector("input[name=project_id]:not([value=mobile])"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", first);
        first.click();
    }
}
