package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.hotline.telephony.sim.ami.SimulatedPbx;
import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole day of one work order, in one real browser, through the pages only: a simulated call
 * arrives and pops on the agent's console, the agent takes the order in, the dispatcher dispatches
 * it to the suggested unit, the unit signs and replies, the reviewer accepts the reply and records
 * the citizen's rating at the callback, and the order is closed with its whole history.
 */
class WholeDayBrowserTest {

  static final String CALLER = "13966661234";
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
  void fromTheCallToTheClosedOrder() throws Exception {
    // 1. 话务员: ready; the PBX simulator connects a caller; the screen pop shows the number.
    browser.login("agent1");
    browser.waitFor().until(d -> "true".equals(attr(By.id("live-status"), "data-up")));
    browser.visible(By.id("btn-ready")).click();
    browser.waitFor().until(d -> "available".equals(attr(By.id("agent-state"), "data-state")));
    SimulatedPbx pbx = platform.telephony().simulator().pbx();
    String callId = pbx.callerJoins(CALLER);
    pbx.agentAnswers(callId, "PJSIP/agent1");
    browser.waitText(By.id("pop-number"), CALLER);
    browser.driver.findElement(By.id("f-category-search")).sendKeys("010101");
    browser.visible(By.id("cat-010101")).click();
    browser.driver.findElement(By.id("f-location")).sendKeys("东城区建新路66号");
    browser.driver.findElement(By.id("f-description")).sendKeys("建新路66号门口路灯连续三晚不亮");
    browser.waitFor().until(d -> !d.findElement(By.id("f-unit")).getAttribute("value").isEmpty());
    browser.shot("day-1-agent-pop");
    browser.driver.findElement(By.id("btn-dispatch")).click();
    browser.waitFor().until(d -> "RECEIVED".equals(attr(By.id("form-result"), "data-state")));
    String number = attr(By.id("form-result"), "data-number");
    long id = Long.parseLong(one("SELECT id FROM work_order WHERE number = '" + number + "'"));
    assertThat(one("SELECT array_to_string(call_ids, ',') FROM work_order WHERE id = " + id))
        .isEqualTo(callId);
    pbx.callerHangsUp(callId);
    assertThat(browser.consoleErrors()).isEmpty();
    browser.logout();

    // 2. 派单员: the order waits in the intake queue; dispatched to the suggested unit.
    browser.login("dispatcher1");
    browser.visible(By.id("dispatch-" + id)).click();
    browser.waitFor().until(d -> !d.findElement(By.id("dispatch-suggestion")).getText().isEmpty());
    String unit =
        new Select(browser.driver.findElement(By.id("dispatch-unit")))
            .getFirstSelectedOption()
            .getAttribute("value");
    assertThat(unit).isNotBlank();
    browser.shot("day-2-dispatch");
    browser.driver.findElement(By.id("dispatch-submit")).click();
    browser
        .waitFor()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("dispatch-" + id)));
    assertThat(state(id)).isEqualTo("DISPATCHED");
    assertThat(browser.consoleErrors()).isEmpty();
    browser.logout();

    // 3. 承办单位: signs from the list in one click, replies in the row's form.
    browser.login("u-" + unit);
    browser.visible(By.id("sign-" + id)).click();
    browser.waitFor().until(d -> "ACCEPTED".equals(state(id)));
    browser.driver.findElement(By.id("tab-doing")).click();
    browser.visible(By.id("reply-" + id)).click();
    browser.visible(By.id("reply-text")).sendKeys("已更换灯泡并检修线路，路灯恢复正常。");
    browser.shot("day-3-unit-reply");
    browser.driver.findElement(By.id("reply-submit")).click();
    browser.waitFor().until(d -> "REPLIED".equals(state(id)));
    assertThat(browser.driver.getPageSource()).doesNotContain(CALLER); // masked for units
    assertThat(browser.consoleErrors()).isEmpty();
    browser.logout();

    // 4. 审核 and 回访: the reviewer accepts the reply, then records the citizen's rating.
    browser.login("reviewer1");
    browser.visible(By.id("accept-" + id)).click();
    browser.waitFor().until(d -> "CALLBACK".equals(state(id)));
    browser.driver.findElement(By.id("tab-callbacks")).click();
    new Select(browser.visible(By.id("result-" + id))).selectByValue("satisfied");
    browser.shot("day-4-callback");
    browser.driver.findElement(By.id("record-" + id)).click();
    browser.waitFor().until(d -> "CLOSED".equals(state(id)));
    assertThat(browser.consoleErrors()).isEmpty();

    // 5. The order page tells the whole story: closed, with every step on the timeline.
    browser.open("/orders/" + id);
    browser.waitFor().until(d -> "CLOSED".equals(attr(By.id("order-state"), "data-state")));
    String timeline = browser.visible(By.id("order-timeline")).getText();
    assertThat(browser.driver.findElements(By.cssSelector("#order-timeline li")).size())
        .isGreaterThanOrEqualTo(6); // create, dispatch, sign, reply, accept, callback
    assertThat(timeline).contains("dispatcher1").contains("u-" + unit).contains("reviewer1");
    browser.shot("day-5-closed");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static String state(long id) {
    try {
      return one("SELECT state FROM work_order WHERE id = " + id);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
