package org.hotline.ticketing.callback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.order.OrderView;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * The staff's side of the callback list: every kind of task (order 回访, missed call 漏接回拨, voicemail)
 * in one list, claimed by one person at a time and completed by hand. A claimed task gets no
 * automatic attempts. The SQL of the list lives here; order ratings go through the workflow.
 */
public final class CallbackDesk {

  private static final String COLUMNS =
      "SELECT t.*, o.number AS order_number, o.state AS order_state, o.version AS order_version,"
          + " (SELECT jsonb_build_object('channel', a.channel, 'seq', a.seq, 'state', a.state,"
          + "   'reason', a.reason, 'at', a.at) FROM callback_attempt a WHERE a.task_id = t.id"
          + "   ORDER BY a.at DESC, a.seq DESC LIMIT 1) AS last_attempt,"
          + " count(*) OVER () AS total"
          + " FROM callback_task t LEFT JOIN work_order o ON o.id = t.order_id";

  private final Pool pool;

  public CallbackDesk(Pool pool) {
    this.pool = pool;
  }

  /** A page of tasks, oldest due first; {@code state} open or done, {@code kind} optional. */
  public Future<JsonObject> list(
      String state, String kind, String claimedBy, ZonedDateTime now, int page, int size) {
    List<Object> p = new ArrayList<>();
    p.add(state);
    StringBuilder w = new StringBuilder(" WHERE t.state = $1");
    if (kind != null) {
      p.add(kind);
      w.append(" AND t.kind = $").append(p.size());
    }
    if (claimedBy != null) {
      p.add(claimedBy);
      w.append(" AND t.claimed_by = $").append(p.size());
    }
    String order =
        "open".equals(state)
            ? " ORDER BY coalesce(t.due_at, t.created_at), t.id"
            : " ORDER BY t.done_at DESC NULLS LAST, t.id DESC";
    String sql = COLUMNS + w + order + " LIMIT " + size + " OFFSET " + (long) page * size;
    return pool.preparedQuery(sql)
        .execute(Tuple.from(p))
        .map(
            rows -> {
              JsonArray items = new JsonArray();
              long total = 0;
              for (Row r : rows) {
                total = r.getLong("total");
                items.add(view(r, now));
              }
              return new JsonObject().put("items", items).put("total", total);
            });
  }

  public Future<JsonObject> get(long id, ZonedDateTime now) {
    return pool.preparedQuery(COLUMNS + " WHERE t.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw WorkflowException.notFound("no callback task " + id);
              }
              return view(rows.iterator().next(), now);
            });
  }

  /** Takes a task by hand (again, when already one's own). */
  public Future<JsonObject> claim(long id, String username, ZonedDateTime now) {
    return pool.withTransaction(
            tx ->
                locked(tx, id)
                    .compose(
                        r -> {
                          String holder = r.getString("claimed_by");
                          if (holder != null && !holder.equals(username)) {
                            throw WorkflowException.illegal(
                                "callback task " + id + " is being worked by " + holder);
                          }
                          return tx.preparedQuery(
                                  "UPDATE callback_task SET claimed_by = $2,"
                                      + " claimed_at = coalesce(claimed_at, $3) WHERE id = $1")
                              .execute(Tuple.of(id, username, Db.offset(now)));
                        }))
        .compose(v -> get(id, now));
  }

  /** Gives a task back to the list (and to the loop); others' claims only for supervisors. */
  public Future<JsonObject> release(long id, String username, boolean anyone, ZonedDateTime now) {
    return pool.withTransaction(
            tx ->
                locked(tx, id)
                    .compose(
                        r -> {
                          String holder = r.getString("claimed_by");
                          if (holder == null) {
                            throw WorkflowException.illegal(
                                "callback task " + id + " is not claimed");
                          }
                          if (!holder.equals(username) && !anyone) {
                            throw WorkflowException.forbidden(
                                "callback task " + id + " is claimed by " + holder);
                          }
                          return tx.preparedQuery(
                                  "UPDATE callback_task SET claimed_by = NULL, claimed_at = NULL"
                                      + " WHERE id = $1")
                              .execute(Tuple.of(id));
                        }))
        .compose(v -> get(id, now));
  }

  /**
   * The task as it stands when open and not claimed by someone else, for completing by hand (the
   * completion itself goes through the workflow, which refuses a stale order).
   */
  public Future<Row> forCompletion(long id, String username) {
    return pool.withTransaction(
        tx ->
            locked(tx, id)
                .map(
                    r -> {
                      String holder = r.getString("claimed_by");
                      if (holder != null && !holder.equals(username)) {
                        throw WorkflowException.illegal(
                            "callback task " + id + " is being worked by " + holder);
                      }
                      return r;
                    }));
  }

  /** Ends a missed-call or voicemail task: {@code reached} or {@code unreachable}. */
  public Future<Void> finishCall(
      long id, String result, String note, String username, ZonedDateTime now) {
    return pool.preparedQuery(
            "UPDATE callback_task SET state = 'done', result = $2, done_by = $3, done_at = $4,"
                + " note = CASE WHEN $5::text IS NULL THEN note ELSE coalesce(note || '；', '') || $5 END,"
                + " attempts = attempts + 1"
                + " WHERE id = $1 AND state = 'open' AND kind <> 'order'")
        .execute(Tuple.of(id, result, username, Db.offset(now), note))
        .compose(
            rows ->
                rows.rowCount() == 1
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        WorkflowException.illegal("callback task " + id + " is not open")));
  }

  private static Future<Row> locked(SqlConnection tx, long id) {
    return tx.preparedQuery("SELECT * FROM callback_task WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw WorkflowException.notFound("no callback task " + id);
              }
              Row r = rows.iterator().next();
              if (!"open".equals(r.getString("state"))) {
                throw WorkflowException.illegal("callback task " + id + " is done already");
              }
              return r;
            });
  }

  static JsonObject view(Row r, ZonedDateTime now) {
    LocalDate day = r.getLocalDate("day");
    ZonedDateTime due = Db.zoned(r, "due_at");
    Object last = r.getValue("last_attempt");
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("kind", r.getString("kind"))
        .put("number", r.getString("number"))
        .put("day", day == null ? null : day.toString())
        .put("callId", r.getString("call_id"))
        .put("ticketId", r.getLong("order_id"))
        .put("ticketNumber", r.getString("order_number"))
        .put("ticketState", r.getString("order_state"))
        .put("ticketVersion", r.getInteger("order_version"))
        .put("attempts", r.getInteger("attempts"))
        .put("note", r.getString("note"))
        .put("createdAt", OrderView.time(Db.zoned(r, "created_at")))
        .put("state", r.getString("state"))
        .put("dueAt", OrderView.time(due))
        .put("overdue", due != null && "open".equals(r.getString("state")) && due.isBefore(now))
        .put("nextAt", OrderView.time(Db.zoned(r, "next_at")))
        .put("smsSentAt", OrderView.time(Db.zoned(r, "sms_sent_at")))
        .put("claimedBy", r.getString("claimed_by"))
        .put("claimedAt", OrderView.time(Db.zoned(r, "claimed_at")))
        .put("result", r.getString("result"))
        .put("ratedVia", r.getString("rated_via"))
        .put("doneBy", r.getString("done_by"))
        .put("doneAt", OrderView.time(Db.zoned(r, "done_at")))
        .put("lastAttempt", last == null ? null : new JsonObject(String.valueOf(last)));
  }
}
