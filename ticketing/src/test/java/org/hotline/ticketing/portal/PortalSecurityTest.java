package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.api.TestPlatform;
import org.hotline.ticketing.auth.PasswordHasher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portals' security at the HTTP level (ASVS L2 as the yardstick): every page and a sample of
 * API routes as every role, anonymous access, CSRF, security headers, escaping of reflected input,
 * open redirects and login lock-out.
 */
class PortalSecurityTest {

  static TestPlatform platform;

  /** Every demo role: centre staff, the knowledge-base editor, administrator, unit staff. */
  static final List<String> USERS =
      List.of(
          "agent1",
          "dispatcher1",
          "reviewer1",
          "supervisor1",
          "kbeditor1",
          "admin",
          "u-dc",
          "l-dc");

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
  }

  WebSession session() {
    return new WebSession(platform.baseUrl);
  }

  /** Which users each page admits; every other user gets the 403 page. */
  static final Map<String, Set<String>> PAGE_ACCESS = new LinkedHashMap<>();

  static {
    PAGE_ACCESS.put("/agent", Set.of("agent1", "supervisor1"));
    PAGE_ACCESS.put("/centre", Set.of("dispatcher1", "reviewer1", "supervisor1"));
    PAGE_ACCESS.put("/unit", Set.of("u-dc", "l-dc"));
    PAGE_ACCESS.put("/admin", Set.of("admin", "kbeditor1"));
    PAGE_ACCESS.put(
        "/wallboard", Set.of("agent1", "dispatcher1", "reviewer1", "supervisor1", "admin"));
  }

  /** API routes (GET) and who may read them; others get 403, anonymous 401. */
  static final Map<String, Set<String>> API_ACCESS = new LinkedHashMap<>();

  static {
    Set<String> centre = Set.of("agent1", "dispatcher1", "reviewer1", "supervisor1", "admin");
    Set<String> everyone = Set.copyOf(USERS);
    API_ACCESS.put("/api/me", everyone);
    API_ACCESS.put("/api/tickets", everyone);
    API_ACCESS.put("/api/units", everyone);
    API_ACCESS.put("/api/calls", centre);
    API_ACCESS.put("/api/wallboard", centre);
    API_ACCESS.put("/api/agents", centre);
    API_ACCESS.put("/api/callbacks", centre);
    API_ACCESS.put("/api/sms", centre);
    API_ACCESS.put("/api/admin/calendar", Set.of("admin"));
    API_ACCESS.put("/api/admin/routing", Set.of("admin"));
    API_ACCESS.put("/api/admin/sms-templates", Set.of("admin"));
  }

  @Test
  void everyPageAsEveryRole() {
    Map<String, String> wrong = new LinkedHashMap<>();
    for (String user : USERS) {
      WebSession s = session().login(user);
      for (var e : PAGE_ACCESS.entrySet()) {
        WebSession.Page p = s.get(e.getKey());
        int expected = e.getValue().contains(user) ? 200 : 403;
        if (p.status() != expected) {
          wrong.put(user + " " + e.getKey(), "expected " + expected + ", got " + p.status());
        }
        if (expected == 200) {
          assertThat(p.header("Content-Type")).startsWith("text/html");
          assertThat(p.body()).contains("id=\"logout\"").contains(user);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyApiRouteAsEveryRole() {
    Map<String, String> wrong = new LinkedHashMap<>();
    for (String user : USERS) {
      WebSession s = session().login(user);
      for (var e : API_ACCESS.entrySet()) {
        int status = s.get(e.getKey()).status();
        int expected = e.getValue().contains(user) ? 200 : 403;
        if (status != expected) {
          wrong.put(user + " " + e.getKey(), "expected " + expected + ", got " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void nobodyLoggedInIsSentToLoginOrRefused() {
    WebSession anonymous = session();
    for (String page : PAGE_ACCESS.keySet()) {
      WebSession.Page p = anonymous.get(page);
      assertThat(p.status()).as(page).isEqualTo(303);
      assertThat(p.header("Location")).isEqualTo("/login?next=" + page);
    }
    assertThat(anonymous.get("/orders/1").header("Location")).isEqualTo("/login?next=/orders/1");
    for (String api : API_ACCESS.keySet()) {
      assertThat(anonymous.get(api).status()).as(api).isEqualTo(401);
    }
    assertThat(anonymous.get("/live/wallboard").status()).isEqualTo(401);
    assertThat(anonymous.get("/").header("Location")).isEqualTo("/login");
  }

  @Test
  void loginLandsOnTheRolesHomeAndFollowsOnlyLocalNextPages() {
    Map<String, String> home =
        Map.of(
            "agent1", "/agent",
            "dispatcher1", "/centre",
            "supervisor1", "/centre",
            "u-dc", "/unit",
            "admin", "/admin",
            "kbeditor1", "/admin");
    home.forEach(
        (user, page) -> {
          WebSession s = session();
          String token = s.get("/login").csrf();
          WebSession.Page p =
              s.form("/login", Map.of("username", user, "password", "demo12345", "_csrf", token));
          assertThat(p.header("Location")).as(user).isEqualTo(page);
        });
    WebSession s = session();
    String token = s.get("/login?next=/wallboard").csrf();
    assertThat(
            s.form(
                    "/login",
                    Map.of(
                        "username",
                        "supervisor1",
                        "password",
                        "demo12345",
                        "_csrf",
                        token,
                        "next",
                        "/wallboard"))
                .header("Location"))
        .isEqualTo("/wallboard");
    WebSession evil = session();
    String t2 = evil.get("/login").csrf();
    assertThat(
            evil.form(
                    "/login",
                    Map.of(
                        "username",
                        "agent1",
                        "password",
                        "demo12345",
                        "_csrf",
                        t2,
                        "next",
                        "//evil.example/phish"))
                .header("Location"))
        .isEqualTo("/agent");
  }

  @Test
  void formsAndBrowserRequestsWithoutTheTokenAreRefused() {
    WebSession s = session().login("dispatcher1");
    String origin = platform.baseUrl;
    String token = s.get("/centre").csrf();
    String order =
        "{\"channel\":\"phone\",\"citizenPhone\":\"13912345678\",\"requestType\":\"complaint\","
            + "\"categoryCode\":\"010101\",\"description\":\"CSRF 测试：路灯不亮\","
            + "\"location\":\"东城区建新路\",\"urgency\":\"normal\"}";
    // A page on another site posting with the victim's cookie: refused whatever it carries.
    assertThat(
            s.json("POST", "/api/tickets", order, Map.of("Origin", "http://evil.example")).status())
        .isEqualTo(403);
    assertThat(
            s.json(
                    "POST",
                    "/api/tickets",
                    order,
                    Map.of("Origin", "http://evil.example", "X-CSRF-Token", token))
                .status())
        .isEqualTo(403);
    // Our own origin but no token (a script that did not get it from the page): refused.
    WebSession.Page noToken = s.json("POST", "/api/tickets", order, Map.of("Origin", origin));
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.body()).contains("\"error\":\"csrf\"");
    // A form post without the token (the classic forgery): refused, and the user stays logged in.
    assertThat(s.form("/logout", Map.of()).status()).isEqualTo(403);
    assertThat(s.get("/centre").status()).isEqualTo(200);
    // With the page's token the same requests go through.
    assertThat(
            s.json("POST", "/api/tickets", order, Map.of("Origin", origin, "X-CSRF-Token", token))
                .status())
        .isEqualTo(201);
    assertThat(s.form("/logout", Map.of("_csrf", token)).status()).isEqualTo(303);
    assertThat(s.get("/centre").status()).isEqualTo(303);
  }

  @Test
  void loginFormNeedsItsToken() {
    WebSession s = session();
    s.get("/login");
    WebSession.Page p =
        s.form("/login", Map.of("username", "agent1", "password", "demo12345", "_csrf", "forged"));
    assertThat(p.status()).isEqualTo(403);
  }

  @Test
  void securityHeadersOnPagesAndApi() {
    WebSession s = session().login("supervisor1");
    for (String path : List.of("/login", "/centre", "/api/me")) {
      WebSession.Page p = s.get(path);
      String csp = p.header("Content-Security-Policy");
      assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'");
      assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe-eval");
      assertThat(csp.replace("style-src-attr 'unsafe-inline'", "")).doesNotContain("unsafe-inline");
      assertThat(p.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(p.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(p.header("Cache-Control")).isEqualTo("no-store");
    }
    WebSession fresh = session();
    WebSession.Page login = fresh.get("/login");
    String cookie = login.raw().headers().firstValue("Set-Cookie").orElse("");
    assertThat(cookie)
        .contains("hotline.sid=")
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Strict");
    // No page carries an inline script or style: CSP would block it, so none may be written.
    for (String path : List.of("/centre", "/wallboard")) {
      String body = s.get(path).body();
      assertThat(body).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
      assertThat(body)
          .doesNotContain(" style=")
          .doesNotContain("<style")
          .doesNotContain(" onclick=");
    }
  }

  @Test
  void reflectedInputIsEscaped() {
    WebSession s = session();
    String token = s.get("/login").csrf();
    String probe = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    WebSession.Page p =
        s.form("/login", Map.of("username", probe, "password", "wrong", "_csrf", token));
    assertThat(p.status()).isIn(400, 401);
    assertThat(p.body()).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
    assertThat(p.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void fiveWrongPasswordsLockTheAccount() throws Exception {
    String user = "lockout-probe";
    try (Connection c = platform.jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO app_user (username, password_hash, display_name, roles)"
                    + " VALUES (?, ?, '锁定测试', '{agent}') ON CONFLICT (username) DO UPDATE"
                    + " SET failed_logins = 0, locked_until = NULL")) {
      ps.setString(1, user);
      ps.setString(2, new PasswordHasher().hash("right-password-1"));
      ps.executeUpdate();
    }
    WebSession s = session();
    for (int i = 0; i < 5; i++) {
      String token = s.get("/login").csrf();
      WebSession.Page p =
          s.form("/login", Map.of("username", user, "password", "wrong" + i, "_csrf", token));
      assertThat(p.status()).isIn(401, 429);
    }
    String token = s.get("/login").csrf();
    WebSession.Page locked =
        s.form("/login", Map.of("username", user, "password", "right-password-1", "_csrf", token));
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.body()).contains("id=\"login-error\"");
    assertThat(s.get("/agent").status()).isEqualTo(303); // still not logged in
  }

  @Test
  void languageSwitchChangesThePageTexts() {
    WebSession s = session().login("supervisor1");
    assertThat(s.get("/wallboard").body()).contains("<html lang=\"zh-CN\">").contains("话务实时监控");
    WebSession.Page sw = s.get("/lang/en?next=/wallboard");
    assertThat(sw.status()).isEqualTo(303);
    assertThat(sw.header("Location")).isEqualTo("/wallboard");
    assertThat(s.get("/wallboard").body())
        .contains("<html lang=\"en\">")
        .contains("Live call centre");
    s.get("/lang/zh-CN");
    assertThat(s.get("/wallboard").body()).contains("话务实时监控");
  }
}
