package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.telephony.sim.ami.SimulatedPbx;
import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The wallboard in a real browser: figures pushed live by SSE, and the zh-CN / en switch. */
class WallboardPageTest {

  static TestPlatform platform;
  static Browser browser;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    browser = new Browser(platform.baseUrl);
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @Test
  void callsWaitingUpdateLiveWithoutAReload() {
    browser.login("supervisor1");
    browser.open("/wallboard");
    browser.waitText(By.id("wb-status"), "实时");
    int before = Integer.parseInt(browser.text(By.id("wb-callsWaiting")));
    browser.driver.executeScript("document.body.dataset.marker = 'same-page'");

    SimulatedPbx pbx = platform.telephony().simulator().pbx();
    String call = pbx.callerJoins("13900007777");
    browser.waitText(By.id("wb-callsWaiting"), String.valueOf(before + 1));
    assertThat(browser.driver.executeScript("return document.body.dataset.marker"))
        .isEqualTo("same-page"); // updated in place, not reloaded
    assertThat(browser.driver.findElements(By.cssSelector("#wb-agents-chart svg"))).isNotEmpty();
    browser.shot("wallboard");

    pbx.callerAbandons(call);
    browser.waitText(By.id("wb-callsWaiting"), String.valueOf(before));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void switchesBetweenChineseAndEnglish() {
    browser.login("supervisor1");
    browser.open("/wallboard");
    assertThat(browser.text(By.cssSelector("h1.wall-title"))).contains("话务实时监控");
    browser.driver.findElement(By.id("lang-en")).click();
    browser.waitText(By.cssSelector("h1.wall-title"), "Live call centre");
    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.text(By.cssSelector(".mainnav"))).contains("Wallboard");
    browser.shot("wallboard-en");
    browser.driver.findElement(By.id("lang-zh")).click();
    browser.waitText(By.cssSelector("h1.wall-title"), "话务实时监控");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
