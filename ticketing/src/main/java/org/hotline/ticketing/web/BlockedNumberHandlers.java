package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.hotline.ticketing.admin.AuditTrail;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * /api/admin/blocked-numbers: the harassment list (骚扰号码). The IVR answers these numbers politely
 * and hangs up; it reads the table on every call, so a change applies to the next call.
 */
public final class BlockedNumberHandlers {

  private static final String NUMBER = "\\+?[0-9]{3,20}";
  private static final String COLUMNS = "number, reason, created_by, created_at";

  private final AuditTrail audit;

  BlockedNumberHandlers(AuditTrail audit) {
    this.audit = audit;
  }

  public void list(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    audit
        .pool()
        .query("SELECT " + COLUMNS + " FROM blocked_number ORDER BY created_at DESC, number")
        .execute()
        .onSuccess(
            rows -> {
              JsonArray out = new JsonArray();
              rows.forEach(r -> out.add(json(r)));
              Json.ok(ctx, out);
            })
        .onFailure(ctx::fail);
  }

  /** POST {number, reason}: spaces and dashes in the number are ignored. */
  public void add(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    JsonObject b = Inputs.body(ctx);
    String number = normalise(Inputs.reqString(b, "number", 30));
    String reason = Inputs.reqString(b, "reason", 200);
    audit
        .change(
            actor,
            "blocked-number-add",
            number,
            tx -> one(tx, number),
            tx ->
                tx.preparedQuery(
                        "INSERT INTO blocked_number (number, reason, created_by) VALUES ($1, $2, $3)"
                            + " ON CONFLICT (number) DO UPDATE SET reason = EXCLUDED.reason")
                    .execute(Tuple.of(number, reason, actor.username()))
                    .compose(v -> one(tx, number)),
            false)
        .onSuccess(after -> Json.created(ctx, after))
        .onFailure(ctx::fail);
  }

  public void remove(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String number = normalise(ctx.pathParam("number"));
    audit
        .change(
            actor,
            "blocked-number-remove",
            number,
            tx ->
                one(tx, number)
                    .compose(
                        n ->
                            n == null
                                ? Future.failedFuture(
                                    WorkflowException.notFound(number + " is not blocked"))
                                : Future.succeededFuture(n)),
            tx ->
                tx.preparedQuery("DELETE FROM blocked_number WHERE number = $1")
                    .execute(Tuple.of(number))
                    .map(v -> (JsonObject) null),
            false)
        .onSuccess(v -> Json.ok(ctx, new JsonObject().put("deleted", number)))
        .onFailure(ctx::fail);
  }

  static String normalise(String raw) {
    String n = raw == null ? "" : raw.replaceAll("[\\s-]", "");
    if (!n.matches(NUMBER)) {
      throw WorkflowException.invalid("number", "a phone number has 3-20 digits, like 13812345678");
    }
    return n;
  }

  private static Future<JsonObject> one(SqlClient c, String number) {
    return c.preparedQuery("SELECT " + COLUMNS + " FROM blocked_number WHERE number = $1")
        .execute(Tuple.of(number))
        .map(rows -> rows.size() == 0 ? null : json(rows.iterator().next()));
  }

  private static JsonObject json(Row r) {
    return new JsonObject()
        .put("number", r.getString("number"))
        .put("reason", r.getString("reason"))
        .put("createdBy", r.getString("created_by"))
        .put("createdAt", r.getOffsetDateTime("created_at").toString());
  }
}
