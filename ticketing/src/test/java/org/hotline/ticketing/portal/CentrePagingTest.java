package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.hotline.ticketing.api.ApiClient;
import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A busy intake queue (more than one page of 100) can be worked to its end from the centre portal.
 */
class CentrePagingTest {

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
  void theIntakeQueuePagesThroughMoreThanAHundredOrders() {
    ApiClient agent = platform.login("agent1");
    int waiting = agent.get("/api/tickets?state=RECEIVED&size=1").json().getInteger("total");
    for (int i = waiting; i <= 100; i++) {
      ApiClient.Response r =
          agent.post(
              "/api/tickets",
              new JsonObject()
                  .put("channel", "phone")
                  .put("requestType", "consult")
                  .put("categoryCode", "010101")
                  .put("citizenPhone", "1390000" + String.format("%04d", i))
                  .put("location", "东城区建新路" + i + "号")
                  .put("description", "分页测试：咨询路灯维修进度")
                  .put("urgency", "normal"));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    browser.login("dispatcher1");
    browser.waitText(By.id("intake-list-page"), "1 / 2");
    assertThat(browser.driver.findElement(By.id("intake-list-prev")).isEnabled()).isFalse();
    String first = firstRow();
    assertThat(browser.driver.findElements(By.cssSelector("#intake-list tbody tr"))).hasSize(100);
    browser.driver.findElement(By.id("intake-list-next")).click();
    browser.waitText(By.id("intake-list-page"), "2 / 2");
    assertThat(firstRow()).isNotEqualTo(first);
    assertThat(browser.driver.findElement(By.id("intake-list-next")).isEnabled()).isFalse();
    browser.driver.findElement(By.id("intake-list-prev")).click();
    browser.waitText(By.id("intake-list-page"), "1 / 2");
    assertThat(firstRow()).isEqualTo(first);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static String firstRow() {
    return browser
        .driver
        .findElement(By.cssSelector("#intake-list tbody tr"))
        .getAttribute("data-id");
  }
}
