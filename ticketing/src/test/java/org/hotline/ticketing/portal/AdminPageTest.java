package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The administration in a real browser: the administrator creates a user with a role, blocks a
 * number, edits a knowledge-base article and finds the edit in the audit log with before → after; a
 * knowledge-base editor sees the knowledge-base tab and nothing else.
 */
class AdminPageTest {

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
  void theAdministratorChangesUsersNumbersAndArticlesAndSeesEachInTheAuditLog() {
    browser.login("admin");
    browser.open("/admin");
    browser.visible(By.id("tab-users")).click();
    browser.visible(By.id("user-row-agent1"));
    browser.driver.findElement(By.id("user-new")).click();
    type("user-username", "t-browser1");
    type("user-displayName", "浏览器测试员");
    browser.driver.findElement(By.id("role-dispatcher")).click();
    type("user-password", "browser-test-pw-1");
    browser.driver.findElement(By.id("user-save")).click();
    browser.waitText(By.id("user-row-t-browser1"), "派单员");
    assertThat(browser.text(By.id("user-form-title"))).contains("t-browser1");
    browser.shot("admin-users");

    browser.driver.findElement(By.id("tab-blocked")).click();
    type("blocked-number", "139-0000-1234");
    type("blocked-reason", "多次恶意骚扰");
    browser.driver.findElement(By.id("blocked-add")).click();
    browser.waitText(By.id("blocked-row-13900001234"), "多次恶意骚扰");

    browser.driver.findElement(By.id("tab-kb")).click();
    browser.visible(By.id("kb-row-KB-003")).click();
    browser.waitFor().until(d -> !d.findElement(By.id("kb-title")).getAttribute("value").isEmpty());
    String oldTitle = browser.driver.findElement(By.id("kb-title")).getAttribute("value");
    String newTitle = oldTitle + "（浏览器修订）";
    type("kb-title", newTitle);
    browser.driver.findElement(By.id("kb-publish")).click();
    browser.waitText(By.id("kb-row-KB-003"), "（浏览器修订）");
    browser.shot("admin-kb");

    browser.driver.findElement(By.id("tab-audit")).click();
    type("audit-action", "admin:kb-article");
    browser.driver.findElement(By.id("audit-search")).click();
    browser.waitText(By.cssSelector("#audit-table tbody"), "KB-003");
    WebElement entry =
        browser.driver.findElement(
            By.cssSelector("#audit-table tbody tr[data-action='admin:kb-article']"));
    assertThat(entry.getText()).contains("admin").contains("KB-003");
    assertThat(entry.findElement(By.cssSelector(".diff del")).getText()).isEqualTo(oldTitle);
    assertThat(entry.findElement(By.cssSelector(".diff ins")).getText()).isEqualTo(newTitle);
    type("audit-action", "admin:");
    browser.driver.findElement(By.id("audit-search")).click();
    browser.waitText(By.cssSelector("#audit-table tbody"), "13900001234");
    assertThat(browser.text(By.cssSelector("#audit-table tbody"))).contains("t-browser1");
    browser.shot("admin-audit");

    // every other section fills from its API without a script error
    for (String[] tab :
        List.of(
            new String[] {"units", "unit-row-dc"},
            new String[] {"categories", "category-row-010101"},
            new String[] {"routing", "routing-table"},
            new String[] {"calendar", "cal-days"},
            new String[] {"sms", "sms-src-receipt"})) {
      browser.driver.findElement(By.id("tab-" + tab[0])).click();
      browser.visible(By.id(tab[1]));
    }
    browser
        .waitFor()
        .until(d -> !d.findElements(By.cssSelector("#routing-table tbody tr")).isEmpty());
    browser.waitFor().until(d -> !d.findElements(By.cssSelector("#cal-days tbody tr")).isEmpty());
    assertThat(browser.driver.findElement(By.id("set-working-hours")).getAttribute("value"))
        .contains("09:00");
    assertThat(browser.driver.findElement(By.id("sms-src-receipt")).getAttribute("value"))
        .contains("${");
    assertThat(browser.consoleErrors()).isEmpty();
    browser.logout();
  }

  @Test
  void aKnowledgeBaseEditorSeesOnlyTheKnowledgeBase() {
    browser.login("kbeditor1");
    browser.open("/admin");
    browser.visible(By.id("kb-row-KB-001"));
    List<String> tabs =
        browser.driver.findElements(By.cssSelector("#admin-tabs [data-section]")).stream()
            .map(e -> e.getAttribute("data-section"))
            .toList();
    assertThat(tabs).containsExactly("kb");
    assertThat(browser.driver.findElements(By.id("sec-users"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("sec-audit"))).isEmpty();
    assertThat(browser.consoleErrors()).isEmpty();
    browser.logout();
  }

  private static void type(String id, String text) {
    WebElement input = browser.visible(By.id(id));
    input.clear();
    input.sendKeys(text);
  }
}
