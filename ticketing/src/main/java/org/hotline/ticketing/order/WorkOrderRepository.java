package org.hotline.ticketing.order;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.workflow.OrderState;
import org.hotline.ticketing.workflow.WorkOrder;

/** SQL for work orders and their history. Handlers never see SQL; the service calls these. */
public final class WorkOrderRepository {

  static final String COLUMNS =
      "id, number, state, version, channel, request_type, category_code, citizen_phone, citizen_name,"
          + " confidential, location, latitude, longitude, area, description, urgency, lead_unit,"
          + " co_units, handling_unit, parent_id, call_ids, attachments, pending, paused_since,"
          + " supervised, supervision_note, answer_text, article_code, reply_text, close_reason,"
          + " rating, rehandle_count, callback_attempts, sign_deadline, due_deadline, dispatched_at,"
          + " signed_at, replied_at, closed_at, created_by, created_at, updated_at";

  private static final String INSERT =
      "INSERT INTO work_order (number, state, channel, request_type, category_code, citizen_phone,"
          + " citizen_name, confidential, location, latitude, longitude, area, description, urgency,"
          + " call_ids, created_by, created_at, updated_at)"
          + " VALUES (to_char($15 AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-'"
          + " || lpad((nextval('work_order_number_seq') % 1000000)::text, 6, '0'),"
          + " 'RECEIVED', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)"
          + " RETURNING "
          + COLUMNS;

  private static final String UPDATE =
      "UPDATE work_order SET state = $2, version = $3, lead_unit = $4, co_units = $5,"
          + " handling_unit = $6, parent_id = $7, pending = $8, paused_since = $9, supervised = $10,"
          + " supervision_note = $11, answer_text = $12, article_code = $13, reply_text = $14,"
          + " close_reason = $15, rating = $16, rehandle_count = $17, callback_attempts = $18,"
          + " sign_deadline = $19, due_deadline = $20, dispatched_at = $21, signed_at = $22,"
          + " replied_at = $23, closed_at = $24, updated_at = $25, call_ids = $26"
          + " WHERE id = $1 AND version = $27";

  /** Inserts a new order in state RECEIVED; the number is made from the day and a sequence. */
  public Future<WorkOrder> insert(
      SqlConnection tx, NewOrder o, String createdBy, ZonedDateTime now) {
    Tuple t =
        Tuple.tuple()
            .addString(o.channel())
            .addString(o.requestType())
            .addString(o.categoryCode())
            .addString(o.citizenPhone())
            .addString(o.citizenName())
            .addBoolean(o.confidential())
            .addString(o.location())
            .addDouble(o.latitude())
            .addDouble(o.longitude())
            .addString(o.area())
            .addString(o.description())
            .addString(o.urgency())
            .addArrayOfString(o.callIds().toArray(new String[0]))
            .addString(createdBy)
            .addOffsetDateTime(now.toOffsetDateTime());
    return tx.preparedQuery(INSERT).execute(t).map(rows -> map(rows.iterator().next()));
  }

  public Future<WorkOrder> findForUpdate(SqlConnection tx, long id) {
    return tx.preparedQuery("SELECT " + COLUMNS + " FROM work_order WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
  }

  public Future<WorkOrder> findById(SqlClient client, long id) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM work_order WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
  }

  public Future<WorkOrder> findByNumber(SqlClient client, String number) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM work_order WHERE number = $1")
        .execute(Tuple.of(number))
        .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
  }

  /**
   * An order by the digits a citizen keys or texts (its number without the dash): id, number,
   * state, citizen_phone, due_deadline; null when there is none.
   */
  public static Future<Row> byKeyedDigits(SqlClient client, String digits) {
    return client
        .preparedQuery(
            "SELECT id, number, state, citizen_phone, due_deadline FROM work_order"
                + " WHERE replace(number, '-', '') = $1")
        .execute(Tuple.of(digits))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  /** Writes the new image if nobody changed the order meanwhile; false when the version moved. */
  public Future<Boolean> update(SqlConnection tx, WorkOrder next, int expectedVersion) {
    Tuple t =
        Tuple.tuple()
            .addLong(next.id)
            .addString(next.state.name())
            .addInteger(next.version)
            .addString(next.leadUnit)
            .addArrayOfString(next.coUnits.toArray(new String[0]))
            .addString(next.handlingUnit)
            .addLong(next.parentId)
            .addValue(pendingJson(next.pending))
            .addOffsetDateTime(Db.offset(next.pausedSince))
            .addBoolean(next.supervised)
            .addString(next.supervisionNote)
            .addString(next.answerText)
            .addString(next.articleCode)
            .addString(next.replyText)
            .addString(next.closeReason)
            .addString(next.rating)
            .addInteger(next.rehandleCount)
            .addInteger(next.callbackAttempts)
            .addOffsetDateTime(Db.offset(next.signDeadline))
            .addOffsetDateTime(Db.offset(next.dueDeadline))
            .addOffsetDateTime(Db.offset(next.dispatchedAt))
            .addOffsetDateTime(Db.offset(next.signedAt))
            .addOffsetDateTime(Db.offset(next.repliedAt))
            .addOffsetDateTime(Db.offset(next.closedAt))
            .addOffsetDateTime(Db.offset(next.updatedAt))
            .addArrayOfString(next.callIds.toArray(new String[0]))
            .addInteger(expectedVersion);
    return tx.preparedQuery(UPDATE).execute(t).map(rows -> rows.rowCount() == 1);
  }

  public Future<Void> appendEvent(SqlConnection tx, OrderEvent e) {
    return tx.preparedQuery(
            "INSERT INTO order_event (order_id, action, actor, at, from_state, to_state, note, payload)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(
            Tuple.tuple()
                .addLong(e.orderId())
                .addString(e.action())
                .addString(e.actor())
                .addOffsetDateTime(e.at().toOffsetDateTime())
                .addString(e.fromState())
                .addString(e.toState())
                .addString(e.note())
                .addValue(e.payload()))
        .mapEmpty();
  }

  public Future<List<OrderEvent>> events(SqlClient client, long orderId) {
    return client
        .preparedQuery(
            "SELECT id, order_id, action, actor, at, from_state, to_state, note, payload"
                + " FROM order_event WHERE order_id = $1 ORDER BY id")
        .execute(Tuple.of(orderId))
        .map(
            rows -> {
              List<OrderEvent> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new OrderEvent(
                        r.getLong("order_id"),
                        r.getString("action"),
                        r.getString("actor"),
                        Db.zoned(r, "at"),
                        r.getString("from_state"),
                        r.getString("to_state"),
                        r.getString("note"),
                        (JsonObject) r.getValue("payload")));
              }
              return out;
            });
  }

  /** One page of orders matching the filter, and the total count. */
  public Future<Page> list(SqlClient client, OrderQuery q) {
    List<Object> params = new ArrayList<>();
    String where = q.where(params);
    Tuple t = Tuple.from(params);
    String sql =
        "SELECT "
            + COLUMNS
            + ", count(*) OVER () AS total FROM work_order"
            + where
            + " ORDER BY created_at DESC, id DESC LIMIT "
            + q.size()
            + " OFFSET "
            + (long) q.page() * q.size();
    return client
        .preparedQuery(sql)
        .execute(t)
        .compose(
            rows -> {
              List<WorkOrder> items = new ArrayList<>();
              long total = -1;
              for (Row r : rows) {
                items.add(map(r));
                total = r.getLong("total");
              }
              if (total >= 0 || q.page() == 0) {
                return Future.succeededFuture(new Page(items, Math.max(total, 0)));
              }
              // A page past the end has no rows to carry the total: count separately.
              return client
                  .preparedQuery("SELECT count(*) AS total FROM work_order" + where)
                  .execute(t)
                  .map(c -> new Page(items, c.iterator().next().getLong("total")));
            });
  }

  /** A page of results. */
  public record Page(List<WorkOrder> items, long total) {}

  static Object pendingJson(WorkOrder.Pending p) {
    if (p == null) {
      return null;
    }
    JsonObject j =
        new JsonObject().put("type", p.type()).put("reason", p.reason()).put("unit", p.unit());
    if (p.until() != null) {
      j.put("until", p.until().toOffsetDateTime().toString());
    }
    return j;
  }

  static WorkOrder map(Row r) {
    WorkOrder o = new WorkOrder();
    o.id = r.getLong("id");
    o.number = r.getString("number");
    o.state = OrderState.valueOf(r.getString("state"));
    o.version = r.getInteger("version");
    o.channel = r.getString("channel");
    o.requestType = r.getString("request_type");
    o.categoryCode = r.getString("category_code");
    o.citizenPhone = r.getString("citizen_phone");
    o.citizenName = r.getString("citizen_name");
    o.confidential = r.getBoolean("confidential");
    o.location = r.getString("location");
    o.latitude = r.getDouble("latitude");
    o.longitude = r.getDouble("longitude");
    o.area = r.getString("area");
    o.description = r.getString("description");
    o.urgency = r.getString("urgency");
    o.leadUnit = r.getString("lead_unit");
    o.coUnits = new ArrayList<>(Db.strings(r, "co_units"));
    o.handlingUnit = r.getString("handling_unit");
    o.parentId = r.getLong("parent_id");
    o.callIds = new ArrayList<>(Db.strings(r, "call_ids"));
    Object att = r.getValue("attachments");
    o.attachmentsJson =
        att == null ? "[]" : (att instanceof JsonArray a ? a.encode() : att.toString());
    Object pending = r.getValue("pending");
    if (pending instanceof JsonObject p) {
      String until = p.getString("until");
      o.pending =
          new WorkOrder.Pending(
              p.getString("type"),
              p.getString("reason"),
              until == null
                  ? null
                  : OffsetDateTime.parse(until)
                      .atZoneSameInstant(org.hotline.ticketing.calendar.WorkingCalendar.SHANGHAI),
              p.getString("unit"));
    }
    o.pausedSince = Db.zoned(r, "paused_since");
    o.supervised = r.getBoolean("supervised");
    o.supervisionNote = r.getString("supervision_note");
    o.answerText = r.getString("answer_text");
    o.articleCode = r.getString("article_code");
    o.replyText = r.getString("reply_text");
    o.closeReason = r.getString("close_reason");
    o.rating = r.getString("rating");
    o.rehandleCount = r.getInteger("rehandle_count");
    o.callbackAttempts = r.getInteger("callback_attempts");
    o.signDeadline = Db.zoned(r, "sign_deadline");
    o.dueDeadline = Db.zoned(r, "due_deadline");
    o.dispatchedAt = Db.zoned(r, "dispatched_at");
    o.signedAt = Db.zoned(r, "signed_at");
    o.repliedAt = Db.zoned(r, "replied_at");
    o.closedAt = Db.zoned(r, "closed_at");
    o.createdBy = r.getString("created_by");
    o.createdAt = Db.zoned(r, "created_at");
    o.updatedAt = Db.zoned(r, "updated_at");
    return o;
  }
}
