package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestMail;
import com.fieldservice.portal.support.TestPortal;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Alice reports a problem in a real browser, opens the link in her confirmation email and sees her work order. */
class NotificationIT {

    static TestMail mail;
    static TestPortal portal;

    @BeforeAll
    static void start() {
        mail = TestMail.start();
        portal = TestPortal.start(mail.portalEnvironment());
        DemoData.fillIfEmpty(portal.jdbi(), 100);
    }

    @AfterAll
    static void stop() {
        portal.close();
        mail.close();
    }

    @Test
    void aliceReportsOpensTheLinkInHerConfirmationAndSeesHerWorkOrder() {
        String number;
        try (Browser browser = Browser.open(1280, 900)) {
            browser.signIn(portal.url("/login"), "alice@acme.demo.test", DemoData.DEMO_PASSWORD, "/portal");
            browser.driver().get(portal.url("/portal/report"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
            ReportIT.chooseAnInstallation(browser, portal);
            browser.driver().findElement(By.id("description")).sendKeys("The air handling unit rattles.");
            browser.driver().findElement(By.id("customer_reference")).sendKeys("PO-MAIL-IT");
            WebElement submit = browser.driver().findElement(By.id("report-submit"));
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", submit);
            submit.click();
            browser.waiting().until(ExpectedConditions.urlContains("/portal/report/done/"));
            number = browser.driver().findElement(By.id("job-number")).getText().substring(1);
        }

        MimeMessage confirmation = mail.await("alice@acme.demo.test", "We received your report – work order " + number);
        String link = TestMail.link(confirmation, portal.url("/portal/jobs/"));
        assertThat(link).isEqualTo(portal.url("/portal/jobs/" + number));

        // another day, another browser: the link asks her to sign in, then shows the work order
        try (Browser later = Browser.open(1280, 900)) {
            later.driver().get(link);
            later.waiting().until(ExpectedConditions.urlContains("/login"));
            later.driver().findElement(By.id("username")).sendKeys("alice@acme.demo.test");
            later.driver().findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
            later.driver().findElement(By.id("sign-in-submit")).click();
            later.waiting().until(ExpectedConditions.urlToBe(link));
            later.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(later.driver().findElement(By.tagName("main")).getText()).contains(number, "PO-MAIL-IT");
            later.screenshot("work-order-from-confirmation-email.png");
        }
    }
}
