package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.customer.Samples;
import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestPortal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The conversation in a real headless Chromium: Alice reports with a photo and her phone number;
 * the planner sees the photo and the phone, answers Alice and notes something for the team only;
 * Alice sees the reply's mark in her list, opens the work order, reads the answer (and never the
 * note), and the mark is gone; the planner takes the answer back (makes it internal) and Alice no
 * longer reads it.
 */
class ConversationIT {

    static TestPortal portal;
    static Path photo;

    @BeforeAll
    static void start() throws Exception {
        portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 200);
        photo = Files.write(Files.createTempFile("leak-", ".png"), Samples.png());
    }

    @AfterAll
    static void stop() throws Exception {
        portal.close();
        Files.deleteIfExists(photo);
    }

    @Test
    void aliceReportsThePlannerAnswersAndNotesAndAliceReadsOnlyTheAnswer() {
        int number;
        try (Browser alice = Browser.open(1280, 900)) {
            alice.signIn(portal.url("/login?next=/portal/report"), "alice@acme.demo.test", DemoData.DEMO_PASSWORD, "/portal");
            alice.driver().get(portal.url("/portal/report"));
            alice.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
            ReportIT.chooseAnInstallation(alice, portal);
            alice.driver().findElement(By.id("description")).sendKeys("Water under the boiler since this morning.");
            // the form offers the number on her contact card; she gives another one
            WebElement phone = alice.driver().findElement(By.id("contact_phone"));
            phone.clear();
            phone.sendKeys("+32 3 555 01 00");
            alice.driver().findElement(By.id("files")).sendKeys(photo.toAbsolutePath().toString());
            click(alice, By.id("report-submit"));
            alice.waiting().until(ExpectedConditions.urlContains("/portal/report/done/"));
            number = Integer.parseInt(alice.driver().findElement(By.id("job-number")).getText().substring(1));
        }

        try (Browser planner = Browser.open(1280, 900)) {
            planner.signIn(portal.url("/login"), "planner@demo.test", DemoData.DEMO_PASSWORD, "/backoffice");
            planner.driver().get(portal.url("/backoffice/jobs/" + number));
            planner.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation-timeline")));
            WebElement phone = planner.driver().findElement(By.cssSelector("#reported-phone a"));
            assertThat(phone.getText()).isEqualTo("+32 3 555 01 00");
            assertThat(phone.getAttribute("href")).isEqualTo("tel:+3235550100");
            WebElement thumbnail = planner.driver().findElement(By.cssSelector("#conversation-timeline img.timeline-thumb"));
            planner.waiting().until(driver -> ((Number) planner.driver()
                    .executeScript("return arguments[0].naturalWidth", thumbnail)).intValue() > 0);
            assertThat(planner.driver().findElement(By.cssSelector("#conversation-timeline .timeline-report-text")).getText())
                    .isEqualTo("Water under the boiler since this morning.");

            reply(planner, "We come tomorrow at 9. Please leave the boiler room open.", "customer");
            planner.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("conversation-notice")));
            reply(planner, "Customer sounded upset: bring the spare pump.", "internal");
            planner.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#conversation-timeline .job-comment"), 2));
            assertThat(planner.driver().findElement(By.cssSelector("#conversation-timeline [data-visibility=internal]")).getText())
                    .contains("internal", "bring the spare pump");
            planner.assertAccessible("the work order with its conversation");
            planner.screenshot("conversation-backoffice-1280.png");
        }

        try (Browser alice = Browser.open(375, 812)) {
            alice.signIn(portal.url("/login"), "alice@acme.demo.test", DemoData.DEMO_PASSWORD, "/portal");
            // her list marks the work order with the team's reply she hasn't read
            alice.driver().get(portal.url("/portal/jobs"));
            String rowPath = "//table[@id='jobs-table']//tr[.//a[@href='/portal/jobs/" + number + "']]";
            By row = By.xpath(rowPath);
            By newReply = By.xpath(rowPath + "//*[contains(@class, 'new-reply')]");
            WebElement mark = alice.waiting().until(ExpectedConditions.visibilityOfElementLocated(newReply));
            assertThat(mark.getText()).isEqualTo("New reply");
            assertThat(alice.driver().findElements(By.cssSelector("#jobs-table .new-reply"))).hasSize(1);
            alice.screenshot("conversation-customer-list-375.png");
            click(alice, By.xpath(rowPath + "//a[@href='/portal/jobs/" + number + "']"));
            alice.waiting().until(ExpectedConditions.urlContains("/portal/jobs/" + number));
            alice.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation-timeline")));
            WebElement answer = alice.driver().findElement(By.cssSelector("#conversation-timeline .job-comment"));
            assertThat(answer.getText()).contains("Service team · ", "We come tomorrow at 9.");
            assertThat(alice.driver().findElements(By.cssSelector("#conversation-timeline .job-comment"))).hasSize(1);
            assertThat(alice.driver().getPageSource()).doesNotContain("spare pump", "sounded upset");
            assertThat(alice.pageWidth()).as("no sideways scrolling").isLessThanOrEqualTo(375);
            alice.screenshot("conversation-customer-375.png");

            // read: the mark is gone from her list
            alice.driver().get(portal.url("/portal/jobs"));
            alice.waiting().until(ExpectedConditions.visibilityOfElementLocated(row));
            assertThat(alice.driver().findElements(newReply)).isEmpty();
            assertThat(alice.driver().getPageSource()).doesNotContain("spare pump", "sounded upset");

            // the planner takes the answer back with its entry's own button (the page's one form)
            try (Browser planner = Browser.open(1280, 900)) {
                planner.signIn(portal.url("/login"), "planner@demo.test", DemoData.DEMO_PASSWORD, "/backoffice");
                planner.driver().get(portal.url("/backoffice/jobs/" + number));
                By answerEntry = By.xpath("//ol[@id='conversation-timeline']/li[contains(., 'We come tomorrow at 9.')]");
                planner.waiting().until(ExpectedConditions.visibilityOfElementLocated(answerEntry));
                click(planner, By.xpath("//ol[@id='conversation-timeline']/li[contains(., 'We come tomorrow at 9.')]"
                        + "//button[contains(@class, 'timeline-visibility')]"));
                planner.waiting().until(ExpectedConditions.urlContains("conversation=visibility-changed"));
                assertThat(planner.driver().findElement(answerEntry).getAttribute("data-visibility")).isEqualTo("internal");
            }
            alice.driver().get(portal.url("/portal/jobs/" + number));
            alice.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation-timeline")));
            assertThat(alice.driver().getPageSource()).doesNotContain("We come tomorrow at 9.", "spare pump");
        }
    }

    private static void reply(Browser planner, String text, String visibility) {
        planner.driver().findElement(By.id("reply-comment")).sendKeys(text);
        click(planner, By.id("reply-visibility-" + visibility));
        click(planner, By.id("reply-submit"));
        planner.waiting().until(ExpectedConditions.urlContains("conversation=comment-added"));
    }

    private static void click(Browser browser, By what) {
        WebElement element = browser.driver().findElement(what);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
