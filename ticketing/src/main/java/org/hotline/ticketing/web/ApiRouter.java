package org.hotline.ticketing.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.hotline.ticketing.portal.Csrf;
import org.hotline.ticketing.portal.PortalRouter;

/** The HTTP API's route table: read it as the table of contents of the platform's contract. */
public final class ApiRouter {

  /** Largest JSON body accepted by the API (imports have their own, larger limit). */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  /**
   * No inline scripts, nothing from other sites, never framed. Style attributes (not style
   * elements) are allowed because the charting library positions its tooltips and SVG with them.
   */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
          + "img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; media-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private ApiRouter() {}

  public static Router create(
      Vertx vertx,
      boolean https,
      BooleanSupplier ready,
      Sessions sessions,
      AuthHandlers auth,
      TicketHandlers tickets,
      ReferenceHandlers reference,
      KbHandlers kb,
      CallHandlers calls,
      SmsHandlers sms,
      AdminHandlers admin,
      WallboardHandlers wallboard,
      IntakeHandlers intake,
      AttachmentHandlers attachments,
      UnitHandlers unit,
      ReportHandlers reports,
      CallbackHandlers callbacks,
      PortalRouter portal) {
    Router router = Router.router(vertx);
    router.route().handler(ApiRouter::securityHeaders);
    router.get("/health").handler(ctx -> health(ctx, ready));
    // The portals' own scripts and styles, and the charting library from its webjar.
    router.get("/static/*").handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600));
    router
        .get("/vendor/*")
        .handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86400));

    router
        .route()
        .handler(
            SessionHandler.create(LocalSessionStore.create(vertx))
                .setSessionCookieName("hotline.sid")
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT)
                .setCookieSecureFlag(https));
    router
        .route("/api/*")
        .handler(
            ctx ->
                rejectOversize(
                    ctx,
                    AttachmentHandlers.isUpload(ctx)
                        ? attachments.maxBodyBytes()
                        : isImport(ctx) ? KbHandlers.MAX_IMPORT_BYTES : MAX_BODY_BYTES));
    // Uploads are spooled to disk: only for a logged-in user, and only on their own route.
    router.post(AttachmentHandlers.UPLOAD_PATH).handler(sessions::require);
    BodyHandler uploadBody = attachments.bodyHandler();
    BodyHandler importBody = BodyHandler.create(false).setBodyLimit(KbHandlers.MAX_IMPORT_BYTES);
    BodyHandler jsonBody = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    BodyHandler formBody = BodyHandler.create(false).setBodyLimit(64 * 1024);
    router
        .route()
        .handler(
            ctx ->
                (AttachmentHandlers.isUpload(ctx)
                        ? uploadBody
                        : isImport(ctx)
                            ? importBody
                            : ctx.request().path().startsWith("/api/") ? jsonBody : formBody)
                    .handle(ctx));
    router.route().handler(Csrf::guard);
    router.get("/api/openapi.json").handler(ApiRouter::openApi);

    router.post("/api/login").handler(auth::login);
    router.post("/api/logout").handler(auth::logout);
    router.route("/api/*").handler(sessions::require); // everything below needs a user
    router.get("/api/me").handler(auth::me);
    router.post("/api/tokens").handler(auth::issueToken);

    // Agent console: possible duplicates (before /:id, which would take the word) and my day.
    router.get("/api/tickets/duplicates").handler(intake::duplicates);
    router.get("/api/me/today").handler(intake::today);
    router.post("/api/tickets").handler(tickets::create);
    router.get("/api/tickets").handler(tickets::list);
    router.get("/api/tickets/:id").handler(tickets::get);
    router.get("/api/tickets/:id/events").handler(tickets::events);
    router.post(AttachmentHandlers.UPLOAD_PATH).handler(attachments::upload);
    router.get("/api/tickets/:id/attachments").handler(attachments::list);
    router.get("/api/attachments/:id").handler(attachments::download);
    router.get("/api/unit/inbox").handler(unit::inbox);
    router.get("/api/tickets/:id/actions").handler(tickets::actions);
    router.post("/api/tickets/:id/sms-survey").handler(sms::survey);
    router.post("/api/tickets/:id/:action").handler(tickets::act);

    router.get("/api/units").handler(reference::units);
    router.get("/api/categories").handler(reference::categories);
    router.get("/api/routing/suggest").handler(reference::suggest);

    router.get("/api/calls").handler(calls::calls);
    router.post("/api/calls/originate").handler(calls::originate);
    router.post("/api/calls/:id/transfer").handler(calls::transfer);
    router.get("/api/calls/:id/recording").handler(calls::recording);
    router.get("/api/callbacks").handler(callbacks::list);
    router.post("/api/callbacks/:id/claim").handler(callbacks::claim);
    router.post("/api/callbacks/:id/release").handler(callbacks::release);
    router.post("/api/callbacks/:id/complete").handler(callbacks::complete);
    router.get("/api/wallboard").handler(calls::wallboard);
    router.get("/api/wallboard/urgent").handler(wallboard::urgent);
    router.get("/api/agents").handler(calls::agents);
    router.post("/api/agents/:agent/:op").handler(calls::agentAction);

    router.get("/api/sim/status").handler(calls.sim::status);
    router.post("/api/sim/calls").handler(calls.sim::place);
    router.get("/api/sim/calls/:id").handler(calls.sim::get);
    router.post("/api/sim/calls/:id/dtmf").handler(calls.sim::dtmf);
    router.post("/api/sim/calls/:id/hangup").handler(calls.sim::hangup);
    router.post("/api/sim/calls/:id/answer").handler(calls.sim::answer);

    router.get("/api/admin/calendar").handler(admin::calendar);
    router.put("/api/admin/calendar/days/:day").handler(admin::putDay);
    router.put("/api/admin/calendar/years/:year").handler(admin::putYear);
    router.put("/api/admin/settings/:key").handler(admin::putSetting);
    router.get("/api/admin/routing").handler(admin::routingRules);
    router.post("/api/admin/routing").handler(admin::addRoutingRule);
    router.delete("/api/admin/routing/:id").handler(admin::deleteRoutingRule);
    router.get("/api/admin/settings").handler(admin::settings);
    router.get("/api/admin/units").handler(admin.units::list);
    router.post("/api/admin/units").handler(admin.units::create);
    router.put("/api/admin/units/:code").handler(admin.units::update);
    router.delete("/api/admin/units/:code").handler(admin.units::delete);
    router.get("/api/admin/users").handler(admin.users::list);
    router.post("/api/admin/users").handler(admin.users::create);
    router.put("/api/admin/users/:username").handler(admin.users::update);
    router.post("/api/admin/users/:username/password").handler(admin.users::resetPassword);
    router.post("/api/admin/users/:username/unlock").handler(admin.users::unlock);
    router.post("/api/admin/categories").handler(admin.categories::create);
    router.put("/api/admin/categories/:code").handler(admin.categories::update);
    router.delete("/api/admin/categories/:code").handler(admin.categories::delete);
    router.get("/api/admin/blocked-numbers").handler(admin.blocked::list);
    router.post("/api/admin/blocked-numbers").handler(admin.blocked::add);
    router.delete("/api/admin/blocked-numbers/:number").handler(admin.blocked::remove);
    router.get("/api/admin/audit").handler(admin.audit::audit);
    router.get("/api/admin/pii-log").handler(admin.audit::personalData);

    router.get("/api/sms").handler(sms::list);
    router.post("/api/sms").handler(sms::send);
    router.post("/api/sms/simulate").handler(sms::simulate);
    router.get("/api/admin/sms-templates").handler(sms::templates);
    router.put("/api/admin/sms-templates/:name").handler(sms::putTemplate);

    router.get("/api/reports/units").handler(reports::units);
    router.get("/api/reports/hotline").handler(reports::hotline);
    router.get("/api/reports/agents").handler(reports::agents);
    router.get("/api/reports/hot-issues").handler(reports::hotIssues);
    router.get("/api/reports/daily-brief").handler(reports::dailyBrief);
    router.post("/api/appeals").handler(reports::fileAppeal);
    router.get("/api/appeals").handler(reports::listAppeals);
    router.get("/api/appeals/:id").handler(reports::getAppeal);
    router.post("/api/appeals/:id/:op").handler(reports::decideAppeal);

    router.get("/api/kb/search").handler(kb::search);
    router.get("/api/kb/suggest").handler(kb::suggest);
    router.post("/api/kb/import").handler(kb::importLines);
    router.get("/api/kb/export").handler(kb::export);
    router.get("/api/kb/articles").handler(kb::list);
    router.get("/api/kb/articles/:code").handler(kb::get);
    router.put("/api/kb/articles/:code").handler(kb::put);
    router.get("/api/kb/synonyms").handler(kb::synonyms);
    router.put("/api/kb/synonyms").handler(kb::saveSynonyms);

    router.route("/api/*").handler(ctx -> ctx.fail(404));
    router.route("/api/*").failureHandler(ApiErrors::handle);

    portal.mount(router);
    router.route().failureHandler(PortalRouter::failure);
    return router;
  }

  private static void health(RoutingContext ctx, BooleanSupplier ready) {
    boolean ok = ready.getAsBoolean();
    ctx.response()
        .setStatusCode(ok ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .end(ok ? "{\"status\":\"UP\"}" : "{\"status\":\"STARTING\"}");
  }

  /** A declared length over the limit is refused before the body is read at all. */
  private static void rejectOversize(RoutingContext ctx, long limit) {
    String length = ctx.request().getHeader("Content-Length");
    if (ctx.request().method() != HttpMethod.GET && length != null) {
      try {
        if (Long.parseLong(length.trim()) > limit) {
          ApiErrors.send(
              ctx,
              400,
              "invalid",
              "the request body is larger than " + (limit >> 20) + " MB",
              "body");
          return;
        }
      } catch (NumberFormatException e) {
        ApiErrors.send(ctx, 400, "invalid", "bad Content-Length", "Content-Length");
        return;
      }
    }
    ctx.next();
  }

  private static boolean isImport(RoutingContext ctx) {
    return "/api/kb/import".equals(ctx.request().path());
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (!ctx.request().path().startsWith("/static/")
        && !ctx.request().path().startsWith("/vendor/")) {
      ctx.response().putHeader("Cache-Control", "no-store");
    }
    ctx.next();
  }

  private static void openApi(RoutingContext ctx) {
    try (InputStream in = ApiRouter.class.getResourceAsStream("/openapi.json")) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body);
    } catch (IOException | NullPointerException e) {
      ctx.fail(500, new IllegalStateException("openapi.json missing from the build", e));
    }
  }
}
