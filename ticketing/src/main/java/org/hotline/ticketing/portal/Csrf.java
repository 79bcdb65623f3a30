package org.hotline.ticketing.portal;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.hotline.ticketing.web.ApiErrors;

/**
 * Cross-site request forgery protection for everything a session cookie authorises (pages and the
 * JSON API alike). A per-session secret token is put in every page ({@code <meta name=csrf-token>}
 * and a hidden {@value #FIELD} field in forms) and must come back with every state-changing request
 * that a browser could have been tricked into sending:
 *
 * <ul>
 *   <li>an {@code Origin} header naming another site is refused outright;
 *   <li>a request from a browser (it sends {@code Origin}) or with a form-like body (the only
 *       bodies a foreign page can send without the browser asking us first) must carry the token in
 *       the {@value #HEADER} header or the {@value #FIELD} form field.
 * </ul>
 *
 * Requests with a bearer token carry no ambient authority and pass; so do JSON calls from
 * non-browser clients (curl, integrations), which no other site can make with our cookie: the
 * cookie is SameSite=Strict and a cross-site JSON request needs a CORS pre-flight we never grant.
 */
public final class Csrf {

  public static final String HEADER = "X-CSRF-Token";
  public static final String FIELD = "_csrf";
  private static final String SESSION_KEY = "csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  /** This session's token, created on first use. */
  public static String token(Session session) {
    String t = session.get(SESSION_KEY);
    if (t == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      t = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.put(SESSION_KEY, t);
    }
    return t;
  }

  /** Route handler in front of every route (after the session handler). */
  public static void guard(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
      ctx.next();
      return;
    }
    String auth = ctx.request().getHeader("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.next();
      return;
    }
    String origin = ctx.request().getHeader("Origin");
    if (origin != null && !sameOrigin(ctx, origin)) {
      refuse(ctx, "request from another site refused");
      return;
    }
    // Pages' forms always need the token. On the JSON API a browser is known by its Origin header
    // (always sent on a cross-origin POST); without one the caller is not a browser, and the API
    // answers a wrong body type with its usual 400.
    boolean browser =
        origin != null || (formLike(ctx) && !ctx.request().path().startsWith("/api/"));
    if (browser && !validToken(ctx)) {
      refuse(ctx, "missing or wrong CSRF token; reload the page");
      return;
    }
    ctx.next();
  }

  /** True when the request carries this session's token (header, or form field once parsed). */
  public static boolean validToken(RoutingContext ctx) {
    Session session = ctx.session();
    String expected = session == null ? null : session.get(SESSION_KEY);
    if (expected == null) {
      return false;
    }
    String given = ctx.request().getHeader(HEADER);
    if (given == null) {
      given = ctx.request().getFormAttribute(FIELD);
    }
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean formLike(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("application/x-www-form-urlencoded")
        || t.startsWith("multipart/form-data")
        || t.startsWith("text/plain");
  }

  static boolean sameOrigin(RoutingContext ctx, String origin) {
    try {
      URI o = URI.create(origin);
      if (o.getHost() == null) {
        return false;
      }
      HostAndPort here = ctx.request().authority();
      if (here == null) {
        return false;
      }
      int originPort = o.getPort() != -1 ? o.getPort() : defaultPort(o.getScheme());
      int herePort = here.port() != -1 ? here.port() : defaultPort(ctx.request().scheme());
      return o.getHost().equalsIgnoreCase(here.host()) && originPort == herePort;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  private static void refuse(RoutingContext ctx, String message) {
    if (ctx.request().path().startsWith("/api/")) {
      ApiErrors.send(ctx, 403, "csrf", message, Csrf.FIELD);
    } else {
      ctx.response()
          .setStatusCode(403)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("403 " + message);
    }
  }
}
