package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthApiTest {

  static TestPlatform platform;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
  }

  @Test
  void loginAnswersTheUserAndSetsAnHttpOnlySameSiteCookie() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var res =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(platform.baseUrl + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"u-dc\",\"password\":\"demo12345\"}"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject user = new JsonObject(res.body());
    assertThat(user.getString("username")).isEqualTo("u-dc");
    assertThat(user.getJsonArray("roles").getList()).containsExactly("handler");
    assertThat(user.getString("unit")).isEqualTo("dc");
    String cookie = res.headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
  }

  @Test
  void withoutALoginTheApiAnswers401() {
    ApiClient anonymous = platform.client();
    assertThat(anonymous.get("/api/tickets").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/tickets", "{}").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/tickets").json().getString("error")).isEqualTo("unauthorized");
  }

  @Test
  void repeatedFailedLoginsLockTheAccount() {
    ApiClient c = platform.client();
    for (int i = 0; i < 5; i++) {
      assertThat(c.post("/api/login", "{\"username\":\"u-nh\",\"password\":\"wrong\"}").status())
          .isEqualTo(401);
    }
    ApiClient.Response locked =
        c.post("/api/login", "{\"username\":\"u-nh\",\"password\":\"demo12345\"}");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.json().getString("error")).isEqualTo("account_locked");
  }

  @Test
  void bearerTokensAuthenticateIntegrations() {
    ApiClient admin = platform.login("admin");
    ApiClient.Response issued =
        admin.post("/api/tokens", "{\"name\":\"open311\",\"username\":\"agent1\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    ApiClient integration = platform.client().withBearer(issued.json().getString("token"));
    assertThat(integration.get("/api/me").json().getString("username")).isEqualTo("agent1");
    assertThat(platform.client().withBearer("hl_bogus").get("/api/me").status()).isEqualTo(401);
    ApiClient agent = platform.login("agent1");
    assertThat(agent.post("/api/tokens", "{\"name\":\"x\",\"username\":\"admin\"}").status())
        .isEqualTo(403);
  }

  @Test
  void logoutEndsTheSession() {
    ApiClient c = platform.login("reviewer1");
    assertThat(c.get("/api/me").status()).isEqualTo(200);
    c.post("/api/logout", "{}");
    assertThat(c.get("/api/me").status()).isEqualTo(401);
  }
}
