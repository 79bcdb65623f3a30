package org.hotline.ticketing.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

/**
 * GET /api/wallboard/urgent: urgent orders (紧急) still not signed after their 30-minute sign time,
 * as the scheduler flagged them (view {@code urgent_unsigned}); the wallboard shows them in red.
 */
public final class WallboardHandlers {

  private final Pool pool;

  public WallboardHandlers(Pool pool) {
    this.pool = pool;
  }

  public void urgent(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    pool.query(
            "SELECT u.id, u.number, u.unit, un.name AS unit_name, u.dispatched_at,"
                + " u.sign_deadline, u.flagged_at FROM urgent_unsigned u"
                + " LEFT JOIN unit un ON un.code = u.unit ORDER BY u.sign_deadline LIMIT 200")
        .execute()
        .onSuccess(
            rows -> {
              JsonArray orders = new JsonArray();
              for (Row r : rows) {
                orders.add(
                    new JsonObject()
                        .put("id", r.getLong("id"))
                        .put("number", r.getString("number"))
                        .put("unit", r.getString("unit"))
                        .put("unitName", r.getString("unit_name"))
                        .put("dispatchedAt", String.valueOf(r.getOffsetDateTime("dispatched_at")))
                        .put("signDeadline", String.valueOf(r.getOffsetDateTime("sign_deadline")))
                        .put("flaggedAt", String.valueOf(r.getOffsetDateTime("flagged_at"))));
              }
              Json.ok(ctx, new JsonObject().put("orders", orders).put("count", orders.size()));
            })
        .onFailure(ctx::fail);
  }
}
