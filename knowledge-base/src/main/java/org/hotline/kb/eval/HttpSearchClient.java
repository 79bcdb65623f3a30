package org.hotline.kb.eval;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.kb.Hit;
import org.hotline.kb.SearchResult;

/** Runs searches through the platform's HTTP API, logged in with a session cookie. */
final class HttpSearchClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  HttpSearchClient(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  void login(String user, String password) throws IOException, InterruptedException {
    String body = new JsonObject().put("username", user).put("password", password).encode();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IOException("login failed: HTTP " + r.statusCode() + " " + r.body());
    }
  }

  SearchResult search(String q, int limit) throws IOException, InterruptedException {
    String url =
        base
            + "/api/kb/search?q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8)
            + "&limit="
            + limit;
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("search failed: HTTP " + r.statusCode() + " " + r.body());
    }
    JsonObject o = new JsonObject(r.body());
    List<Hit> hits = new ArrayList<>();
    JsonArray arr = o.getJsonArray("hits", new JsonArray());
    for (int i = 0; i < arr.size(); i++) {
      JsonObject h = arr.getJsonObject(i);
      Number score = h.getNumber("score", 0);
      hits.add(
          new Hit(
              h.getString("code"),
              h.getString("title"),
              h.getString("snippet"),
              score.floatValue()));
    }
    return new SearchResult(o.getBoolean("confident", false), hits);
  }
}
