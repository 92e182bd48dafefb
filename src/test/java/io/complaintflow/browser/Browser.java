package io.complaintflow.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person's headless chromium, set to their language, with the waits and clicks the browser tests share. */
final class Browser implements AutoCloseable {
    final String name;
    final WebDriver driver;
    final WebDriverWait waitUpTo;

    private Browser(String name, WebDriver driver) {
        this.name = name;
        this.driver = driver;
        this.waitUpTo = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A browser whose user has set this language (what the webapps and the portal read from navigator.languages). */
    static Browser open(String name, String language, String windowSize) {
        Browsers.requireChromium();
        System.setProperty("webdriver.chrome.driver", Browsers.CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browsers.CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + windowSize, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        return new Browser(name, new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Browsers.CHROMEDRIVER)).usingAnyFreePort().build(), options));
    }

    WebElement visible(By by) {
        return waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks like a user who first scrolls the element into the middle of the window. When the page draws the element
     * anew meanwhile (Tasklist re-renders its list when a completion or its refresh reloads it), the one now on the page
     * is clicked, as a user would; the old reference would stay stale until the wait runs out.
     */
    void click(By by) {
        waitUpTo.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
            if (element == null) {
                return false;
            }
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Logs into a Camunda webapp (tasklist, cockpit) with the demo password. */
    void logIn(int port, String app, String user) {
        driver.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
        visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
        driver.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** What the page looks like now, as {@code <dir>/<name>.png}, for the one who reads a failed build. */
    void screenshot(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot of " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
