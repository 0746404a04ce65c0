package cn.weiquan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the tests about what a person sees. Debian's chromium and
 * chromium-driver (.ci/run installs them), or WEIQUAN_CHROMIUM and WEIQUAN_CHROMEDRIVER. A machine
 * without them fails these tests: a browser test that skips proves nothing.
 */
public final class Browser {
  public static final Path CHROMIUM = Path.of(env("WEIQUAN_CHROMIUM", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(env("WEIQUAN_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browser() {}

  /** A new headless browser, Chinese as the preferred language. Quit it in a finally block. */
  public static WebDriver chromium() {
    return chromium("zh-CN");
  }

  /**
   * The same with another preferred language (a language tag such as en-US), as navigator.languages
   * reports it.
   */
  public static WebDriver chromium(String language) {
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as(
            "Chromium and chromedriver at %s and %s (apt-get install chromium chromium-driver, as .ci/run does)",
            CHROMIUM, CHROMEDRIVER)
        .isTrue();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--lang=" + language,
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync");
    // headless Chromium leaves navigator.languages at en-US whatever --lang says; this preference
    // sets it
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  public static WebDriverWait waitFor(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /** Logs in on the webapps' sign-in form of the page at {@code url}. */
  public static void logIn(WebDriver browser, String url, String user, String password) {
    browser.get(url);
    waitFor(browser)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name=signinForm] input[type=text]")))
        .sendKeys(user);
    browser
        .findElement(By.cssSelector("form[name=signinForm] input[type=password]"))
        .sendKeys(password);
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    // signed in once the form is gone: a page opened before then would abort the sign-in request
    // and show "认证失败" (the header and navbar are on the sign-in page too, so they prove nothing)
    waitFor(browser)
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("form[name=signinForm]")));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
