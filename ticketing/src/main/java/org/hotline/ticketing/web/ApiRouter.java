package org.hotline.ticketing.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** The HTTP API's route table: read it as the table of contents of the platform's contract. */
public final class ApiRouter {

  /** Largest JSON body accepted by the API (imports have their own, larger limit). */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

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
      CallbackHandlers callbacks) {
    Router router = Router.router(vertx);
    router.route().handler(ApiRouter::securityHeaders);
    router.get("/health").handler(ctx -> health(ctx, ready));

    router
        .route("/api/*")
        .handler(
            SessionHandler.create(LocalSessionStore.create(vertx))
                .setSessionCookieName("hotline.sid")
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT)
                .setCookieSecureFlag(https));
    router.route("/api/*").handler(ApiRouter::rejectOversize);
    BodyHandler importBody = BodyHandler.create(false).setBodyLimit(KbHandlers.MAX_IMPORT_BYTES);
    BodyHandler jsonBody = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    router.route("/api/*").handler(ctx -> (isImport(ctx) ? importBody : jsonBody).handle(ctx));
    router.get("/api/openapi.json").handler(ApiRouter::openApi);

    router.post("/api/login").handler(auth::login);
    router.post("/api/logout").handler(auth::logout);
    router.route("/api/*").handler(sessions::require); // everything below needs a user
    router.get("/api/me").handler(auth::me);
    router.post("/api/tokens").handler(auth::issueToken);

    router.post("/api/tickets").handler(tickets::create);
    router.get("/api/tickets").handler(tickets::list);
    router.get("/api/tickets/:id").handler(tickets::get);
    router.get("/api/tickets/:id/events").handler(tickets::events);
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
    router.get("/api/agents").handler(calls::agents);
    router.post("/api/agents/:agent/:op").handler(calls::agentAction);

    router.get("/api/admin/calendar").handler(admin::calendar);
    router.put("/api/admin/calendar/days/:day").handler(admin::putDay);
    router.put("/api/admin/calendar/years/:year").handler(admin::putYear);
    router.put("/api/admin/settings/:key").handler(admin::putSetting);
    router.get("/api/admin/routing").handler(admin::routingRules);
    router.post("/api/admin/routing").handler(admin::addRoutingRule);
    router.delete("/api/admin/routing/:id").handler(admin::deleteRoutingRule);

    router.get("/api/sms").handler(sms::list);
    router.post("/api/sms").handler(sms::send);
    router.post("/api/sms/simulate").handler(sms::simulate);
    router.get("/api/admin/sms-templates").handler(sms::templates);
    router.put("/api/admin/sms-templates/:name").handler(sms::putTemplate);

    router.get("/api/kb/search").handler(kb::search);
    router.get("/api/kb/suggest").handler(kb::suggest);
    router.post("/api/kb/import").handler(kb::importLines);
    router.get("/api/kb/export").handler(kb::export);
    router.get("/api/kb/articles/:code").handler(kb::get);
    router.put("/api/kb/articles/:code").handler(kb::put);
    router.get("/api/kb/synonyms").handler(kb::synonyms);
    router.put("/api/kb/synonyms").handler(kb::saveSynonyms);

    router.route("/api/*").handler(ctx -> ctx.fail(404));
    router.route().failureHandler(ApiErrors::handle);
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
  private static void rejectOversize(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    if (ctx.request().method() != HttpMethod.GET && length != null) {
      try {
        long limit = isImport(ctx) ? KbHandlers.MAX_IMPORT_BYTES : MAX_BODY_BYTES;
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
        .putHeader("Cache-Control", "no-store");
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
