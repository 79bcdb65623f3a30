package org.hotline.ticketing.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.ZonedDateTime;
import org.hotline.ticketing.order.NewOrder;
import org.hotline.ticketing.order.OrderQuery;
import org.hotline.ticketing.order.OrderView;
import org.hotline.ticketing.order.WorkOrderService;
import org.hotline.ticketing.reference.ReferenceData;
import org.hotline.ticketing.workflow.Action;
import org.hotline.ticketing.workflow.ActionRequest;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.OrderState;
import org.hotline.ticketing.workflow.WorkflowException;

/** /api/tickets: create, read, list, history, and the workflow actions. */
public final class TicketHandlers {

  private static final String PHONE = "\\+?[0-9][0-9-]{2,19}";
  private static final java.util.List<String> PENDING =
      java.util.List.of(OrderQuery.ANY_PENDING, "return", "dispute", "extension");

  private final WorkOrderService service;
  private final ReferenceData reference;

  public TicketHandlers(WorkOrderService service, ReferenceData reference) {
    this.service = service;
    this.reference = reference;
  }

  public void create(RoutingContext ctx) {
    JsonObject b = Inputs.body(ctx);
    String channel = Inputs.oneOf(b, "channel", NewOrder.CHANNELS, null);
    String phone = Inputs.optString(b, "citizenPhone", 20);
    if (phone != null && !phone.matches(PHONE)) {
      throw WorkflowException.invalid("citizenPhone", "citizenPhone must be a phone number");
    }
    if (phone == null
        && (channel.equals("phone") || channel.equals("sms") || channel.equals("voicemail"))) {
      throw WorkflowException.invalid(
          "citizenPhone", "citizenPhone is required for channel " + channel);
    }
    String requestType = Inputs.oneOf(b, "requestType", NewOrder.REQUEST_TYPES, null);
    Boolean confidential = Inputs.optBool(b, "confidential");
    NewOrder order =
        new NewOrder(
            channel,
            requestType,
            Inputs.optString(b, "categoryCode", 6),
            phone,
            Inputs.optString(b, "citizenName", 50),
            Boolean.TRUE.equals(confidential),
            Inputs.optString(b, "location", 500),
            Inputs.optNumber(b, "latitude", -90, 90),
            Inputs.optNumber(b, "longitude", -180, 180),
            Inputs.optString(b, "area", 100),
            Inputs.reqString(b, "description", 4000),
            Inputs.oneOf(b, "urgency", NewOrder.URGENCIES, "normal"),
            Inputs.optStrings(b, "callIds", 20, 64));
    Actor actor = Sessions.actor(ctx);
    service
        .create(actor, order)
        .onSuccess(
            o -> Json.created(ctx, OrderView.toJson(o, service.unitView(actor), service.now())))
        .onFailure(ctx::fail);
  }

  public void get(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    service
        .get(actor, Inputs.pathId(ctx))
        .onSuccess(o -> Json.ok(ctx, OrderView.toJson(o, service.unitView(actor), service.now())))
        .onFailure(ctx::fail);
  }

  public void list(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    String state = Inputs.param(ctx, "state");
    if (state != null) {
      try {
        OrderState.valueOf(state);
      } catch (IllegalArgumentException e) {
        throw WorkflowException.invalid("state", "unknown state " + state);
      }
    }
    String overdue = Inputs.param(ctx, "overdue");
    if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
      throw WorkflowException.invalid("overdue", "overdue must be true or false");
    }
    String q = Inputs.param(ctx, "q");
    if (q != null && q.length() > 200) {
      throw WorkflowException.invalid("q", "q is longer than 200 characters");
    }
    String pending = Inputs.param(ctx, "pending");
    if (pending != null && !PENDING.contains(pending)) {
      throw WorkflowException.invalid("pending", "pending must be one of " + PENDING);
    }
    OrderQuery query =
        new OrderQuery(
            state,
            Inputs.param(ctx, "unit"),
            overdue == null ? null : Boolean.valueOf(overdue),
            q,
            Inputs.param(ctx, "phone"),
            pending,
            flag(ctx, "dueSoon"),
            flag(ctx, "supervised"),
            null,
            null,
            Inputs.intParam(ctx, "page", 0, 0, 100_000),
            Inputs.intParam(ctx, "size", 20, 1, 200));
    service
        .list(actor, query)
        .onSuccess(
            page -> {
              ZonedDateTime now = service.now();
              JsonArray items = new JsonArray();
              page.items()
                  .forEach(o -> items.add(OrderView.toJson(o, service.unitView(actor), now)));
              Json.ok(ctx, new JsonObject().put("items", items).put("total", page.total()));
            })
        .onFailure(ctx::fail);
  }

  /**
   * GET /api/tickets/{id}/actions: what the current user may do to the order in its current state
   * and version (the buttons a page shows); the action API still checks every request.
   */
  public void actions(RoutingContext ctx) {
    service
        .allowedActions(Sessions.actor(ctx), Inputs.pathId(ctx))
        .onSuccess(
            allowed -> {
              JsonArray names = new JsonArray();
              allowed.actions().forEach(a -> names.add(a.pathName()));
              JsonObject out =
                  new JsonObject().put("version", allowed.version()).put("actions", names);
              if (allowed.dispatchDeadlines() != null) {
                out.put(
                    "dispatchDeadlines",
                    new JsonObject()
                        .put("sign", OrderView.time(allowed.dispatchDeadlines().sign()))
                        .put("due", OrderView.time(allowed.dispatchDeadlines().due())));
              }
              Json.ok(ctx, out);
            })
        .onFailure(ctx::fail);
  }

  /** An optional true/false query parameter. */
  private static Boolean flag(RoutingContext ctx, String name) {
    String v = Inputs.param(ctx, name);
    if (v != null && !v.equals("true") && !v.equals("false")) {
      throw WorkflowException.invalid(name, name + " must be true or false");
    }
    return v == null ? null : Boolean.valueOf(v);
  }

  public void events(RoutingContext ctx) {
    service
        .events(Sessions.actor(ctx), Inputs.pathId(ctx))
        .onSuccess(
            events -> {
              JsonArray out = new JsonArray();
              events.forEach(e -> out.add(OrderView.event(e)));
              Json.ok(ctx, out);
            })
        .onFailure(ctx::fail);
  }

  public void act(RoutingContext ctx) {
    long id = Inputs.pathId(ctx);
    String name = ctx.pathParam("action");
    Action action =
        Action.fromPath(name)
            .orElseThrow(
                () -> WorkflowException.invalid("action", "unknown action '" + name + "'"));
    JsonObject b = Inputs.body(ctx);
    ActionRequest req =
        new ActionRequest(
            action,
            Inputs.reqInt(b, "version"),
            Inputs.optString(b, "text", 4000),
            Inputs.optString(b, "articleCode", 64),
            intoParam(b),
            Inputs.optString(b, "unit", 64),
            Inputs.optStrings(b, "coUnits", 10, 64),
            Inputs.optString(b, "reason", 2000),
            Inputs.optBool(b, "accept"),
            Inputs.optTime(b, "until", reference.calendar()),
            Inputs.optString(b, "result", 32),
            Inputs.optString(b, "note", 2000));
    Actor actor = Sessions.actor(ctx);
    service
        .act(actor, id, req, attachmentIds(b))
        .onSuccess(o -> Json.ok(ctx, OrderView.toJson(o, service.unitView(actor), service.now())))
        .onFailure(ctx::fail);
  }

  /** {@code attachments}: ids of files uploaded to the order that a reply cites (at most 10). */
  private static java.util.List<Long> attachmentIds(JsonObject b) {
    Object v = b.getValue("attachments");
    if (v == null) {
      return java.util.List.of();
    }
    if (!(v instanceof JsonArray a) || a.size() > 10) {
      throw WorkflowException.invalid("attachments", "attachments must be at most 10 ids");
    }
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (Object item : a) {
      if (!(item instanceof Integer || item instanceof Long) || ((Number) item).longValue() <= 0) {
        throw WorkflowException.invalid("attachments", "attachments must be positive ids");
      }
      ids.add(((Number) item).longValue());
    }
    return ids;
  }

  /** {@code into} may be an order number (string) or an id (number). */
  private static String intoParam(JsonObject b) {
    Object v = b.getValue("into");
    if (v instanceof Number n) {
      return String.valueOf(n.longValue());
    }
    return Inputs.optString(b, "into", 64);
  }
}
