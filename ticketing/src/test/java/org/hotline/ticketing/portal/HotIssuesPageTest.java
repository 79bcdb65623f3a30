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
 * A burst of one kind of complaint is flagged as a hot issue on the centre portal, with its orders.
 */
class HotIssuesPageTest {

  static final String CATEGORY = "090101"; // 高空抛物: no other test files orders under it
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
  void aBurstOfOneCategoryIsFlaggedWithItsOrders() {
    ApiClient agent = platform.login("agent1");
    String last = null;
    for (int i = 0; i < 6; i++) {
      ApiClient.Response r =
          agent.post(
              "/api/tickets",
              new JsonObject()
                  .put("channel", "phone")
                  .put("requestType", "complaint")
                  .put("categoryCode", CATEGORY)
                  .put("citizenPhone", "1391111000" + i)
                  .put("location", "东城区建新路" + (10 + i) + "号楼")
                  .put("description", "楼上又有人往下扔杂物，差点砸到人")
                  .put("urgency", "normal"));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      last = r.json().getString("number");
    }
    browser.login("supervisor1");
    browser.visible(By.id("tab-hot")).click();
    By issue = By.id("hot-category-" + CATEGORY);
    browser.visible(issue);
    assertThat(browser.text(issue)).contains("高空抛物").contains(last);
    assertThat(browser.text(By.id("count-hot"))).isNotIn("", "0");
    assertThat(browser.driver.findElement(By.id("link-daily-brief")).getAttribute("href"))
        .contains("/api/reports/daily-brief?date=");
    browser.shot("centre-hot-issues");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
