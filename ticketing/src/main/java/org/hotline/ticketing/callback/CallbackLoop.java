package org.hotline.ticketing.callback;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.order.WorkOrderService;
import org.hotline.ticketing.sms.OrderNotices;
import org.hotline.ticketing.workflow.Action;
import org.hotline.ticketing.workflow.ActionRequest;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback loop (回访): one {@link #pass} works every open, unclaimed order task whose next step
 * is due, as {@link CallbackPlan} decides: a survey call (AMI originate into the {@code
 * callback-survey} IVR), the SMS survey, or closing the order as unreachable. Run by the
 * scheduler's leader only.
 *
 * <p>At most once per attempt: a call's attempt row is committed before the originate is sent, so a
 * crash in between loses that call rather than repeating it; the SMS survey's attempt row and its
 * outbox row commit together (the outbox delivers at least once, deduplicated).
 */
public final class CallbackLoop {

  /** The actor on the loop's history events. */
  public static final Actor ACTOR = new Actor("callback-loop", EnumSet.of(Role.AGENT), null);

  static final String UNREACHABLE_NOTE = "回访未果：电话未接通、短信未回复，按无法联系办结";
  static final String NO_PHONE_NOTE = "回访未果：市民未留联系电话，按无法联系办结";
  private static final Logger LOG = LoggerFactory.getLogger(CallbackLoop.class);
  private static final int BATCH = 200;

  private final Vertx vertx;
  private final Pool pool;
  private final WorkOrderService orders;
  private final SmsTemplates templates;
  private final CallbackTasks tasks = new CallbackTasks();
  private final SmsOutbox outbox = new SmsOutbox();
  private final DeliveryOptions originateTimeout;

  public CallbackLoop(Vertx vertx, Pool pool, WorkOrderService orders, SmsTemplates templates) {
    this.vertx = vertx;
    this.pool = pool;
    this.orders = orders;
    this.templates = templates;
    this.originateTimeout = new DeliveryOptions().setSendTimeout(10_000);
  }

  /** What one pass did. */
  public record PassReport(int adopted, int calls, int sms, int unreachable) {
    public boolean isEmpty() {
      return adopted + calls + sms + unreachable == 0;
    }
  }

  /**
   * Listens for the PBX's verdict on survey calls. Every node may listen: the update is keyed and
   * idempotent.
   */
  public void register() {
    vertx
        .eventBus()
        .<JsonObject>consumer(
            TelephonyAddresses.ORIGINATE_RESULT,
            m -> {
              JsonObject r = m.body();
              Long task = taskId(r.getValue("taskId"));
              if (task == null || !r.getBoolean("survey", false)) {
                return;
              }
              int reason = r.getInteger("reason", r.getBoolean("ok", false) ? 4 : 0);
              tasks
                  .callOutcome(pool, task, r.getString("uniqueId"), reason, orders.now())
                  .onFailure(e -> LOG.warn("callback task {}: call outcome not stored", task, e));
            });
  }

  /** Loads the settings and works what is due as of {@code now}. */
  public Future<PassReport> pass(ZonedDateTime now) {
    return tasks
        .settings(pool)
        .compose(
            s ->
                tasks
                    .adopt(pool)
                    .compose(
                        adopted ->
                            tasks
                                .due(pool, now, BATCH)
                                .compose(rows -> work(s, rows, now, adopted))));
  }

  private Future<PassReport> work(
      CallbackSettings s, Iterable<Row> rows, ZonedDateTime now, int adopted) {
    CallbackPlan plan = new CallbackPlan(s);
    List<Row> due = new ArrayList<>();
    rows.forEach(due::add);
    int[] done = new int[3];
    Future<Void> chain = Future.succeededFuture();
    for (Row r : due) { // one task after another: a pass is small and the PBX paces calls anyway
      chain =
          chain.compose(
              v ->
                  step(plan, r, now, done)
                      .recover(
                          e -> {
                            LOG.error(
                                "callback task {} of order {}: step failed",
                                r.getLong("id"),
                                r.getString("order_number"),
                                e);
                            return Future.succeededFuture();
                          }));
    }
    return chain.map(v -> new PassReport(adopted, done[0], done[1], done[2]));
  }

  private Future<Void> step(CallbackPlan plan, Row r, ZonedDateTime now, int[] done) {
    CallbackPlan.Progress p = progress(r);
    CallbackPlan.Step step = plan.next(p, now);
    long task = r.getLong("id");
    return switch (step.kind()) {
      case WAIT -> tasks.progress(pool, task, p.callsMade(), null, step.until());
      case CALL -> call(plan, r, p, step.seq(), now).map(placed -> count(done, 0, placed));
      case SMS -> sms(plan, r, p, now).map(sent -> count(done, 1, sent));
      case UNREACHABLE ->
          unreachable(r, p.phone() ? UNREACHABLE_NOTE : NO_PHONE_NOTE)
              .map(closed -> count(done, 2, closed));
    };
  }

  private static Void count(int[] done, int i, boolean happened) {
    if (happened) {
      done[i]++;
    }
    return null;
  }

  private static CallbackPlan.Progress progress(Row r) {
    String phone = r.getString("citizen_phone");
    return new CallbackPlan.Progress(
        Db.zoned(r, "created_at"),
        r.getLong("calls").intValue(),
        Db.zoned(r, "last_call"),
        Db.zoned(r, "sms_sent_at"),
        phone != null && phone.matches("\\+?[0-9]{3,20}"),
        OrderNotices.mobile(phone));
  }

  /** Commits the attempt row, then asks the PBX to dial; true when this pass placed the call. */
  private Future<Boolean> call(
      CallbackPlan plan, Row r, CallbackPlan.Progress p, int seq, ZonedDateTime now) {
    long task = r.getLong("id");
    CallbackPlan.Progress after =
        new CallbackPlan.Progress(p.acceptedAt(), seq, now, p.smsSentAt(), p.phone(), p.mobile());
    ZonedDateTime next = plan.next(after, now).until();
    return pool.withTransaction(
            tx ->
                tasks
                    .lockWorkable(tx, task)
                    .compose(
                        ok ->
                            !ok
                                ? Future.succeededFuture(false)
                                : tasks
                                    .attempt(tx, task, "call", seq, "placing", now, null)
                                    .compose(
                                        fresh ->
                                            tasks.progress(tx, task, seq, null, next).map(fresh))))
        .compose(
            fresh -> fresh ? dial(r, task, seq, now).map(true) : Future.succeededFuture(false));
  }

  private Future<Void> dial(Row r, long task, int seq, ZonedDateTime now) {
    JsonObject msg =
        new JsonObject()
            .put("number", r.getString("citizen_phone"))
            .put("survey", true)
            .put("ticketId", r.getLong("order_id"))
            .put("taskId", task);
    return vertx
        .eventBus()
        .<JsonObject>request(TelephonyAddresses.ACTION_ORIGINATE, msg, originateTimeout)
        .compose(
            reply -> {
              JsonObject b = reply.body();
              if (Boolean.FALSE.equals(b.getBoolean("ok")) || b.getString("actionId") == null) {
                LOG.warn("callback task {} call {}: the PBX refused: {}", task, seq, b);
                return tasks.callFailed(pool, task, seq, now);
              }
              LOG.info(
                  "order {}: survey call {} to the citizen queued ({})",
                  r.getString("order_number"),
                  seq,
                  b.getString("actionId"));
              return tasks.callQueued(pool, task, seq, b.getString("actionId"));
            },
            e -> {
              // No answer from the telephony module: the call may or may not have been placed, so
              // the attempt counts and is never repeated.
              LOG.warn(
                  "callback task {} call {}: originate not confirmed: {}", task, seq, e.toString());
              return tasks.callFailed(pool, task, seq, now);
            });
  }

  /** The SMS survey: attempt row, outbox row and task progress in one transaction. */
  private Future<Boolean> sms(
      CallbackPlan plan, Row r, CallbackPlan.Progress p, ZonedDateTime now) {
    long task = r.getLong("id");
    long orderId = r.getLong("order_id");
    String number = r.getString("order_number");
    String text = templates.render("survey", Map.of("orderNumber", number));
    OutboundSms msg =
        new OutboundSms(
            r.getString("citizen_phone"),
            text,
            SmsKind.SURVEY,
            false,
            orderId,
            // The key of POST /api/tickets/{id}/sms-survey: staff who sent it already sent this
            // one.
            "survey:" + orderId + ":" + r.getInteger("version"));
    CallbackPlan.Progress after =
        new CallbackPlan.Progress(
            p.acceptedAt(), p.callsMade(), p.lastCallAt(), now, p.phone(), p.mobile());
    ZonedDateTime next = plan.next(after, now).until();
    return pool.withTransaction(
        tx ->
            tasks
                .lockWorkable(tx, task)
                .compose(
                    ok ->
                        !ok
                            ? Future.succeededFuture(false)
                            : outbox
                                .enqueue(tx, msg)
                                .compose(
                                    smsId -> tasks.attempt(tx, task, "sms", 1, "sent", now, smsId))
                                .compose(
                                    fresh ->
                                        tasks
                                            .progress(tx, task, p.callsMade(), now, next)
                                            .map(fresh))));
  }

  /** Closes the order as unreachable (CLOSE, so it counts as closed unrated). */
  private Future<Boolean> unreachable(Row r, String note) {
    long orderId = r.getLong("order_id");
    ActionRequest close =
        new ActionRequest(
            Action.CLOSE,
            r.getInteger("version"),
            null,
            null,
            null,
            null,
            null,
            note,
            null,
            null,
            null,
            null);
    return orders
        .act(ACTOR, orderId, close, (tx, t) -> tasks.markUnreachable(tx, orderId))
        .map(
            o -> {
              LOG.info("order {}: citizen unreachable, closed without a rating", o.number);
              return true;
            });
  }

  private static Long taskId(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s && s.matches("\\d{1,18}")) {
      return Long.parseLong(s);
    }
    return null;
  }
}
