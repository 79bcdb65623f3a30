package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.hotline.ticketing.api.ApiClient;
import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The centre portal in a real browser: a dispatcher dispatches from the intake queue, a reviewer
 * accepts a reply and sends the SMS survey, a supervisor sees the red and yellow lights,
 * supervises, watches the live strip move and reads an order's whole story. Orders are prepared
 * through the API; only deadlines are moved in the database (nobody waits a working day in a test).
 */
class CentrePageTest {

  static TestPlatform platform;
  static Browser browser;
  static ApiClient agent;
  static ApiClient dispatcher;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    agent = platform.login("agent1");
    dispatcher = platform.login("dispatcher1");
    browser = new Browser(platform.baseUrl);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void loggedOut() {
    browser.open("/login");
    browser.driver.manage().deleteAllCookies();
    browser.consoleErrors(); // start each test with an empty console log
  }

  static JsonObject create(String channel, String description, JsonArray callIds) {
    JsonObject body =
        new JsonObject()
            .put("channel", channel)
            .put("requestType", "complaint")
            .put("categoryCode", "010101")
            .put("citizenPhone", "13822223333")
            .put("location", "东城区建设路12号")
            .put("description", description);
    if (callIds != null) {
      body.put("callIds", callIds);
    }
    ApiClient.Response r = agent.post("/api/tickets", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  static JsonObject act(ApiClient who, JsonObject order, String action, JsonObject input) {
    ApiClient.Response r =
        who.post(
            "/api/tickets/" + order.getLong("id") + "/" + action,
            input.copy().put("version", order.getInteger("version")));
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonObject get(long id) {
    return dispatcher.get("/api/tickets/" + id).json();
  }

  static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Waits until the page has finished refilling its lists (after loading or an action). */
  static void idle() {
    browser.waitFor().until(d -> d.findElements(By.cssSelector("body[data-busy]")).isEmpty());
  }

  static void sql(String statement) throws Exception {
    try (Connection c = platform.jdbc()) {
      c.createStatement().execute(statement);
    }
  }

  @Test
  void aDispatcherDispatchesFromTheIntakeQueueAndApprovesAReturnRequest() {
    JsonObject returned = create("phone", "非本单位职责 " + tag(), null);
    returned = act(dispatcher, returned, "dispatch", new JsonObject().put("unit", "dc"));
    returned =
        act(
            platform.login("u-dc"),
            returned,
            "return-request",
            new JsonObject().put("reason", "应由市城管局办理"));
    long returnedId = returned.getLong("id");
    JsonObject o = create("sms", "短信反映路灯不亮 " + tag(), null);
    long id = o.getLong("id");
    String suggested =
        dispatcher
            .get("/api/routing/suggest?categoryCode=010101&location=" + ApiClient.q("东城区建设路12号"))
            .array()
            .getJsonObject(0)
            .getString("unit");

    browser.login("dispatcher1");
    assertThat(browser.driver.getCurrentUrl()).contains("/centre");
    assertThat(browser.driver.findElements(By.id("tab-review"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("tab-supervision"))).isEmpty();
    browser.visible(By.id("dispatch-" + id)).click();
    browser.waitText(By.id("dispatch-deadlines"), ":");
    browser.waitFor().until(d -> !d.findElement(By.id("dispatch-suggestion")).getText().isEmpty());
    Select unit = new Select(browser.driver.findElement(By.id("dispatch-unit")));
    assertThat(unit.getFirstSelectedOption().getAttribute("value")).isEqualTo(suggested);
    assertThat(browser.text(By.cssSelector("#intake-list tr[data-id='" + id + "']")))
        .contains(o.getString("number"), "短信");
    browser.shot("centre-intake");

    browser.driver.findElement(By.id("dispatch-submit")).click();
    browser
        .waitFor()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("dispatch-" + id)));
    browser.waitText(By.id("toast"), o.getString("number"));
    idle();
    JsonObject after = get(id);
    assertThat(after.getString("state")).isEqualTo("DISPATCHED");
    assertThat(after.getString("leadUnit")).isEqualTo(suggested);

    browser.driver.findElement(By.id("tab-decisions")).click();
    assertThat(browser.text(By.cssSelector("#decisions-list tr[data-id='" + returnedId + "']")))
        .contains("退单申请", "应由市城管局办理");
    browser.driver.findElement(By.id("approve-" + returnedId)).click();
    browser
        .waitFor()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("approve-" + returnedId)));
    idle();
    assertThat(get(returnedId).getString("state")).isEqualTo("RECEIVED");
    browser.driver.findElement(By.id("tab-intake")).click();
    browser.visible(By.id("dispatch-" + returnedId)); // back in the intake queue
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aReviewerAcceptsAReplyAndSendsTheSmsSurvey() {
    JsonObject o = create("phone", "井盖缺失 " + tag(), null);
    o = act(dispatcher, o, "dispatch", new JsonObject().put("unit", "dc"));
    ApiClient unit = platform.login("u-dc");
    o = act(unit, o, "sign", new JsonObject());
    o = act(unit, o, "reply", new JsonObject().put("text", "已补装井盖，现场已恢复 " + tag()));
    long id = o.getLong("id");

    browser.login("reviewer1");
    assertThat(browser.driver.findElements(By.id("tab-intake"))).isEmpty();
    browser.visible(By.id("accept-" + id));
    assertThat(browser.text(By.cssSelector("#review-list tr[data-id='" + id + "']")))
        .contains("已补装井盖");
    browser.shot("centre-review");
    browser.driver.findElement(By.id("accept-" + id)).click();
    browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("accept-" + id)));
    idle();
    assertThat(get(id).getString("state")).isEqualTo("CALLBACK");

    browser.driver.findElement(By.id("tab-callbacks")).click();
    browser.visible(By.id("sms-" + id)).click();
    browser.waitText(By.id("toast"), "13822223333");
    idle();
    browser.visible(By.id("call-" + id));
    browser.shot("centre-callbacks");

    browser.open("/lang/en?next=/centre");
    browser.waitText(By.id("tab-review"), "Replies to review");
    browser.waitText(By.id("tab-callbacks"), "Callbacks");
    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aSupervisorSeesTheLightsTheLiveStripAndTheWholeStoryOfAnOrder() throws Exception {
    var pbx = platform.telephony().simulator().pbx();
    pbx.addAgent("PJSIP/agent8", "agent8");
    pbx.recordCalls("{id}.wav");
    String callId;
    try {
      callId = pbx.callerJoins("13822223333");
      pbx.agentAnswers(callId, "PJSIP/agent8");
      pbx.callerHangsUp(callId);
    } finally {
      pbx.recordCalls(null);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> dispatcher.get("/api/calls?number=13822223333").body().contains(callId + ".wav"));
    JsonObject late = create("phone", "噪音扰民 " + tag(), new JsonArray().add(callId));
    late = act(dispatcher, late, "dispatch", new JsonObject().put("unit", "dc"));
    JsonObject soon =
        act(
            dispatcher,
            create("phone", "占道经营 " + tag(), null),
            "dispatch",
            new JsonObject().put("unit", "dc"));
    long lateId = late.getLong("id");
    long soonId = soon.getLong("id");
    sql("UPDATE work_order SET sign_deadline = now() - interval '1 hour' WHERE id = " + lateId);
    sql("UPDATE work_order SET sign_warn_at = now() - interval '1 minute' WHERE id = " + soonId);

    browser.login("supervisor1");
    for (String tab :
        new String[] {"intake", "decisions", "review", "callbacks", "deadlines", "supervision"}) {
      assertThat(browser.driver.findElement(By.id("tab-" + tab)).isDisplayed()).isTrue();
    }
    browser.driver.findElement(By.id("tab-deadlines")).click();
    browser.visible(By.cssSelector("#overdue-list tr[data-id='" + lateId + "'] .light.red"));
    browser.visible(By.cssSelector("#duesoon-list tr[data-id='" + soonId + "'] .light.yellow"));
    assertThat(
            browser.driver.findElements(
                By.cssSelector("#duesoon-list tr[data-id='" + lateId + "']")))
        .isEmpty();

    browser.driver.findElement(By.id("supervise-" + lateId)).click();
    browser.visible(By.id("supervise-note")).sendKeys("请今日内联系市民");
    browser.driver.findElement(By.id("supervise-submit")).click();
    browser
        .waitFor()
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("supervise-" + lateId)));
    idle();
    assertThat(get(lateId).getBoolean("supervised")).isTrue();
    assertThat(get(lateId).getString("supervisionNote")).isEqualTo("请今日内联系市民");

    // The live strip: a caller joins the queue and the figure moves without a reload.
    browser.waitFor().until(d -> d.findElement(By.id("wb-callsWaiting")).getText().matches("\\d+"));
    int before = Integer.parseInt(browser.text(By.id("wb-callsWaiting")));
    String waiting = pbx.callerJoins("13822224444");
    try {
      browser.waitText(By.id("wb-callsWaiting"), String.valueOf(before + 1));
      assertThat(browser.text(By.id("wb-status"))).isEqualTo("实时");
      browser.shot("centre-deadlines");
    } finally {
      pbx.callerAbandons(waiting);
    }
    browser.waitText(By.id("wb-callsWaiting"), String.valueOf(before));
    assertThat(browser.driver.findElement(By.id("wb-full-link")).getAttribute("href"))
        .endsWith("/wallboard");

    browser
        .driver
        .findElement(By.cssSelector("#overdue-list tr[data-id='" + lateId + "'] a.order-link"))
        .click();
    browser.visible(By.cssSelector("#order-timeline li[data-action='supervise']"));
    assertThat(browser.text(By.id("order-title"))).contains(late.getString("number"));
    assertThat(browser.text(By.id("order-timeline"))).contains("受理", "派单", "督办", "请今日内联系市民");
    assertThat(browser.text(By.id("order-citizen"))).contains("13822223333");
    assertThat(browser.driver.findElement(By.id("mark-overdue")).isDisplayed()).isTrue();
    browser.visible(By.id("recording-" + callId));
    assertThat(browser.driver.findElement(By.id("recording-" + callId)).getAttribute("href"))
        .endsWith("/api/calls/" + callId + "/recording");
    assertThat(browser.driver.findElements(By.id("action-supervise"))).hasSize(1);
    assertThat(browser.driver.findElements(By.id("action-sign"))).isEmpty();
    browser.shot("order-detail");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
