package org.hotline.ticketing.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import org.hotline.ticketing.auth.AuthService;
import org.hotline.ticketing.workflow.WorkflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every failure takes: JSON {@code {"error", "message", "field"?}} with 400, 401, 403,
 * 404, 409, 429 or 500. Unexpected failures are logged once with the request path.
 */
public final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  public static void handle(RoutingContext ctx) {
    Throwable t = ctx.failure();
    int status = ctx.statusCode();
    if (t instanceof WorkflowException w) {
      status =
          switch (w.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
          };
      send(ctx, status, w.code(), w.getMessage(), w.field());
    } else if (t instanceof AuthService.LoginRefused r) {
      if (r.locked()) {
        send(ctx, 429, "account_locked", r.getMessage(), null);
      } else {
        send(ctx, 401, "unauthorized", r.getMessage(), null);
      }
    } else if (t instanceof PgException pg && "23503".equals(pg.getSqlState())) {
      send(ctx, 400, "invalid", "a referenced record does not exist: " + pg.getDetail(), null);
    } else if (status == 413) {
      send(ctx, 400, "invalid", "the request body is too large", "body");
    } else if (status == 401) {
      send(ctx, 401, "unauthorized", "log in first (POST /api/login) or send a bearer token", null);
    } else if (status == 403) {
      send(ctx, 403, "forbidden", "not allowed", null);
    } else if (status == 404) {
      send(ctx, 404, "not_found", "no such resource", null);
    } else if (status == 405) {
      send(ctx, 405, "method_not_allowed", "method not allowed here", null);
    } else if (status >= 400 && status < 500) {
      send(ctx, 400, "invalid", "bad request", null);
    } else {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), t);
      send(ctx, 500, "internal", "internal error; the change was not made", null);
    }
  }

  public static void send(
      RoutingContext ctx, int status, String code, String message, String field) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    JsonObject body = new JsonObject().put("error", code).put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}
