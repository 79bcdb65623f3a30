package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administration API behind /admin: units with contacts, users and roles, categories, blocked
 * numbers, the audit and personal-data logs; every change audited with before → after, every
 * section refused to non-administrators (knowledge-base editors keep only the knowledge base).
 */
class AdminConsoleApiTest {

  static TestPlatform platform;
  static ApiClient admin;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    admin = platform.login("admin");
  }

  @Test
  void usersAreCreatedWithHashedPasswordsEditedDisabledAndUnlocked() throws Exception {
    String create =
        "{\"username\":\"t-agent9\",\"displayName\":\"测试话务员\",\"roles\":[\"agent\"],"
            + "\"password\":\"correct-horse-12\"}";
    ApiClient.Response created = admin.post("/api/admin/users", create);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("password").doesNotContain("$2");
    assertThat(admin.post("/api/admin/users", create).json().getString("field"))
        .isEqualTo("username");
    assertThat(login("t-agent9", "correct-horse-12")).isEqualTo(200);
    try (Connection c = platform.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT password_hash FROM app_user WHERE username = 't-agent9'")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("$2").doesNotContain("correct-horse");
    }

    assertField(
        admin.post(
            "/api/admin/users",
            "{\"username\":\"t-x\",\"roles\":[\"agent\"],\"password\":\"short\"}"),
        "password");
    assertField(
        admin.post(
            "/api/admin/users",
            "{\"username\":\"t-x\",\"roles\":[\"wizard\"],\"password\":\"long-enough-pw\"}"),
        "roles");
    assertField(
        admin.post(
            "/api/admin/users",
            "{\"username\":\"t-x\",\"roles\":[\"handler\"],\"password\":\"long-enough-pw\"}"),
        "unit");
    assertField(
        admin.post(
            "/api/admin/users",
            "{\"username\":\"T X\",\"roles\":[\"agent\"],\"password\":\"long-enough-pw\"}"),
        "username");

    ApiClient.Response moved =
        admin.put(
            "/api/admin/users/t-agent9",
            "{\"displayName\":\"测试派单员\",\"roles\":[\"dispatcher\"],\"enabled\":true}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    JsonObject entry = lastAudit("admin:user-update");
    assertThat(entry.getString("username")).isEqualTo("admin");
    assertThat(entry.getJsonObject("detail").getJsonObject("before").getJsonArray("roles"))
        .containsExactly("agent");
    assertThat(entry.getJsonObject("detail").getJsonObject("after").getJsonArray("roles"))
        .containsExactly("dispatcher");

    admin.put("/api/admin/users/t-agent9", "{\"roles\":[\"dispatcher\"],\"enabled\":false}");
    assertThat(login("t-agent9", "correct-horse-12")).isEqualTo(401);
    admin.put("/api/admin/users/t-agent9", "{\"roles\":[\"dispatcher\"],\"enabled\":true}");

    for (int i = 0; i < 5; i++) {
      login("t-agent9", "wrong-password-" + i);
    }
    assertThat(login("t-agent9", "correct-horse-12")).isEqualTo(429);
    JsonObject listed = user("t-agent9");
    assertThat(listed.getBoolean("locked")).isTrue();
    assertThat(admin.post("/api/admin/users/t-agent9/unlock", "{}").status()).isEqualTo(200);
    assertThat(login("t-agent9", "correct-horse-12")).isEqualTo(200);

    assertField(
        admin.post("/api/admin/users/t-agent9/password", "{\"password\":\"tiny\"}"), "password");
    assertThat(
            admin
                .post("/api/admin/users/t-agent9/password", "{\"password\":\"another-long-pw\"}")
                .status())
        .isEqualTo(200);
    assertThat(login("t-agent9", "correct-horse-12")).isEqualTo(401);
    assertThat(login("t-agent9", "another-long-pw")).isEqualTo(200);
    assertThat(lastAudit("admin:user-password").encode()).doesNotContain("another-long-pw");
    assertThat(admin.post("/api/admin/users/nobody9/unlock", "{}").status()).isEqualTo(404);
  }

  @Test
  void loggedInUsersGetTheirNewRolesAndADisabledUsersSessionEnds() {
    ApiClient.Response created =
        admin.post(
            "/api/admin/users",
            "{\"username\":\"t-sess1\",\"roles\":[\"agent\"],\"password\":\"session-test-pw\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    ApiClient session = platform.client();
    assertThat(
            session
                .post("/api/login", "{\"username\":\"t-sess1\",\"password\":\"session-test-pw\"}")
                .status())
        .isEqualTo(200);
    assertThat(session.get("/api/admin/blocked-numbers").status()).isEqualTo(403);
    admin.put("/api/admin/users/t-sess1", "{\"roles\":[\"admin\"]}");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> session.get("/api/admin/blocked-numbers").status() == 200);
    admin.put("/api/admin/users/t-sess1", "{\"roles\":[\"admin\"],\"enabled\":false}");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> session.get("/api/me").status() == 401);
  }

  @Test
  void administratorsCannotLockThemselvesOut() {
    assertField(
        admin.put("/api/admin/users/admin", "{\"roles\":[\"admin\"],\"enabled\":false}"),
        "enabled");
    assertField(admin.put("/api/admin/users/admin", "{\"roles\":[\"agent\"]}"), "roles");
  }

  @Test
  void unitsAndTheirContactsAreEditedAndTheTreeReloaded() {
    ApiClient.Response created =
        admin.post(
            "/api/admin/units",
            "{\"code\":\"t-unit1\",\"name\":\"测试社区居委会\",\"parent\":\"dc\",\"type\":\"community\","
                + "\"areaKeywords\":[\"测试社区\"],\"contacts\":[{\"name\":\"王五\",\"mobile\":\"13800001111\"}]}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(platform.login("agent1").get("/api/units").body()).contains("t-unit1");
    JsonObject listed =
        admin.get("/api/admin/units").array().stream()
            .map(u -> (JsonObject) u)
            .filter(u -> "t-unit1".equals(u.getString("code")))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getJsonArray("contacts").getJsonObject(0).getString("mobile"))
        .isEqualTo("13800001111");

    assertField(
        admin.put(
            "/api/admin/units/t-unit1",
            "{\"name\":\"x\",\"type\":\"community\",\"contacts\":[{\"name\":\"王五\",\"mobile\":\"abc\"}]}"),
        "contacts[0].mobile");
    assertField(
        admin.put(
            "/api/admin/units/dc",
            "{\"name\":\"东城区\",\"type\":\"district\",\"parent\":\"t-unit1\"}"),
        "parent");
    assertField(
        admin.put("/api/admin/units/t-unit1", "{\"name\":\"x\",\"type\":\"planet\"}"), "type");
    ApiClient.Response renamed =
        admin.put(
            "/api/admin/units/t-unit1",
            "{\"name\":\"测试社区（改）\",\"parent\":\"dc\",\"type\":\"community\","
                + "\"contacts\":[{\"name\":\"赵六\",\"mobile\":\"13800002222\"}]}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    JsonObject detail = lastAudit("admin:unit-update").getJsonObject("detail");
    assertThat(detail.getString("target")).isEqualTo("t-unit1");
    assertThat(detail.getJsonObject("before").getString("name")).isEqualTo("测试社区居委会");
    assertThat(detail.getJsonObject("after").encode()).contains("赵六").doesNotContain("王五");

    assertThat(admin.delete("/api/admin/units/dc").status()).isEqualTo(409);
    assertThat(admin.delete("/api/admin/units/t-unit1").status()).isEqualTo(200);
    assertThat(admin.delete("/api/admin/units/t-unit1").status()).isEqualTo(404);
    assertThat(platform.login("agent1").get("/api/units").body()).doesNotContain("t-unit1");
  }

  @Test
  void categoriesAreAddedRenamedAndRemovedWhenUnused() {
    ApiClient agent = platform.login("agent1");
    assertThat(agent.get("/api/routing/suggest?categoryCode=010198").status()).isEqualTo(400);
    ApiClient.Response created =
        admin.post(
            "/api/admin/categories", "{\"code\":\"010198\",\"name\":\"测试小类\",\"kind\":\"event\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("parent")).isEqualTo("010100");
    // a new leaf is at once a category an order may carry
    assertThat(agent.get("/api/routing/suggest?categoryCode=010198").status()).isEqualTo(200);
    assertField(admin.post("/api/admin/categories", "{\"code\":\"01019\",\"name\":\"x\"}"), "code");
    assertField(
        admin.post("/api/admin/categories", "{\"code\":\"019901\",\"name\":\"x\"}"), "code");
    assertField(admin.put("/api/admin/categories/010198", "{\"name\":\"\"}"), "name");
    assertThat(admin.put("/api/admin/categories/010198", "{\"name\":\"测试小类二\"}").status())
        .isEqualTo(200);
    assertThat(lastAudit("admin:category-update").encode()).contains("测试小类二");
    assertThat(admin.delete("/api/admin/categories/010101").status()).isEqualTo(409);
    assertThat(admin.delete("/api/admin/categories/010198").status()).isEqualTo(200);
    assertThat(agent.get("/api/routing/suggest?categoryCode=010198").status()).isEqualTo(400);
  }

  @Test
  void blockedNumbersAreAddedAndRemovedWithTheirReason() throws Exception {
    ApiClient.Response added =
        admin.post(
            "/api/admin/blocked-numbers", "{\"number\":\"138-0000-9999\",\"reason\":\"反复辱骂话务员\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().getString("number")).isEqualTo("13800009999");
    assertThat(added.json().getString("createdBy")).isEqualTo("admin");
    assertThat(admin.get("/api/admin/blocked-numbers").body()).contains("13800009999");
    try (Connection c = platform.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT 1 FROM blocked_number WHERE number = '13800009999'")) {
      assertThat(rs.next()).isTrue(); // what the IVR reads on every call
    }
    assertField(
        admin.post("/api/admin/blocked-numbers", "{\"number\":\"call me\",\"reason\":\"x\"}"),
        "number");
    assertField(admin.post("/api/admin/blocked-numbers", "{\"number\":\"13800009998\"}"), "reason");
    assertThat(admin.delete("/api/admin/blocked-numbers/13800009999").status()).isEqualTo(200);
    assertThat(admin.delete("/api/admin/blocked-numbers/13800009999").status()).isEqualTo(404);
    JsonObject detail = lastAudit("admin:blocked-number-remove").getJsonObject("detail");
    assertThat(detail.getJsonObject("before").getString("reason")).isEqualTo("反复辱骂话务员");
    assertThat(detail.getValue("after")).isNull();
  }

  @Test
  void theAuditLogIsFilteredByUserActionAndDate() {
    admin.post("/api/admin/blocked-numbers", "{\"number\":\"02012345678\",\"reason\":\"测试\"}");
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    JsonArray mine =
        admin.get("/api/admin/audit?user=admin&action=admin:blocked&from=" + today).array();
    assertThat(mine).isNotEmpty();
    mine.forEach(
        e -> {
          assertThat(((JsonObject) e).getString("username")).isEqualTo("admin");
          assertThat(((JsonObject) e).getString("action")).startsWith("admin:blocked");
        });
    assertThat(admin.get("/api/admin/audit?to=2000-01-01").array()).isEmpty();
    // the action filter is a prefix: % and _ in it are characters, not wildcards
    assertThat(admin.get("/api/admin/audit?action=" + ApiClient.q("%")).array()).isEmpty();
    assertThat(admin.get("/api/admin/audit?action=admin_").array()).isEmpty();
    assertField(admin.get("/api/admin/audit?from=yesterday"), "from");
    assertField(admin.get("/api/admin/audit?limit=100000"), "limit");
    long newest = mine.getJsonObject(0).getLong("id");
    assertThat(admin.get("/api/admin/audit?before=" + newest).array().stream())
        .allMatch(e -> ((JsonObject) e).getLong("id") < newest);
    JsonArray logins = admin.get("/api/admin/audit?action=login&user=admin").array();
    assertThat(logins).isNotEmpty();
  }

  @Test
  void everyViewOfACitizensDataAndEveryPlaybackIsThereForTheAdministrator() {
    ApiClient supervisor = platform.login("supervisor1");
    JsonObject order =
        supervisor.get("/api/tickets?limit=1").json().getJsonArray("items").getJsonObject(0);
    supervisor.get("/api/tickets/" + order.getLong("id"));
    JsonArray log = admin.get("/api/admin/pii-log?user=supervisor1&kind=view").array();
    assertThat(log.stream().map(e -> ((JsonObject) e).getString("ref")))
        .contains(order.getString("number"));
    assertThat(
            admin.get("/api/admin/pii-log?order=" + order.getString("number")).array().stream()
                .map(e -> ((JsonObject) e).getString("username")))
        .contains("supervisor1");
    assertField(admin.get("/api/admin/pii-log?kind=gossip"), "kind");
    // the audit log itself cannot be rewritten
    assertThat(
            Stream.of("UPDATE audit_log SET username = 'x'", "DELETE FROM personal_data_access")
                .map(this::refused))
        .containsOnly(true);
  }

  @Test
  void knowledgeBaseEditsAreAuditedWithBeforeAndAfter() {
    ApiClient editor = platform.login("kbeditor1");
    JsonArray drafts = editor.get("/api/kb/articles?q=KB-00").array();
    assertThat(drafts).isNotEmpty();
    JsonObject article = editor.get("/api/kb/articles/KB-002").json();
    String oldTitle = article.getString("title");
    ApiClient.Response saved =
        editor.put(
            "/api/kb/articles/KB-002",
            article.copy().put("title", oldTitle + "（修订）").put("status", "published").encode());
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    JsonObject entry = lastAudit("admin:kb-article");
    assertThat(entry.getString("username")).isEqualTo("kbeditor1");
    assertThat(entry.getJsonObject("detail").getJsonObject("before").getString("title"))
        .isEqualTo(oldTitle);
    assertThat(entry.getJsonObject("detail").getJsonObject("after").getString("title"))
        .isEqualTo(oldTitle + "（修订）");
    assertThat(editor.get("/api/kb/articles?status=nonsense").status()).isEqualTo(400);
    assertThat(platform.login("agent1").get("/api/kb/articles").status()).isEqualTo(403);
  }

  @Test
  void onlyAdministratorsReachTheAdministrationAndKbEditorsOnlyTheKnowledgeBase() {
    ApiClient kbeditor = platform.login("kbeditor1");
    ApiClient supervisor = platform.login("supervisor1");
    ApiClient handler = platform.login("u-dc");
    List<String> reads =
        List.of(
            "/api/admin/units",
            "/api/admin/users",
            "/api/admin/blocked-numbers",
            "/api/admin/audit",
            "/api/admin/pii-log",
            "/api/admin/settings",
            "/api/admin/routing",
            "/api/admin/calendar",
            "/api/admin/sms-templates");
    for (ApiClient who : List.of(kbeditor, supervisor, handler)) {
      for (String path : reads) {
        assertThat(who.get(path).status()).as(path).isEqualTo(403);
      }
      assertThat(
              who.post(
                      "/api/admin/users",
                      "{\"username\":\"t-evil\",\"roles\":[\"admin\"],\"password\":\"long-enough-pw\"}")
                  .status())
          .isEqualTo(403);
      assertThat(who.post("/api/admin/units", "{}").status()).isEqualTo(403);
      assertThat(who.put("/api/admin/units/dc", "{}").status()).isEqualTo(403);
      assertThat(who.delete("/api/admin/units/dc").status()).isEqualTo(403);
      assertThat(who.post("/api/admin/categories", "{}").status()).isEqualTo(403);
      assertThat(who.delete("/api/admin/blocked-numbers/110").status()).isEqualTo(403);
      assertThat(who.post("/api/admin/users/admin/password", "{}").status()).isEqualTo(403);
    }
    assertThat(kbeditor.get("/api/kb/articles").status()).isEqualTo(200);
    assertThat(kbeditor.get("/api/kb/synonyms").status()).isEqualTo(200);
    assertThat(platform.client().get("/api/admin/users").status()).isEqualTo(401);
  }

  @Test
  void smsTemplatesShowTheirSourceAndEditsAreAuditedWithBefore() {
    JsonObject receipt =
        admin.get("/api/admin/sms-templates").array().stream()
            .map(x -> (JsonObject) x)
            .filter(x -> "help".equals(x.getString("name")))
            .findFirst()
            .orElseThrow();
    String source = receipt.getString("source");
    assertThat(source).isNotBlank();
    assertThat(receipt.getBoolean("edited")).isFalse();
    String edited = source.strip() + "（测试）";
    ApiClient.Response put =
        admin.put("/api/admin/sms-templates/help", new JsonObject().put("source", edited).encode());
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonObject detail = lastAudit("admin:sms-template").getJsonObject("detail");
    assertThat(detail.getString("before")).isEqualTo(source);
    assertThat(detail.getString("after")).isEqualTo(edited);
    assertThat(
            admin.get("/api/admin/sms-templates").array().stream()
                .map(x -> (JsonObject) x)
                .filter(x -> "help".equals(x.getString("name")))
                .findFirst()
                .orElseThrow()
                .getString("source"))
        .isEqualTo(edited);
    admin.put("/api/admin/sms-templates/help", new JsonObject().put("source", source).encode());
  }

  @Test
  void theAdministrationApiIsDocumented() {
    JsonObject paths = admin.get("/api/openapi.json").json().getJsonObject("paths");
    assertThat(paths.fieldNames())
        .contains(
            "/api/admin/settings",
            "/api/admin/units",
            "/api/admin/units/{code}",
            "/api/admin/users",
            "/api/admin/users/{username}",
            "/api/admin/users/{username}/password",
            "/api/admin/users/{username}/unlock",
            "/api/admin/categories",
            "/api/admin/categories/{code}",
            "/api/admin/blocked-numbers",
            "/api/admin/blocked-numbers/{number}",
            "/api/admin/audit",
            "/api/admin/pii-log",
            "/api/kb/articles");
  }

  private boolean refused(String sql) {
    try (Connection c = platform.jdbc()) {
      c.createStatement().executeUpdate(sql);
      return false;
    } catch (Exception e) {
      return e.getMessage().contains("append-only");
    }
  }

  private int login(String user, String password) {
    return platform
        .client()
        .post(
            "/api/login", new JsonObject().put("username", user).put("password", password).encode())
        .status();
  }

  private JsonObject user(String username) {
    return admin.get("/api/admin/users").array().stream()
        .map(u -> (JsonObject) u)
        .filter(u -> username.equals(u.getString("username")))
        .findFirst()
        .orElseThrow();
  }

  private JsonObject lastAudit(String action) {
    JsonArray a = admin.get("/api/admin/audit?limit=1&action=" + action).array();
    assertThat(a).as("audit entries for " + action).isNotEmpty();
    return a.getJsonObject(0);
  }

  private static void assertField(ApiClient.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getString("field")).as(r.body()).isEqualTo(field);
  }
}
