package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.Settings;
import com.fieldservice.portal.web.Language;
import com.fieldservice.portal.web.Texts;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal in French and in Dutch in a real headless Chromium: Alice switches the sign-in page
 * to French, keeps French on her account, reports a problem and reads the confirmation and her
 * list in French with French dates; a planner reads the grid in Dutch, makes a mistake in a
 * work order and reads the message in Dutch.
 */
class LanguagesIT {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 200);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void aliceReportsAProblemInFrench() {
        try (Browser browser = Browser.open(1280, 900)) {
            browser.driver().get(portal.url("/login"));
            click(browser, By.cssSelector("#language-switcher a[hreflang=fr]"));
            browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "fr"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login?lang=fr");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Connexion");

            browser.driver().findElement(By.id("username")).sendKeys("alice@acme.demo.test");
            browser.driver().findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
            browser.driver().findElement(By.id("sign-in-submit")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/portal"));
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");

            // her own choice, kept on her account: the cookie of this browser no longer matters
            click(browser, By.id("current-user"));
            browser.waiting().until(ExpectedConditions.urlContains("/account"));
            new Select(browser.driver().findElement(By.id("language"))).selectByValue("fr");
            click(browser, By.id("save-language"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("language-saved")));
            assertThat(browser.driver().findElement(By.id("language-saved")).getText())
                    .isEqualTo("Désormais, le portail vous parle dans votre langue.");

            browser.driver().get(portal.url("/portal/report"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
            assertThat(browser.driver().getTitle()).isEqualTo("Signaler un problème");
            ReportIT.chooseAnInstallation(browser, portal);
            browser.driver().findElement(By.id("description")).sendKeys("La chaudière affiche l’erreur F28, les radiateurs sont froids.");
            browser.driver().findElement(By.id("customer_reference")).sendKeys("BC-FR-1");
            browser.screenshot("report-form-fr.png");
            click(browser, By.id("report-submit"));
            browser.waiting().until(ExpectedConditions.urlContains("/portal/report/done/"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .isEqualTo("Merci : nous avons bien reçu votre signalement");
            String number = browser.driver().findElement(By.id("job-number")).getText().substring(1);
            browser.screenshot("report-done-fr.png");

            browser.driver().get(portal.url("/portal/jobs"));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("jobs-table")));
            WebElement row = browser.driver().findElement(By.xpath(
                    "//table[@id='jobs-table']//tr[.//a[@href='/portal/jobs/" + number + "']]"));
            String today = BusinessClock.system(Settings.DEFAULT_TIME_ZONE).today().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(row.getText()).contains("BC-FR-1", "Reçu", today);
            assertThat(browser.driver().findElement(By.cssSelector("#jobs-table thead")).getText())
                    .contains("Signalé le", "Prochain passage", "Votre référence");
            browser.screenshot("portal-jobs-fr.png");
        }
    }

    @Test
    void aPlannerCorrectsAWorkOrderInDutch() {
        int number = portal.jdbi().withHandle(h -> h.createQuery("""
                SELECT j.id2 FROM jobs j JOIN job_status s ON s.id = j.job_status_id
                 WHERE s.code = 'Open' AND j.db_address_street IS NULL ORDER BY j.id2 LIMIT 1""").mapTo(Integer.class).one());
        try (Browser browser = Browser.open(1280, 1000)) {
            browser.signIn(portal.url("/login"), "planner@demo.test", DemoData.DEMO_PASSWORD, "/backoffice");
            click(browser, By.id("current-user"));
            browser.waiting().until(ExpectedConditions.urlContains("/account"));
            new Select(browser.driver().findElement(By.id("language"))).selectByValue("nl");
            click(browser, By.id("save-language"));
            browser.waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "nl"));

            browser.driver().get(portal.url("/backoffice/jobs?status=Open"));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Werkbonnen");
            assertThat(browser.driver().findElement(By.cssSelector("table thead")).getText())
                    .contains("Nummer", "Installatie", "Vervaldatum", "Technieker");
            assertThat(browser.driver().findElement(By.cssSelector("table tbody")).getText()).contains("Open");
            browser.screenshot("planner-grid-nl.png");

            browser.driver().get(portal.url("/backoffice/jobs/" + number + "/edit"));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("estimated_time")));
            WebElement estimate = browser.driver().findElement(By.id("estimated_time"));
            estimate.clear();
            estimate.sendKeys("-30");
            click(browser, By.id("save"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("estimated_time-error")));
            assertThat(browser.driver().findElement(By.id("estimated_time-error")).getText())
                    .isEqualTo(Texts.get(Language.NL, "validation.notNegative")).isEqualTo("Mag niet negatief zijn.");
            assertThat(browser.driver().findElement(By.id("error-summary")).getText())
                    .contains("Verbeter de velden hieronder", "Geschatte duur");
            browser.screenshot("planner-edit-error-nl.png");
        }
    }

    private static void click(Browser browser, By target) {
        WebElement element = browser.driver().findElement(target);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
