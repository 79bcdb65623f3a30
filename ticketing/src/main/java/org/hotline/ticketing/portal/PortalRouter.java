package org.hotline.ticketing.portal;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hotline.ticketing.auth.AuthService;
import org.hotline.ticketing.web.Sessions;
import org.hotline.ticketing.workflow.Actor;

/**
 * The portal pages: {@code /login}, the pages of {@link PortalPage#ALL}, the language switch and
 * the live streams. Every page checks who is logged in: nobody → redirect to {@code /login}; a role
 * the page is not for → 403 page. The data behind a page comes from the JSON API, which checks
 * authorization again on every call; the page only decides what frame to show.
 */
public final class PortalRouter {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PortalRouter.class);

  /** What the frame of every page shows about the platform's peers. */
  public record PeerStatus(BooleanSupplier pbxSimulated, BooleanSupplier smsSimulated) {}

  private final Sessions sessions;
  private final AuthService auth;
  private final PageRenderer renderer;
  private final Messages messages;
  private final LiveStreams live;
  private final PeerStatus peers;
  private final boolean https;

  public PortalRouter(
      Sessions sessions,
      AuthService auth,
      PageRenderer renderer,
      Messages messages,
      LiveStreams live,
      PeerStatus peers,
      boolean https) {
    this.sessions = sessions;
    this.auth = auth;
    this.renderer = renderer;
    this.messages = messages;
    this.live = live;
    this.peers = peers;
    this.https = https;
  }

  /** Mounts the pages on {@code router}; sessions, bodies and the CSRF guard are already set. */
  public void mount(Router router) {
    router.get("/").handler(this::home);
    router.get("/login").handler(ctx -> loginPage(ctx, 200, null));
    router.post("/login").handler(this::loginSubmit);
    router.post("/logout").handler(this::logout);
    router.get("/lang/:code").handler(this::language);
    router.get("/live/*").handler(sessions::require);
    router.get("/live/wallboard").handler(live::wallboard);
    router.get("/live/agent").handler(live::agent);
    for (PortalPage page : PortalPage.ALL) {
      router.get(page.path()).handler(ctx -> page(ctx, page));
    }
  }

  private void home(RoutingContext ctx) {
    sessions
        .resolve(ctx)
        .onSuccess(a -> redirect(ctx, a == null ? "/login" : PortalPage.homeOf(a)))
        .onFailure(ctx::fail);
  }

  private void page(RoutingContext ctx, PortalPage page) {
    sessions
        .resolve(ctx)
        .onSuccess(
            actor -> {
              if (actor == null) {
                redirect(ctx, "/login?next=" + ctx.request().path());
              } else if (!page.allows(actor)) {
                Map<String, Object> model = model(ctx, actor, "error", "error.title");
                model.put("status", 403);
                model.put("reason", text(ctx, "error.forbidden"));
                html(ctx, 403, renderer.render("error", model));
              } else {
                Map<String, Object> model = model(ctx, actor, page.template(), page.titleKey());
                model.put("pathId", ctx.pathParam("id"));
                html(ctx, 200, renderer.render(page.template(), model));
              }
            })
        .onFailure(ctx::fail);
  }

  private void loginPage(RoutingContext ctx, int status, String errorKey) {
    Map<String, Object> model = model(ctx, null, "login", "login.title");
    model.put("error", errorKey == null ? null : text(ctx, errorKey));
    model.put("next", safeNext(ctx.request().getParam("next")));
    model.put("username", ctx.request().getFormAttribute("username"));
    html(ctx, status, renderer.render("login", model));
  }

  /** POST /login (form). The CSRF guard has already checked the token. */
  private void loginSubmit(RoutingContext ctx) {
    String username = trimmed(ctx.request().getFormAttribute("username"), 64);
    String password = ctx.request().getFormAttribute("password");
    if (username == null || password == null || password.isEmpty() || password.length() > 256) {
      loginPage(ctx, 400, "login.missing");
      return;
    }
    auth.login(username, password)
        .onSuccess(
            actor -> {
              ctx.session().regenerateId(); // no session fixation
              Sessions.remember(ctx.session(), actor);
              ctx.session().remove("csrf"); // a fresh token for the logged-in session
              String next = safeNext(ctx.request().getFormAttribute("next"));
              PortalPage target = next == null ? null : PortalPage.at(next).orElse(null);
              redirect(
                  ctx, target != null && target.allows(actor) ? next : PortalPage.homeOf(actor));
            })
        .onFailure(
            e -> {
              if (e instanceof AuthService.LoginRefused r) {
                loginPage(ctx, r.locked() ? 429 : 401, r.locked() ? "login.locked" : "login.wrong");
              } else {
                ctx.fail(e);
              }
            });
  }

  private void logout(RoutingContext ctx) {
    if (ctx.session() != null) {
      ctx.session().destroy();
    }
    redirect(ctx, "/login");
  }

  private void language(RoutingContext ctx) {
    String code = "en".equals(ctx.pathParam("code")) ? "en" : "zh-CN";
    ctx.response()
        .addCookie(
            Cookie.cookie(Messages.COOKIE, code)
                .setPath("/")
                .setMaxAge(365L * 24 * 3600)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(https));
    String next = safeNext(ctx.request().getParam("next"));
    redirect(ctx, next == null ? "/" : next);
  }

  /** The frame's model: user, texts, CSRF token, navigation and peer status. */
  private Map<String, Object> model(RoutingContext ctx, Actor actor, String page, String titleKey) {
    Locale locale = Messages.locale(ctx);
    Map<String, String> texts = messages.texts(locale);
    Map<String, Object> m = new HashMap<>();
    m.put("pageName", page);
    m.put("lang", Messages.tag(locale));
    m.put("t", translator(texts));
    m.put("title", texts.getOrDefault(titleKey, titleKey));
    m.put("i18nJson", new JsonObject(new HashMap<>(texts)).encode());
    m.put("csrf", Csrf.token(ctx.session()));
    m.put("path", ctx.request().path());
    m.put("pbxSimulated", peers.pbxSimulated().getAsBoolean());
    m.put("smsSimulated", peers.smsSimulated().getAsBoolean());
    if (actor != null) {
      Map<String, Object> user = new HashMap<>();
      user.put("username", actor.username());
      user.put("unit", actor.unit() == null ? "" : actor.unit());
      user.put("roles", actor.roles().stream().map(r -> r.code()).sorted().toList());
      m.put("user", user);
      List<Map<String, String>> nav =
          PortalPage.ALL.stream()
              .filter(p -> p.inNav() && p.allows(actor))
              .map(
                  p ->
                      Map.of(
                          "path",
                          p.path(),
                          "label",
                          texts.getOrDefault(p.titleKey(), p.titleKey()),
                          "current",
                          String.valueOf(p.template().equals(page))))
              .toList();
      m.put("nav", nav);
    } else {
      m.put("nav", List.of());
    }
    return m;
  }

  /** {@code ${t("key")}} in templates; an unknown key shows itself, so a gap is visible. */
  private static TemplateMethodModelEx translator(Map<String, String> texts) {
    return args -> {
      if (args.size() != 1) {
        throw new TemplateModelException("t(key) takes one key");
      }
      String key = String.valueOf(args.get(0));
      return texts.getOrDefault(key, key);
    };
  }

  private String text(RoutingContext ctx, String key) {
    return messages.texts(Messages.locale(ctx)).getOrDefault(key, key);
  }

  /** Only a local page path is followed after login (no open redirect). */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return null;
    }
    return next.length() > 200 || !next.matches("[A-Za-z0-9/_\\-]*") ? null : next;
  }

  private static String trimmed(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    return t.isEmpty() || t.length() > max ? null : t;
  }

  /** Failures outside the API: a login redirect for 401, a short page for the rest. */
  public static void failure(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    Throwable t = ctx.failure();
    int status = ctx.statusCode();
    if (t instanceof org.hotline.ticketing.workflow.WorkflowException w) {
      status =
          switch (w.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
          };
    } else if (status < 400) {
      status = 500;
    }
    if (status == 401 && !ctx.request().path().startsWith("/live/")) {
      redirect(ctx, "/login");
      return;
    }
    if (status == 500) {
      LOG.error("page {} failed", ctx.request().path(), t);
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(status + (status == 404 ? " 页面不存在 / not found" : " 请求未完成 / request failed"));
  }

  private static void redirect(RoutingContext ctx, String to) {
    ctx.response().setStatusCode(303).putHeader("Location", to).end();
  }

  private static void html(RoutingContext ctx, int status, String body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(body);
  }
}
