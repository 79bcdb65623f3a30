package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A person places a simulated call from the browser while the PBX is simulated: the call runs the
 * real IVR over FastAGI, queues, is answered by the logged-in agent and hung up.
 */
class SimCallPageTest {

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
    platform.login("agent1").post("/api/agents/agent1/logout", "{}");
  }

  @Test
  void aPersonPlacesACallPressesKeysAndAnswersIt() {
    browser.login("agent1");
    browser.driver.findElement(By.id("pbx-simulated")).click(); // the header badge leads here
    browser.waitFor().until(d -> d.getCurrentUrl().endsWith("/simcall"));
    var caller = browser.visible(By.id("sim-caller"));
    caller.clear();
    caller.sendKeys("13700001234");
    browser.driver.findElement(By.id("sim-dial")).click();
    browser.waitFor().until(d -> !browser.text(By.id("sim-id")).isBlank());
    browser.waitText(By.id("sim-log"), "play"); // the greeting is played by the real IVR script
    // Silent caller: the script hands the call back to the dialplan, which queues it.
    browser.waitFor().until(d -> "queued".equals(state()));
    browser.waitText(By.id("sim-route"), "queue");
    browser.driver.findElement(By.id("sim-answer")).click();
    browser.waitFor().until(d -> "talking".equals(state()));
    browser.waitText(By.id("sim-agent"), "agent1");
    browser.shot("simcall");
    browser.driver.findElement(By.id("sim-hangup")).click();
    browser.waitFor().until(d -> "ended".equals(state()));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static String state() {
    return browser.driver.findElement(By.id("sim-state")).getAttribute("data-state");
  }
}
