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
 * A stored cross-site-scripting probe: markup typed into an order by a citizen's words is shown as
 * text on every page that shows the order, never run.
 */
class StoredXssBrowserTest {

  static final String PROBE =
      "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
          + "<b id=injected>粗体</b>";
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
  void markupInAnOrderIsShownAsTextEverywhere() {
    ApiClient agent = platform.login("agent1");
    JsonObject order =
        agent
            .post(
                "/api/tickets",
                new JsonObject()
                    .put("channel", "phone")
                    .put("requestType", "complaint")
                    .put("categoryCode", "010101")
                    .put("citizenPhone", "13812349999")
                    .put("citizenName", "<i>张</i>")
                    .put("location", "东城区<svg onload=alert(1)>建新路")
                    .put("description", PROBE)
                    .put("urgency", "normal"))
            .json();
    long id = order.getLong("id");

    browser.login("dispatcher1");
    browser.visible(By.id("dispatch-" + id));
    assertHarmless();
    browser.open("/orders/" + id);
    browser.waitText(By.id("order-fields"), "<script>");
    assertHarmless();
    browser.shot("xss-probe-order");

    platform
        .login("dispatcher1")
        .post(
            "/api/tickets/" + id + "/dispatch",
            new JsonObject().put("version", order.getInteger("version")).put("unit", "cgj"));
    browser.logout();
    browser.login("u-cgj");
    browser.visible(By.id("order-" + id));
    browser.driver.findElement(By.id("handle-" + id)).click();
    browser.waitText(By.id("unit-panel"), "<img src=x");
    assertHarmless();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static void assertHarmless() {
    assertThat(browser.driver.getTitle()).doesNotContain("pwned");
    assertThat(browser.driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("injected"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("main svg[onload]"))).isEmpty();
  }
}
