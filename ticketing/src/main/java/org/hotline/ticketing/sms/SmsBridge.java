package org.hotline.ticketing.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsAddresses;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.order.NewOrder;
import org.hotline.ticketing.order.WorkOrderRepository;
import org.hotline.ticketing.order.WorkOrderService;
import org.hotline.ticketing.workflow.ActionRequest;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.OrderState;
import org.hotline.ticketing.workflow.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's answer to citizens' messages ({@link SmsAddresses#MO_RECEIVED}): a rating for the
 * order awaiting that number's callback, a progress query answered only to the reporter, and
 * anything else taken in as a new order of channel sms (with its receipt).
 */
public final class SmsBridge {

  private static final Logger LOG = LoggerFactory.getLogger(SmsBridge.class);
  private static final Actor SMS = new Actor("sms", EnumSet.of(Role.AGENT), null);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final Vertx vertx;
  private final Pool pool;
  private final WorkOrderService orders;
  private final SmsOutbox outbox = new SmsOutbox();
  private final SmsTemplates templates;

  public SmsBridge(Vertx vertx, Pool pool, WorkOrderService orders, SmsTemplates templates) {
    this.vertx = vertx;
    this.pool = pool;
    this.orders = orders;
    this.templates = templates;
  }

  public void register() {
    vertx
        .eventBus()
        .<JsonObject>consumer(
            SmsAddresses.MO_RECEIVED,
            m ->
                handle(m.body())
                    .onFailure(
                        e ->
                            LOG.error(
                                "MO message {} from {} not handled",
                                m.body().getLong("id"),
                                m.body().getString("number"),
                                e)));
  }

  Future<Void> handle(JsonObject mo) {
    String kind = mo.getString("kind", "new_request");
    String number = mo.getString("number");
    return switch (kind) {
      case "survey_reply" -> rate(mo, number);
      case "status_query" -> status(mo, number);
      case "new_request" -> newOrder(mo, number);
      default -> Future.succeededFuture(); // opt-out and help were answered by the sms module
    };
  }

  /** A digit reply rates the newest order of this number that awaits its callback. */
  private Future<Void> rate(JsonObject mo, String number) {
    Integer score = mo.getInteger("score");
    return pool.preparedQuery(
            "SELECT id, version FROM work_order WHERE citizen_phone = $1 AND state = 'CALLBACK' ORDER BY updated_at DESC LIMIT 1")
        .execute(Tuple.of(number))
        .compose(
            rows -> {
              if (rows.size() == 0 || score == null || score < 1 || score > 3) {
                return newOrder(mo, number); // no survey pending: the text is a request of its own
              }
              Row r = rows.iterator().next();
              ActionRequest req = ActionRequest.rating(r.getInteger("version"), score, "短信回访评价");
              return orders.act(SMS, r.getLong("id"), req).mapEmpty();
            });
  }

  private Future<Void> status(JsonObject mo, String number) {
    String digits = mo.getString("orderNumber", "").replaceAll("\\D", "");
    return WorkOrderRepository.byKeyedDigits(pool, digits)
        .compose(
            r ->
                pool.withTransaction(
                    tx -> {
                      String text;
                      Long ticketId = null;
                      if (r == null || !number.equals(r.getString("citizen_phone"))) {
                        text = templates.render("status_refused", Map.of());
                      } else {
                        ticketId = r.getLong("id");
                        Map<String, Object> model = new HashMap<>();
                        model.put("orderNumber", r.getString("number"));
                        model.put("state", OrderState.valueOf(r.getString("state")).citizenText());
                        var due = Db.zoned(r, "due_deadline");
                        if (due != null) {
                          model.put("deadline", DAY.format(due));
                        }
                        text = templates.render("status_reply", model);
                      }
                      return outbox
                          .enqueue(
                              tx,
                              new OutboundSms(
                                  number,
                                  text,
                                  SmsKind.STATUS_REPLY,
                                  true,
                                  ticketId,
                                  "status:" + mo.getLong("id")))
                          .mapEmpty();
                    }));
  }

  private Future<Void> newOrder(JsonObject mo, String number) {
    String text = mo.getString("text", "").strip();
    NewOrder order =
        new NewOrder(
            "sms",
            "help",
            null,
            number,
            null,
            false,
            null,
            null,
            null,
            null,
            text.length() > 4000 ? text.substring(0, 4000) : text,
            "normal",
            List.of());
    return orders.create(SMS, order).mapEmpty();
  }
}
