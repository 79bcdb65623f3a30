package org.hotline.ticketing.intake;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.order.OrderView;

/**
 * An agent's own day (今日工作): the calls the agent took and the orders the agent took in, answered,
 * merged or otherwise acted on since midnight (Asia/Shanghai).
 */
public final class AgentDay {

  private static final int LIMIT = 200;

  /** AMI names the agent by member name ("agent1") or by interface ("PJSIP/agent1"). */
  private static final String CALLS =
      "SELECT c.id, c.direction, c.caller, c.called_number, c.entered_at, c.answered_at,"
          + " c.talk_seconds, c.outcome,"
          + " (SELECT coalesce(array_agg(o.number ORDER BY o.id), '{}') FROM work_order o"
          + " WHERE c.id = ANY(o.call_ids)) AS orders"
          + " FROM call_record c WHERE (c.agent = $1 OR c.agent LIKE '%/' || $1)"
          + " AND c.entered_at >= $2 ORDER BY c.entered_at DESC LIMIT "
          + LIMIT;

  private static final String ORDERS =
      "SELECT o.id, o.number, o.state, o.version, o.request_type, o.category_code,"
          + " o.citizen_phone, o.citizen_name, o.location, o.description, o.lead_unit,"
          + " o.created_at, o.updated_at, o.article_code"
          + " FROM work_order o WHERE o.id IN"
          + " (SELECT e.order_id FROM order_event e WHERE e.actor = $1 AND e.at >= $2)"
          + " ORDER BY o.updated_at DESC LIMIT "
          + LIMIT;

  private final Pool pool;

  public AgentDay(Pool pool) {
    this.pool = pool;
  }

  /** {calls: [...], orders: [...]} of {@code username} since {@code midnight}. */
  public Future<JsonObject> of(String username, OffsetDateTime midnight) {
    Tuple t = Tuple.of(username, midnight);
    Future<RowSet<Row>> calls = pool.preparedQuery(CALLS).execute(t);
    Future<RowSet<Row>> orders = pool.preparedQuery(ORDERS).execute(t);
    return Future.all(calls, orders)
        .compose(
            all ->
                logViews(username, orders.result())
                    .map(
                        v ->
                            new JsonObject()
                                .put("calls", calls(calls.result()))
                                .put("orders", orders(orders.result()))));
  }

  private static JsonArray calls(RowSet<Row> rows) {
    JsonArray out = new JsonArray();
    for (Row r : rows) {
      out.add(
          new JsonObject()
              .put("id", r.getString("id"))
              .put("direction", r.getString("direction"))
              .put("caller", r.getString("caller"))
              .put("calledNumber", r.getString("called_number"))
              .put("enteredAt", OrderView.time(Db.zoned(r, "entered_at")))
              .put("answeredAt", OrderView.time(Db.zoned(r, "answered_at")))
              .put("talkSeconds", r.getInteger("talk_seconds"))
              .put("outcome", r.getString("outcome"))
              .put("orders", new JsonArray(Db.strings(r, "orders"))));
    }
    return out;
  }

  private static JsonArray orders(RowSet<Row> rows) {
    JsonArray out = new JsonArray();
    for (Row r : rows) {
      out.add(
          new JsonObject()
              .put("id", r.getLong("id"))
              .put("number", r.getString("number"))
              .put("state", r.getString("state"))
              .put("version", r.getInteger("version"))
              .put("requestType", r.getString("request_type"))
              .put("categoryCode", r.getString("category_code"))
              .put("citizenPhone", r.getString("citizen_phone"))
              .put("citizenName", r.getString("citizen_name"))
              .put("location", r.getString("location"))
              .put("description", r.getString("description"))
              .put("leadUnit", r.getString("lead_unit"))
              .put("articleCode", r.getString("article_code"))
              .put("createdAt", OrderView.time(Db.zoned(r, "created_at")))
              .put("updatedAt", OrderView.time(Db.zoned(r, "updated_at"))));
    }
    return out;
  }

  /** PIPL: the list shows citizens' numbers, so each shown order leaves a trace, as lists do. */
  private Future<Void> logViews(String username, RowSet<Row> rows) {
    List<Tuple> views = new ArrayList<>();
    for (Row r : rows) {
      if (r.getString("citizen_phone") != null || r.getString("citizen_name") != null) {
        views.add(Tuple.of(username, r.getLong("id"), "view"));
      }
    }
    if (views.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(
            "INSERT INTO personal_data_access (username, order_id, purpose) VALUES ($1, $2, $3)")
        .executeBatch(views)
        .mapEmpty();
  }
}
