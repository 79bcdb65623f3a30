package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.ticketing.api.ApiClient;
import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The unit portal in a real browser: a handler signs from the list in one click, replies with text
 * and a file in two more, and watches the order move from tab to tab; the citizen's number shows
 * masked.
 */
class UnitPageTest {

  static final String UNIT = "dc-hp-ly"; // 柳荫社区
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
  }

  static JsonObject dispatchedOrder() {
    ApiClient agent = platform.login("agent1");
    ApiClient dispatcher = platform.login("dispatcher1");
    ApiClient.Response created =
        agent.post(
            "/api/tickets",
            new JsonObject()
                .put("channel", "phone")
                .put("requestType", "help")
                .put("categoryCode", "010101")
                .put("citizenPhone", "13912345678")
                .put("citizenName", "李四")
                .put("location", "东城区和平路柳荫社区3号楼")
                .put("description", "楼道灯坏了，晚上看不见台阶")
                .put("urgency", "normal"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject order = created.json();
    ApiClient.Response dispatched =
        dispatcher.post(
            "/api/tickets/" + order.getLong("id") + "/dispatch",
            new JsonObject().put("version", order.getInteger("version")).put("unit", UNIT));
    assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
    return dispatched.json();
  }

  @Test
  void aHandlerSignsAndRepliesWithAFileFromTheList(@TempDir Path tmp) throws Exception {
    JsonObject order = dispatchedOrder();
    long id = order.getLong("id");
    By row = By.id("order-" + id);

    browser.login("u-" + UNIT);
    assertThat(browser.driver.getCurrentUrl()).endsWith("/unit");
    browser.visible(row);
    assertThat(browser.text(By.id("citizen-" + id))).contains("139****5678").contains("李*");
    assertThat(browser.driver.getPageSource()).doesNotContain("13912345678");
    assertThat(browser.text(By.id("count-sign"))).isNotEqualTo("0");
    browser.shot("unit-to-sign");

    // 签收: one click in the row; the order leaves "to sign" for "in progress".
    String doingBefore = browser.text(By.id("count-doing"));
    browser.driver.findElement(By.id("sign-" + id)).click();
    browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(row));
    browser.waitFor().until(d -> !browser.text(By.id("count-doing")).equals(doingBefore));
    browser.driver.findElement(By.id("tab-doing")).click();
    browser.visible(row);

    // 回复: the row's button opens the form, then text, a file and 提交.
    Path file = tmp.resolve("整改回复.txt");
    Files.writeString(file, "楼道灯已更换，经现场确认正常。", StandardCharsets.UTF_8);
    browser.driver.findElement(By.id("reply-" + id)).click();
    browser.visible(By.id("reply-text")).sendKeys("已更换楼道灯，现场确认正常。");
    browser.driver.findElement(By.id("reply-files")).sendKeys(file.toAbsolutePath().toString());
    browser.shot("unit-reply");
    browser.driver.findElement(By.id("reply-submit")).click();
    browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(row));
    browser.driver.findElement(By.id("tab-replied")).click();
    browser.visible(row);

    // What the server holds: a reply citing the uploaded file.
    ApiClient handler = platform.login("u-" + UNIT);
    JsonObject replied = handler.get("/api/tickets/" + id).json();
    assertThat(replied.getString("state")).isEqualTo("REPLIED");
    assertThat(replied.getString("replyText")).isEqualTo("已更换楼道灯，现场确认正常。");
    JsonArray files = handler.get("/api/tickets/" + id + "/attachments").array();
    assertThat(files).hasSize(1);
    assertThat(files.getJsonObject(0).getString("name")).isEqualTo("整改回复.txt");
    JsonArray events = handler.get("/api/tickets/" + id + "/events").array();
    JsonObject reply = events.getJsonObject(events.size() - 1);
    assertThat(
            reply
                .getJsonObject("payload")
                .getJsonArray("attachments")
                .getJsonObject(0)
                .getLong("id"))
        .isEqualTo(files.getJsonObject(0).getLong("id"));

    // The detail panel lists the file as a download link.
    browser.driver.findElement(By.id("handle-" + id)).click();
    browser.visible(By.id("attachment-" + files.getJsonObject(0).getLong("id")));
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
