package com.fieldservice.portal.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the machine's packages (/usr/bin/chromium and /usr/bin/chromedriver),
 * so that Selenium never reaches for the network to fetch a browser.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser open(int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("portal.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("portal.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--window-size=" + Math.max(width, 800) + "," + height, "--user-data-dir=" + freshProfile());
        if (width < 800) {
            // a desktop window can't be narrower than Chromium allows: emulate the phone's screen instead
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "mobile", true, "touch", true)));
        }
        return new Browser(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        // an element found just before the page it belongs to is replaced (a form's answer
        // arriving) goes stale: the next poll finds it again on the new page
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in on the login page at {@code loginUrl} and waits for the landing page. */
    public void signIn(String loginUrl, String username, String password, String landing) {
        driver.get(loginUrl);
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("sign-in-submit")).click();
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains(landing));
    }

    /** The page's full width: wider than the window means sideways scrolling. */
    public long pageWidth() {
        return (Long) driver.executeScript("return document.documentElement.scrollWidth");
    }

    /** Runs axe-core on the page shown and fails on any serious or critical violation. */
    public void assertAccessible(String where) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        org.assertj.core.api.Assertions.assertThat(serious).as("accessibility of " + where).isEmpty();
    }

    /** Saves what the browser shows under target/screenshots/. */
    public void screenshot(String name) {
        try {
            Path shot = Path.of("target", "screenshots", name);
            Files.createDirectories(shot.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freshProfile() {
        try {
            return Files.createTempDirectory("portal-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
