package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.hotline.telephony.sim.ami.SimulatedPbx;
import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The agent console in a real browser against the real platform: the agent goes ready through the
 * PBX simulator's AMI, a simulated caller is connected to the agent (AgentConnect → screen pop over
 * SSE), the agent searches the knowledge base and takes in an order linked to the call.
 */
class AgentPageTest {

  static final String CALLER = "13922220001";
  static TestPlatform platform;
  static Browser browser;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    browser = new Browser(platform.baseUrl);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    platform.login("agent1").post("/api/agents/agent1/logout", "{}");
  }

  @Test
  void aConnectedCallPopsUpAndTheAgentTakesInAnOrderFromIt() throws Exception {
    JsonObject open =
        platform
            .login("agent1")
            .post(
                "/api/tickets",
                new JsonObject()
                    .put("channel", "phone")
                    .put("requestType", "help")
                    .put("categoryCode", "010101")
                    .put("citizenPhone", CALLER)
                    .put("location", "建新街道人民路8号")
                    .put("description", "门口路灯不亮已经三天了"))
            .json();

    browser.login("agent1");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/agent");
    browser.waitFor().until(d -> "true".equals(attr(By.id("live-status"), "data-up")));
    browser.visible(By.id("btn-ready")).click();
    browser.waitFor().until(d -> "available".equals(attr(By.id("agent-state"), "data-state")));
    browser.shot("agent-console");

    // The PBX simulator connects a caller to agent1: AMI AgentConnect → TelephonyBridge → SSE.
    SimulatedPbx pbx = platform.telephony().simulator().pbx();
    String callId = pbx.callerJoins(CALLER);
    pbx.agentAnswers(callId, "PJSIP/agent1");
    browser.waitText(By.id("pop-number"), CALLER);
    browser.waitText(By.id("pop-open"), open.getString("number"));
    browser.waitText(By.id("pop-kb"), "路灯");
    assertThat(browser.driver.findElement(By.id("f-citizenPhone")).getAttribute("value"))
        .isEqualTo(CALLER);
    browser.waitText(By.id("dup-list"), open.getString("number"));
    browser.shot("agent-screenpop");

    WebElement q = browser.visible(By.id("kb-q"));
    q.sendKeys("路灯");
    browser.waitText(By.id("kb-suggest"), "路灯"); // suggestions while typing
    q.sendKeys("不亮");
    browser.driver.findElement(By.id("kb-search")).click();
    WebElement mark = browser.visible(By.cssSelector("#kb-results mark"));
    assertThat(mark.getText()).isNotBlank();

    // Answered on the spot with the article used (直接答复).
    WebElement use = browser.driver.findElement(By.cssSelector("#kb-results li button"));
    String article = use.getAttribute("id").substring("kb-use-".length());
    use.click();
    browser.waitText(By.id("f-article"), article);
    browser.driver.findElement(By.id("btn-answer")).click();
    browser.waitFor().until(d -> "ANSWERED".equals(attr(By.id("form-result"), "data-state")));
    String answered = attr(By.id("form-result"), "data-number");
    assertThat(one("SELECT article_code FROM work_order WHERE number = '" + answered + "'"))
        .isEqualTo(article);

    browser.driver.findElement(By.id("f-category-search")).sendKeys("010101");
    browser.visible(By.id("cat-010101")).click();
    browser.driver.findElement(By.id("f-location")).sendKeys("建新街道人民路10号");
    browser.driver.findElement(By.id("f-description")).sendKeys("人民路10号路灯不亮，夜间出行不便");
    browser.waitFor().until(d -> !d.findElement(By.id("f-unit")).getAttribute("value").isEmpty());
    browser.driver.findElement(By.id("btn-dispatch")).click();
    browser.waitFor().until(d -> "RECEIVED".equals(attr(By.id("form-result"), "data-state")));
    String number = attr(By.id("form-result"), "data-number");
    browser.waitText(By.id("today-orders"), number);

    // The order carries the call; agents take in, the centre's dispatchers dispatch (派单).
    assertThat(
            one(
                "SELECT array_to_string(call_ids, ',') FROM work_order WHERE number = '"
                    + number
                    + "'"))
        .isEqualTo(callId);
    assertThat(one("SELECT state FROM work_order WHERE number = '" + number + "'"))
        .isEqualTo("RECEIVED");
    assertThat(one("SELECT category_code FROM work_order WHERE number = '" + number + "'"))
        .isEqualTo("010101");

    // The caller's open order is offered as a duplicate: a second report is merged into it.
    browser.driver.findElement(By.id("f-description")).sendKeys("再次反映人民路8号路灯不亮");
    browser.visible(By.id("dup-merge-" + open.getString("number"))).click();
    browser.waitFor().until(d -> "MERGED".equals(attr(By.id("form-result"), "data-state")));
    String merged = attr(By.id("form-result"), "data-number");
    assertThat(one("SELECT parent_id FROM work_order WHERE number = '" + merged + "'"))
        .isEqualTo(String.valueOf(open.getLong("id")));

    pbx.callerHangsUp(callId);
    browser
        .waitFor()
        .until(
            d -> {
              d.findElement(By.id("today-refresh")).click();
              return d.findElement(By.id("today-calls")).getText().contains(CALLER);
            });

    // A pause with its reason (培训) takes the agent out of the queue's rotation.
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("pause-reason")))
        .selectByValue("training");
    browser.driver.findElement(By.id("btn-pause")).click();
    browser.waitFor().until(d -> "paused".equals(attr(By.id("agent-state"), "data-state")));
    browser.waitText(By.id("agent-state-reason"), "培训");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static String attr(By by, String name) {
    return browser.driver.findElement(by).getAttribute(name);
  }

  private static String one(String sql) throws Exception {
    try (Connection c = platform.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
