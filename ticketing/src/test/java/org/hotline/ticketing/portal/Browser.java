package org.hotline.ticketing.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Selenium, at 1366×768 (the centre's screens). Uses the
 * system's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} explicitly: Selenium Manager
 * would try to download a browser. Screenshots go to {@code target/screenshots/<name>.png}.
 */
public final class Browser implements AutoCloseable {

  public static final Path SHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  public final ChromeDriver driver;
  private final String base;

  public Browser(String baseUrl) {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
      throw new IllegalStateException(
          "browser tests need Debian's chromium and chromium-driver: "
              + "apt-get install -y chromium chromium-driver (scripts/test installs them)");
    }
    this.base = baseUrl;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1366,768",
        "--lang=zh-CN");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public void open(String path) {
    driver.get(base + path);
  }

  /** Logs in through the login form and waits for the landing page. */
  public void login(String username, String password) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    waitFor().until(d -> !d.getCurrentUrl().contains("/login"));
  }

  public void login(String username) {
    login(username, "demo12345");
  }

  public void logout() {
    driver.findElement(By.id("logout")).click();
    waitFor().until(d -> d.getCurrentUrl().contains("/login"));
  }

  public WebDriverWait waitFor() {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** Waits until the element is visible and returns it. */
  public WebElement visible(By by) {
    return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element's text contains {@code text}. */
  public void waitText(By by, String text) {
    waitFor().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  public String text(By by) {
    return driver.findElement(by).getText();
  }

  /** Saves a screenshot of the current page as target/screenshots/{name}.png. */
  public Path shot(String name) {
    try {
      Files.createDirectories(SHOTS);
      File png = driver.getScreenshotAs(OutputType.FILE);
      Path to = SHOTS.resolve(name + ".png");
      Files.copy(png.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Severe browser console entries since the last call: script errors and CSP violations ("Refused
   * to ..."), which a page must never cause.
   */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("favicon.ico"))
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
