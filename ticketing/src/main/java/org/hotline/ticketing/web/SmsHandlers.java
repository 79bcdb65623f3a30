package org.hotline.ticketing.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.SmsMessageQuery;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/** GET /api/sms (the message log) and POST /api/sms (a manual message), for centre staff. */
public final class SmsHandlers {

  private final Pool pool;
  private final SmsMessageQuery query;
  private final SmsOutbox outbox = new SmsOutbox();

  public SmsHandlers(Pool pool) {
    this.pool = pool;
    this.query = new SmsMessageQuery(pool);
  }

  public void list(RoutingContext ctx) {
    staff(ctx);
    String direction = param(ctx, "direction");
    if (direction != null && !List.of("mo", "mt").contains(direction)) {
      throw WorkflowException.invalid("direction", "direction must be mo or mt");
    }
    query
        .list(
            param(ctx, "number"),
            direction,
            param(ctx, "state"),
            Inputs.intParam(ctx, "size", 100, 1, 500))
        .onSuccess(
            items -> Json.ok(ctx, new JsonObject().put("items", items).put("total", items.size())))
        .onFailure(ctx::fail);
  }

  public void send(RoutingContext ctx) {
    Actor actor = staff(ctx);
    JsonObject b = Inputs.body(ctx);
    String number = Inputs.reqString(b, "number", 20);
    if (!number.matches("\\+?[0-9]{3,20}")) {
      throw WorkflowException.invalid("number", "number must be digits");
    }
    String text = Inputs.reqString(b, "text", 670);
    String key = "manual:" + actor.username() + ":" + java.util.UUID.randomUUID();
    pool.withTransaction(
            tx ->
                outbox.enqueue(tx, new OutboundSms(number, text, SmsKind.MANUAL, true, null, key)))
        .onSuccess(
            id ->
                Json.created(
                    ctx,
                    new JsonObject().put("id", id).put("number", number).put("state", "queued")))
        .onFailure(ctx::fail);
  }

  private static Actor staff(RoutingContext ctx) {
    Actor a = Sessions.actor(ctx);
    if (!a.isCentreStaff()) {
      throw WorkflowException.forbidden("SMS are for centre staff");
    }
    return a;
  }

  private static String param(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
