package org.hotline.ticketing.sms;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.ticketing.workflow.OrderState;
import org.hotline.ticketing.workflow.WorkOrder;

/**
 * Decides which SMS an order change sends and writes them to the SMS outbox in the same transaction
 * as the change: 受理回执 to the citizen, 派单通知 to the unit's contacts, 办理结果 after review, thanks after
 * a rating. Dedupe keys make a retried transaction send nothing twice.
 */
public final class OrderNotices {

  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("M月d日HH:mm");

  private final SmsOutbox outbox;
  private final SmsTemplates templates;

  public OrderNotices(SmsOutbox outbox, SmsTemplates templates) {
    this.outbox = outbox;
    this.templates = templates;
  }

  /** Messages for a new order: a receipt to a citizen who can receive SMS. */
  public Future<Void> created(SqlConnection tx, WorkOrder o) {
    if (!mobile(o.citizenPhone)) {
      return Future.succeededFuture();
    }
    String text = templates.render("receipt", Map.of("orderNumber", o.number));
    return enqueue(
        tx,
        List.of(
            new OutboundSms(
                o.citizenPhone, text, SmsKind.RECEIPT, false, o.id, "receipt:" + o.id)));
  }

  /** Messages for a transition, decided by the state it leads to. */
  public Future<Void> changed(SqlConnection tx, String action, WorkOrder before, WorkOrder after) {
    if (after.state == OrderState.DISPATCHED
        && (before.state != OrderState.DISPATCHED
            || !same(before.holdingUnit(), after.holdingUnit()))) {
      return dispatchNotice(tx, after, after.rehandleCount > before.rehandleCount);
    }
    if (after.state == OrderState.CALLBACK
        && before.state == OrderState.REPLIED
        && mobile(after.citizenPhone)) {
      String result = after.replyText == null ? "" : after.replyText;
      String text =
          templates.render(
              "result", Map.of("orderNumber", after.number, "result", shorten(result, 200)));
      return enqueue(
          tx,
          List.of(
              new OutboundSms(
                  after.citizenPhone,
                  text,
                  SmsKind.RESULT,
                  false,
                  after.id,
                  "result:" + after.id + ":" + after.version)));
    }
    if (after.state == OrderState.CLOSED
        && after.rating != null
        && before.state == OrderState.CALLBACK
        && mobile(after.citizenPhone)) {
      String text = templates.render("thanks", Map.of("orderNumber", after.number));
      return enqueue(
          tx,
          List.of(
              new OutboundSms(
                  after.citizenPhone,
                  text,
                  SmsKind.THANKS,
                  false,
                  after.id,
                  "thanks:" + after.id + ":" + after.version)));
    }
    return Future.succeededFuture();
  }

  /** 派单通知; {@code rehandle}: the citizen was dissatisfied and the order comes back (重办). */
  private Future<Void> dispatchNotice(SqlConnection tx, WorkOrder o, boolean rehandle) {
    return tx.preparedQuery(
            "SELECT c.mobile, (SELECT name FROM category WHERE code = $2) AS category FROM unit_contact c WHERE c.unit_code = $1")
        .execute(Tuple.of(o.holdingUnit(), o.categoryCode))
        .compose(
            rows -> {
              List<OutboundSms> msgs = new ArrayList<>();
              for (Row r : rows) {
                String mobile = r.getString("mobile");
                if (!mobile(mobile)) {
                  continue;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("orderNumber", o.number);
                if (rehandle) {
                  model.put("rehandle", true);
                }
                if (r.getString("category") != null) {
                  model.put("category", r.getString("category"));
                }
                model.put(
                    "signDeadline",
                    o.signDeadline == null ? "尽快" : DEADLINE.format(o.signDeadline));
                if (o.dueDeadline != null) {
                  model.put("deadline", DEADLINE.format(o.dueDeadline));
                }
                msgs.add(
                    new OutboundSms(
                        mobile,
                        templates.render("dispatch_notice", model),
                        SmsKind.DISPATCH_NOTICE,
                        o.isUrgent(),
                        o.id,
                        "dispatch:" + o.id + ":" + o.version + ":" + mobile));
              }
              return enqueue(tx, msgs);
            });
  }

  private Future<Void> enqueue(SqlConnection tx, List<OutboundSms> msgs) {
    return msgs.isEmpty() ? Future.succeededFuture() : outbox.enqueueAll(tx, msgs).mapEmpty();
  }

  /** Mainland mobile numbers receive SMS; landlines and unknown numbers do not. */
  public static boolean mobile(String number) {
    return number != null && number.matches("(\\+?86)?1[3-9][0-9]{9}");
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
