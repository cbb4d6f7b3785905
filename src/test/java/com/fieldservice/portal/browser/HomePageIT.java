package com.fieldservice.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.support.Browser;
import com.fieldservice.portal.support.TestPortal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The home page in a real headless Chromium, as a visitor on a phone sees it. */
class HomePageIT {

    @Test
    void aVisitorSeesWhatThePortalIsAndHowToSignIn() throws Exception {
        try (TestPortal portal = TestPortal.start(); Browser browser = Browser.open(375, 812)) {
            browser.driver().get(portal.url("/"));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1")));

            assertThat(browser.driver().getTitle()).isEqualTo("Work-order portal");
            assertThat(browser.driver().findElement(By.cssSelector("h1")).getText()).isEqualTo("Work-order portal");
            assertThat(browser.driver().findElement(By.id("sign-in")).isDisplayed()).isTrue();
            // the stylesheet really applies: Bootstrap's primary button is not the browser's default grey
            assertThat(browser.driver().findElement(By.id("sign-in")).getCssValue("background-color"))
                    .isEqualTo("rgba(13, 110, 253, 1)");
            // nothing wider than a phone's screen
            Long scrollWidth = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).isLessThanOrEqualTo(375);

            Path shot = Path.of("target", "screenshots", "home-375.png");
            Files.createDirectories(shot.getParent());
            Files.copy(browser.driver().getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
