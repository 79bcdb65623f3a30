package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.hotline.ticketing.callback.CallbackDesk;
import org.hotline.ticketing.callback.CallbackTasks;
import org.hotline.ticketing.order.WorkOrderService;
import org.hotline.ticketing.workflow.Action;
import org.hotline.ticketing.workflow.ActionRequest;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * /api/callbacks: the one list of callback work (回访 of accepted orders, 漏接回拨, voicemail), taken by
 * hand with claim, given back with release, ended with complete.
 */
public final class CallbackHandlers {

  static final List<String> KINDS = List.of("order", "missed", "voicemail");
  static final List<String> ORDER_RESULTS =
      List.of("satisfied", "basically_satisfied", "dissatisfied", "unreachable");
  static final List<String> CALL_RESULTS = List.of("reached", "unreachable");
  static final String UNREACHABLE_NOTE = "回访未果：座席多次联系未果，按无法联系办结";

  private final CallbackDesk desk;
  private final WorkOrderService orders;
  private final CallbackTasks tasks = new CallbackTasks();

  public CallbackHandlers(CallbackDesk desk, WorkOrderService orders) {
    this.desk = desk;
    this.orders = orders;
  }

  /** GET /api/callbacks?state=open|done&kind=order|missed|voicemail&mine=true&page&size. */
  public void list(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    String state = Inputs.param(ctx, "state");
    if (state == null) {
      state = "open";
    } else if (!List.of("open", "done").contains(state)) {
      throw WorkflowException.invalid("state", "state must be open or done");
    }
    String kind = Inputs.param(ctx, "kind");
    if (kind != null && !KINDS.contains(kind)) {
      throw WorkflowException.invalid("kind", "kind must be one of " + KINDS);
    }
    String mine = Inputs.param(ctx, "mine");
    if (mine != null && !List.of("true", "false").contains(mine)) {
      throw WorkflowException.invalid("mine", "mine must be true or false");
    }
    desk.list(
            state,
            kind,
            "true".equals(mine) ? actor.username() : null,
            orders.now(),
            Inputs.intParam(ctx, "page", 0, 0, 100_000),
            Inputs.intParam(ctx, "size", 50, 1, 500))
        .onSuccess(page -> Json.ok(ctx, page))
        .onFailure(ctx::fail);
  }

  /** POST /api/callbacks/{id}/claim: the task is this person's; the loop leaves it alone. */
  public void claim(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    desk.claim(Inputs.pathId(ctx), actor.username(), orders.now())
        .onSuccess(t -> Json.ok(ctx, t))
        .onFailure(ctx::fail);
  }

  /** POST /api/callbacks/{id}/release: back to the list and to the loop. */
  public void release(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    boolean anyone = actor.isAdmin() || actor.has(Role.SUPERVISOR);
    desk.release(Inputs.pathId(ctx), actor.username(), anyone, orders.now())
        .onSuccess(t -> Json.ok(ctx, t))
        .onFailure(ctx::fail);
  }

  /**
   * POST /api/callbacks/{id}/complete {result, note?}: for an order, the citizen's rating
   * (satisfied, basically_satisfied, dissatisfied: reopened for re-handling) or unreachable (closed
   * unrated); for a missed call or voicemail, reached or unreachable.
   */
  public void complete(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    long id = Inputs.pathId(ctx);
    JsonObject b = Inputs.body(ctx);
    String result = Inputs.reqString(b, "result", 32);
    String note = Inputs.optString(b, "note", 2000);
    desk.forCompletion(id, actor.username())
        .compose(
            task -> {
              if (!"order".equals(task.getString("kind"))) {
                if (!CALL_RESULTS.contains(result)) {
                  throw WorkflowException.invalid(
                      "result", "result must be one of " + CALL_RESULTS);
                }
                return desk.finishCall(id, result, note, actor.username(), orders.now());
              }
              if (!ORDER_RESULTS.contains(result)) {
                throw WorkflowException.invalid("result", "result must be one of " + ORDER_RESULTS);
              }
              return rateOrder(actor, task.getLong("order_id"), result, note);
            })
        .compose(v -> desk.get(id, orders.now()))
        .onSuccess(t -> Json.ok(ctx, t))
        .onFailure(ctx::fail);
  }

  private Future<Void> rateOrder(Actor actor, long orderId, String result, String note) {
    return orders
        .get(actor, orderId)
        .compose(
            o -> {
              boolean unreachable = "unreachable".equals(result);
              ActionRequest req =
                  new ActionRequest(
                      unreachable ? Action.CLOSE : Action.CALLBACK,
                      o.version,
                      null,
                      null,
                      null,
                      null,
                      null,
                      unreachable ? (note == null ? UNREACHABLE_NOTE : note) : null,
                      null,
                      null,
                      unreachable ? null : result,
                      unreachable ? null : note);
              return orders
                  .act(
                      actor,
                      orderId,
                      req,
                      (tx, t) ->
                          unreachable
                              ? tasks.markUnreachable(tx, orderId)
                              : Future.succeededFuture())
                  .mapEmpty();
            });
  }
}
