package org.hotline.ticketing.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON responses. */
final class Json {

  private Json() {}

  static void ok(RoutingContext ctx, Object body) {
    send(ctx, 200, body);
  }

  static void created(RoutingContext ctx, Object body) {
    send(ctx, 201, body);
  }

  static void send(RoutingContext ctx, int status, Object body) {
    String text =
        body instanceof JsonObject o
            ? o.encode()
            : body instanceof JsonArray a ? a.encode() : String.valueOf(body);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(text);
  }
}
