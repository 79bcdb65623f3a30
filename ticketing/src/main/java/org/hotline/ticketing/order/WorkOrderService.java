package org.hotline.ticketing.order;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.ticketing.attachment.AttachmentRepository;
import org.hotline.ticketing.calendar.DeadlinePolicy;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.callback.CallbackTasks;
import org.hotline.ticketing.reference.ReferenceData;
import org.hotline.ticketing.sms.OrderNotices;
import org.hotline.ticketing.workflow.Action;
import org.hotline.ticketing.workflow.ActionRequest;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.AllowedActions;
import org.hotline.ticketing.workflow.Transition;
import org.hotline.ticketing.workflow.WorkOrder;
import org.hotline.ticketing.workflow.Workflow;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * Work-order use cases. Each change runs in one transaction: the order row is locked, the workflow
 * decides, and the new state, its history event and its outbox row commit together.
 */
public final class WorkOrderService {

  /** Outbox topic prefix: {@code order.<action>} rows feed notices, SMS and live views. */
  public static final String OUTBOX_TOPIC_PREFIX = "order.";

  private final Pool pool;
  private final WorkOrderRepository orders;
  private final ReferenceData reference;
  private final Clock clock;
  private final OrderNotices notices;
  private final CallbackTasks callbackTasks = new CallbackTasks();

  public WorkOrderService(
      Pool pool,
      WorkOrderRepository orders,
      ReferenceData reference,
      Clock clock,
      OrderNotices notices) {
    this.pool = pool;
    this.orders = orders;
    this.reference = reference;
    this.clock = clock;
    this.notices = notices;
  }

  public ZonedDateTime now() {
    return ZonedDateTime.now(clock).withZoneSameInstant(WorkingCalendar.SHANGHAI);
  }

  public Future<WorkOrder> create(Actor actor, NewOrder request) {
    return create(actor, request, (tx, created) -> Future.succeededFuture());
  }

  /**
   * Takes in an order and lets the caller add rows that must commit with it (a callback task for a
   * voicemail order, a receipt SMS, ...).
   */
  public Future<WorkOrder> create(
      Actor actor,
      NewOrder request,
      java.util.function.BiFunction<SqlConnection, WorkOrder, Future<Void>> alsoInTransaction) {
    if (!actor.isAdmin()
        && actor.roles().stream().noneMatch(Action.CREATE.who().roles()::contains)) {
      return Future.failedFuture(
          WorkflowException.forbidden(actor.username() + " may not create orders"));
    }
    if (request.categoryCode() != null && !reference.isLeafCategory(request.categoryCode())) {
      return Future.failedFuture(
          WorkflowException.invalid("categoryCode", "no leaf category " + request.categoryCode()));
    }
    ZonedDateTime now = now();
    return pool.withTransaction(
        tx ->
            orders
                .insert(tx, request, actor.username(), now)
                .compose(
                    created ->
                        // Independent writes of one transaction: pipelined on its connection.
                        Future.all(
                                orders.appendEvent(
                                    tx,
                                    new OrderEvent(
                                        created.id,
                                        "create",
                                        actor.username(),
                                        now,
                                        null,
                                        created.state.name(),
                                        null,
                                        new JsonObject().put("channel", created.channel))),
                                outbox(tx, "created", created),
                                notices.created(tx, created),
                                alsoInTransaction.apply(tx, created))
                            .map(created)));
  }

  public Future<WorkOrder> act(Actor actor, long id, ActionRequest req) {
    return act(actor, id, req, List.of(), (tx, t) -> Future.succeededFuture());
  }

  /**
   * An action; a reply may cite attachments already uploaded to the order ({@code attachments}
   * ids), which its history event then lists.
   */
  public Future<WorkOrder> act(Actor actor, long id, ActionRequest req, List<Long> attachments) {
    return act(actor, id, req, attachments, (tx, t) -> Future.succeededFuture());
  }

  /**
   * Applies an action and lets the caller add rows that must commit with it (the callback loop
   * marks its task, ...); they run after the order, its event and its outbox rows are written.
   */
  public Future<WorkOrder> act(
      Actor actor,
      long id,
      ActionRequest req,
      java.util.function.BiFunction<SqlConnection, Transition, Future<Void>> alsoInTransaction) {
    return act(actor, id, req, List.of(), alsoInTransaction);
  }

  private Future<WorkOrder> act(
      Actor actor,
      long id,
      ActionRequest req,
      List<Long> attachments,
      java.util.function.BiFunction<SqlConnection, Transition, Future<Void>> alsoInTransaction) {
    if (!attachments.isEmpty() && req.action() != Action.REPLY) {
      return Future.failedFuture(
          WorkflowException.invalid("attachments", "only a reply cites attachments"));
    }
    ZonedDateTime now = now();
    Workflow workflow = reference.workflow();
    return pool.withTransaction(
        tx ->
            orders
                .findForUpdate(tx, id)
                .compose(order -> requireVisible(actor, order))
                .compose(
                    order ->
                        mergeTarget(tx, order, req)
                            .compose(
                                target -> {
                                  Transition applied =
                                      workflow.apply(order, actor, req, target, now);
                                  return AttachmentRepository.cite(tx, applied, attachments)
                                      .compose(
                                          t ->
                                              save(tx, actor, t, now)
                                                  .compose(v -> alsoInTransaction.apply(tx, t)))
                                      .compose(
                                          v ->
                                              target == null
                                                  ? Future.succeededFuture()
                                                  : absorb(tx, actor, applied.after(), target, now))
                                      .map(v -> applied.after());
                                })));
  }

  public Future<WorkOrder> get(Actor actor, long id) {
    return orders
        .findById(pool, id)
        .compose(order -> requireVisible(actor, order))
        .compose(order -> logPersonalDataViews(actor, List.of(order)).map(order));
  }

  public Future<WorkOrderRepository.Page> list(Actor actor, OrderQuery query) {
    OrderQuery scoped =
        query.scoped(
            actor.isUnitStaff() ? reference.units().subtree(actor.unit()) : null,
            now().toOffsetDateTime());
    return orders
        .list(pool, scoped)
        .compose(page -> logPersonalDataViews(actor, page.items()).map(page));
  }

  /** What the actor may do to the order now (no personal data is read out, so nothing logged). */
  public Future<AllowedActions> allowedActions(Actor actor, long id) {
    return orders
        .findById(pool, id)
        .compose(order -> requireVisible(actor, order))
        .map(
            order -> {
              ZonedDateTime now = now();
              AllowedActions allowed = AllowedActions.of(reference.workflow(), order, actor, now);
              if (!allowed.actions().contains(Action.DISPATCH)) {
                return allowed;
              }
              DeadlinePolicy.RequestType type =
                  DeadlinePolicy.RequestType.valueOf(
                      order.requestType.toUpperCase(java.util.Locale.ROOT));
              return allowed.withDispatchDeadlines(
                  reference.policy().compute(reference.calendar(), now, type, order.isUrgent()));
            });
  }

  public Future<List<OrderEvent>> events(Actor actor, long id) {
    return orders
        .findById(pool, id)
        .compose(order -> requireVisible(actor, order))
        .compose(order -> orders.events(pool, order.id));
  }

  /** True when the actor sees orders through the unit view (masked citizen data). */
  public boolean unitView(Actor actor) {
    return actor.isUnitStaff();
  }

  private Future<WorkOrder> requireVisible(Actor actor, WorkOrder order) {
    if (order == null || !visible(actor, order)) {
      return Future.failedFuture(WorkflowException.notFound("no such order"));
    }
    return Future.succeededFuture(order);
  }

  private boolean visible(Actor actor, WorkOrder order) {
    if (!actor.isUnitStaff()) {
      return actor.isCentreStaff();
    }
    Set<String> mine = reference.units().subtree(actor.unit());
    return (order.leadUnit != null && mine.contains(order.leadUnit))
        || (order.handlingUnit != null && mine.contains(order.handlingUnit))
        || order.coUnits.stream().anyMatch(mine::contains);
  }

  private Future<WorkOrder> mergeTarget(SqlConnection tx, WorkOrder order, ActionRequest req) {
    if (req.action() != Action.MERGE || req.into() == null || req.into().isBlank()) {
      return Future.succeededFuture();
    }
    String into = req.into().trim();
    Future<WorkOrder> found =
        into.matches("\\d{1,18}")
            ? orders.findById(tx, Long.parseLong(into))
            : orders.findByNumber(tx, into);
    return found.compose(
        t -> t == null ? Future.succeededFuture() : orders.findForUpdate(tx, t.id));
  }

  /** The order an order was merged into takes over its call ids and records the merge. */
  private Future<Void> absorb(
      SqlConnection tx, Actor actor, WorkOrder merged, WorkOrder target, ZonedDateTime now) {
    WorkOrder next = target.copy();
    for (String call : merged.callIds) {
      if (!next.callIds.contains(call)) {
        next.callIds.add(call);
      }
    }
    next.version = target.version + 1;
    next.updatedAt = now;
    return orders
        .update(tx, next, target.version)
        .compose(
            ok ->
                orders.appendEvent(
                    tx,
                    new OrderEvent(
                        target.id,
                        "merged-in",
                        actor.username(),
                        now,
                        target.state.name(),
                        target.state.name(),
                        null,
                        new JsonObject().put("from", merged.number))));
  }

  private Future<Void> save(SqlConnection tx, Actor actor, Transition t, ZonedDateTime now) {
    WorkOrder before = t.before();
    WorkOrder after = t.after();
    return orders
        .update(tx, after, before.version)
        .compose(
            updated -> {
              if (!updated) { // cannot happen under the row lock, but never write blind
                return Future.failedFuture(
                    WorkflowException.stale(before.version, before.version + 1));
              }
              // Independent writes of one transaction: pipelined on its connection.
              return Future.all(
                      orders.appendEvent(
                          tx,
                          new OrderEvent(
                              after.id,
                              t.action().pathName(),
                              actor.username(),
                              now,
                              before.state.name(),
                              after.state.name(),
                              t.note(),
                              new JsonObject(t.payload()))),
                      outbox(tx, t.action().pathName(), after),
                      notices.changed(tx, t.action().pathName(), before, after),
                      callbackTasks.changed(tx, actor, t, now))
                  .<Void>mapEmpty();
            });
  }

  private Future<Void> outbox(SqlConnection tx, String what, WorkOrder o) {
    JsonObject payload =
        new JsonObject()
            .put("id", o.id)
            .put("number", o.number)
            .put("state", o.state.name())
            .put("unit", o.holdingUnit())
            .put("urgent", o.isUrgent())
            .put("channel", o.channel);
    return tx.preparedQuery("INSERT INTO outbox (topic, payload) VALUES ($1, $2)")
        .execute(Tuple.of(OUTBOX_TOPIC_PREFIX + what, payload))
        .mapEmpty();
  }

  /** PIPL: centre staff reading a citizen's unmasked data leave a trace, one row per order. */
  private Future<Void> logPersonalDataViews(Actor actor, List<WorkOrder> shown) {
    if (actor.isUnitStaff()) {
      return Future.succeededFuture(); // units only ever see masked or hidden data
    }
    List<Tuple> rows = new ArrayList<>();
    for (WorkOrder o : shown) {
      if (o.citizenPhone != null || o.citizenName != null) {
        rows.add(Tuple.of(actor.username(), o.id, "view"));
      }
    }
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(
            "INSERT INTO personal_data_access (username, order_id, purpose) VALUES ($1, $2, $3)")
        .executeBatch(rows)
        .mapEmpty();
  }
}
