package org.hotline.ticketing.callback;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.EnumSet;
import org.hotline.ticketing.order.WorkOrderService;
import org.hotline.ticketing.workflow.ActionRequest;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key pressed in the {@code callback-survey} IVR rates the order of the callback task the call
 * was placed for (the IVR's {@code ref}): 1 满意 and 2 基本满意 close it, 3 不满意 sends it back to the unit
 * for re-handling (重办). A rating for a task that is no longer open changes nothing.
 */
public final class CallbackRatings {

  /** The actor on history events of ratings keyed in on a survey call. */
  public static final String ACTOR_NAME = "callback-survey";

  private static final Actor ACTOR = new Actor(ACTOR_NAME, EnumSet.of(Role.AGENT), null);
  private static final Logger LOG = LoggerFactory.getLogger(CallbackRatings.class);

  private final Pool pool;
  private final WorkOrderService orders;

  public CallbackRatings(Pool pool, WorkOrderService orders) {
    this.pool = pool;
    this.orders = orders;
  }

  /**
   * @param ref the task id the survey call carried ({@code HOTLINE_TASK_ID})
   * @param score 1, 2 or 3
   * @return true when an order was rated
   */
  public Future<Boolean> rate(String ref, String callId, int score) {
    if (ref == null || !ref.matches("\\d{1,18}") || score < 1 || score > 3) {
      return Future.succeededFuture(false);
    }
    return pool.preparedQuery(
            "SELECT t.order_id, o.version, o.number FROM callback_task t"
                + " JOIN work_order o ON o.id = t.order_id"
                + " WHERE t.id = $1 AND t.kind = 'order' AND t.state = 'open' AND o.state = 'CALLBACK'")
        .execute(Tuple.of(Long.parseLong(ref)))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                LOG.info(
                    "survey call {}: task {} is not open any more, rating kept only", callId, ref);
                return Future.succeededFuture(false);
              }
              Row r = rows.iterator().next();
              ActionRequest req =
                  ActionRequest.rating(r.getInteger("version"), score, "电话回访评价（呼叫 " + callId + "）");
              return orders.act(ACTOR, r.getLong("order_id"), req).map(true);
            });
  }
}
