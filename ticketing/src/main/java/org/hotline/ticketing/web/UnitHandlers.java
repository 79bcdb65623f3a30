package org.hotline.ticketing.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.hotline.ticketing.attachment.AttachmentSettings;
import org.hotline.ticketing.order.OrderView;
import org.hotline.ticketing.order.UnitInbox;
import org.hotline.ticketing.order.WorkOrderService;
import org.hotline.ticketing.reference.ReferenceData;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * GET /api/unit/inbox: the unit portal's tabs. Orders come in the unit view (citizen number masked,
 * nothing of a confidential reporter), each marked {@code mine} when the caller's own unit holds it
 * (only then may it sign, reply, ...) and {@code dueSoon} when past its warning moment.
 */
public final class UnitHandlers {

  private final Pool pool;
  private final UnitInbox inbox;
  private final WorkOrderService service;
  private final ReferenceData reference;
  private final AttachmentSettings attachments;

  public UnitHandlers(
      Pool pool,
      UnitInbox inbox,
      WorkOrderService service,
      ReferenceData reference,
      AttachmentSettings attachments) {
    this.pool = pool;
    this.inbox = inbox;
    this.service = service;
    this.reference = reference;
    this.attachments = attachments;
  }

  public void inbox(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    if (!actor.isUnitStaff()) {
      throw WorkflowException.forbidden("the unit inbox is for unit staff");
    }
    String code = Inputs.param(ctx, "tab");
    UnitInbox.Tab tab =
        code == null
            ? UnitInbox.Tab.SIGN
            : UnitInbox.Tab.of(code)
                .orElseThrow(
                    () ->
                        WorkflowException.invalid(
                            "tab",
                            "tab must be one of "
                                + Arrays.stream(UnitInbox.Tab.values())
                                    .map(UnitInbox.Tab::code)
                                    .toList()));
    int page = Inputs.intParam(ctx, "page", 0, 0, 100_000);
    int size = Inputs.intParam(ctx, "size", 50, 1, 200);
    ZonedDateTime now = service.now();
    inbox
        .tab(pool, reference.units().subtree(actor.unit()), tab, now.toOffsetDateTime(), page, size)
        .onSuccess(
            r -> {
              JsonArray items = new JsonArray();
              r.items()
                  .forEach(
                      i ->
                          items.add(
                              OrderView.toJson(i.order(), true, now)
                                  .put("holdingUnit", i.order().holdingUnit())
                                  .put("mine", actor.unit().equals(i.order().holdingUnit()))
                                  .put("dueSoon", i.dueSoon())));
              JsonObject counts = new JsonObject();
              r.counts().forEach((t, n) -> counts.put(t.code(), n));
              Json.ok(
                  ctx,
                  new JsonObject()
                      .put("tab", tab.code())
                      .put("unit", actor.unit())
                      .put("items", items)
                      .put("total", r.total())
                      .put("counts", counts)
                      .put(
                          "limits",
                          new JsonObject()
                              .put("maxFileBytes", attachments.maxFileBytes())
                              .put("maxFiles", attachments.maxFiles())));
            })
        .onFailure(ctx::fail);
  }
}
