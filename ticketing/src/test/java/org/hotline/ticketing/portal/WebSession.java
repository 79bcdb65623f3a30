package org.hotline.ticketing.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session for page-level tests without a browser: keeps cookies, does not
 * follow redirects, lets a test set Origin and the CSRF token as a browser (or an attacker) would.
 */
final class WebSession {

  record Page(int status, String body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** The CSRF token the page carries in its meta tag. */
    String csrf() {
      Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(body);
      return m.find() ? m.group(1) : null;
    }
  }

  private final String base;
  private final HttpClient http;
  final CookieManager cookies = new CookieManager();

  WebSession(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Logs in through the form as a browser does (token from the login page). */
  WebSession login(String username, String password) {
    String token = get("/login").csrf();
    Page p = form("/login", Map.of("username", username, "password", password, "_csrf", token));
    if (p.status() != 303) {
      throw new IllegalStateException("login of " + username + " answered " + p.status());
    }
    return this;
  }

  WebSession login(String username) {
    return login(username, "demo12345");
  }

  Page form(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A JSON request with extra headers (Origin, X-CSRF-Token, ...). */
  Page json(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    headers.forEach(b::header);
    return send(b);
  }

  private Page send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          http.send(
              b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      return new Page(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
