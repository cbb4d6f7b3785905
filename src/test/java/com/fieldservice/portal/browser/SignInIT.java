package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The front door in a real headless Chromium: the sign-in page, signing in, signing out. */
class SignInIT {

    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start();
        TestAccounts.staff(portal.jdbi(), "planner@browser.test", "planner");
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void aVisitorOnAPhoneSeesWhatThePortalIsAndHowToSignIn() {
        try (Browser browser = Browser.open(375, 812)) {
            browser.driver().get(portal.url("/"));
            browser.waiting().until(ExpectedConditions.urlContains("/login"));

            assertThat(browser.driver().getTitle()).isEqualTo("Sign in");
            assertThat(browser.driver().findElement(By.cssSelector("h2")).getText()).isEqualTo("Work-order portal");
            // the stylesheet applies: Bootstrap's primary button is not the browser's default grey
            assertThat(browser.driver().findElement(By.id("sign-in-submit")).getCssValue("background-color"))
                    .isEqualTo("rgba(13, 110, 253, 1)");
            assertThat(browser.pageWidth()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(375);
            browser.screenshot("sign-in-375.png");
        }
    }

    @Test
    void aPlannerSignsInWithAMistakeThenRightAndSignsOut() {
        try (Browser browser = Browser.open(1280, 900)) {
            browser.driver().get(portal.url("/login"));
            browser.driver().findElement(By.id("username")).sendKeys("planner@browser.test");
            browser.driver().findElement(By.id("password")).sendKeys("not my password");
            browser.driver().findElement(By.id("sign-in-submit")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
            assertThat(browser.driver().findElement(By.id("sign-in-error")).getText())
                    .isEqualTo("Wrong email address or password.");
            assertThat(browser.driver().findElement(By.id("username")).getDomProperty("value"))
                    .isEqualTo("planner@browser.test");

            browser.driver().findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
            browser.driver().findElement(By.id("sign-in-submit")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/backoffice"));
            assertThat(browser.driver().findElement(By.id("current-user")).getText()).isEqualTo("Pat Planner");
            browser.screenshot("backoffice-1280.png");

            browser.driver().findElement(By.id("sign-out")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/login?signed-out"));
            assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("You are signed out.");

            browser.driver().get(portal.url("/backoffice"));
            browser.waiting().until(ExpectedConditions.urlContains("/login?next="));
        }
    }
}
