package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hotline.ticketing.admin.AuditTrail;
import org.hotline.ticketing.admin.BlockedNumberStore;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * /api/admin/blocked-numbers: the harassment list (骚扰号码). The IVR answers these numbers politely
 * and hangs up; it reads the table on every call, so a change applies to the next call.
 */
public final class BlockedNumberHandlers {

  private static final String NUMBER = "\\+?[0-9]{3,20}";

  private final AuditTrail audit;
  private final BlockedNumberStore store = new BlockedNumberStore();

  BlockedNumberHandlers(AuditTrail audit) {
    this.audit = audit;
  }

  public void list(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    store.all(audit.pool()).onSuccess(a -> Json.ok(ctx, a)).onFailure(ctx::fail);
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
            tx -> store.one(tx, number),
            tx ->
                store
                    .upsert(tx, number, reason, actor.username())
                    .compose(v -> store.one(tx, number)),
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
                store
                    .one(tx, number)
                    .compose(
                        n ->
                            n == null
                                ? Future.failedFuture(
                                    WorkflowException.notFound(number + " is not blocked"))
                                : Future.succeededFuture(n)),
            tx -> store.delete(tx, number).map(v -> (JsonObject) null),
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
}
