package org.hotline.ticketing.callback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZonedDateTime;
import java.util.List;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.workflow.Action;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.OrderState;
import org.hotline.ticketing.workflow.Transition;

/**
 * The SQL of callback tasks ({@code callback_task}, {@code callback_attempt}). Stateless: each
 * method runs on the client it is given (a pool, or the connection of a transaction).
 */
public final class CallbackTasks {

  /** Ratings the evaluation counts (满意, 基本满意, 不满意). */
  public static final List<String> RATINGS =
      List.of("satisfied", "basically_satisfied", "dissatisfied");

  private static final String DUE_MINUTES =
      "coalesce((SELECT (value ->> 'dueMinutes')::int FROM setting WHERE key = '"
          + CallbackSettings.SETTING_KEY
          + "'), 1440)";

  private static final String OPEN =
      "INSERT INTO callback_task (kind, number, order_id, note, due_at, next_at, created_at)"
          + " SELECT 'order', coalesce(o.citizen_phone, ''), o.id, '回访', $2::timestamptz + make_interval(mins => "
          + DUE_MINUTES
          + "), $2::timestamptz, $2::timestamptz FROM work_order o WHERE o.id = $1"
          + " ON CONFLICT (order_id) WHERE kind = 'order' AND state = 'open' DO NOTHING";

  /** CALLBACK orders without an open task (demo data, orders from before V6) get one. */
  private static final String ADOPT =
      "INSERT INTO callback_task (kind, number, order_id, note, due_at, next_at, created_at)"
          + " SELECT 'order', coalesce(o.citizen_phone, ''), o.id, '回访', o.updated_at"
          + " + make_interval(mins => "
          + DUE_MINUTES
          + "), o.updated_at, o.updated_at FROM work_order o WHERE o.state = 'CALLBACK'"
          + " AND NOT EXISTS (SELECT 1 FROM callback_task t WHERE t.order_id = o.id"
          + " AND t.kind = 'order' AND t.state = 'open')"
          + " ON CONFLICT (order_id) WHERE kind = 'order' AND state = 'open' DO NOTHING";

  private static final String FINISH =
      "UPDATE callback_task SET state = 'done', result = $2, rated_via = $3, done_by = $4,"
          + " done_at = $5 WHERE order_id = $1 AND kind = 'order' AND state = 'open'";

  /** Open, unclaimed order tasks whose next step is due, with what has happened so far. */
  private static final String DUE =
      "SELECT t.id, t.order_id, t.created_at, t.sms_sent_at, o.citizen_phone, o.number AS order_number,"
          + " o.version, o.state AS order_state,"
          + " (SELECT count(*) FROM callback_attempt a WHERE a.task_id = t.id AND a.channel = 'call')"
          + "   AS calls,"
          + " (SELECT max(a.at) FROM callback_attempt a WHERE a.task_id = t.id AND a.channel = 'call')"
          + "   AS last_call"
          + " FROM callback_task t JOIN work_order o ON o.id = t.order_id"
          + " WHERE t.kind = 'order' AND t.state = 'open' AND t.claimed_by IS NULL AND t.next_at <= $1"
          + " ORDER BY t.next_at LIMIT $2";

  /** Locks a task that the loop may still work (open, unclaimed). */
  private static final String LOCK_WORKABLE =
      "SELECT id FROM callback_task WHERE id = $1 AND state = 'open' AND claimed_by IS NULL"
          + " FOR UPDATE";

  private static final String ATTEMPT =
      "INSERT INTO callback_attempt (task_id, channel, seq, state, at, sms_id)"
          + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING seq";

  /**
   * The task of an order that has just changed, inside the change's transaction: entering CALLBACK
   * opens the task; leaving it closes the task with the outcome.
   */
  public Future<Void> changed(SqlConnection tx, Actor actor, Transition t, ZonedDateTime now) {
    OrderState from = t.before().state;
    OrderState to = t.after().state;
    if (to == OrderState.CALLBACK && from != OrderState.CALLBACK) {
      return tx.preparedQuery(OPEN).execute(Tuple.of(t.after().id, Db.offset(now))).mapEmpty();
    }
    if (from == OrderState.CALLBACK && to != OrderState.CALLBACK) {
      String result = outcome(t);
      String via = RATINGS.contains(result) ? via(actor) : null;
      return tx.preparedQuery(FINISH)
          .execute(
              Tuple.tuple()
                  .addLong(t.after().id)
                  .addString(result)
                  .addString(via)
                  .addString(actor.username())
                  .addOffsetDateTime(Db.offset(now)))
          .mapEmpty();
    }
    return Future.succeededFuture();
  }

  private static String outcome(Transition t) {
    if (t.action() == Action.CALLBACK) {
      Object r = t.payload().get("result");
      return RATINGS.contains(r) ? (String) r : "closed";
    }
    return t.action() == Action.WITHDRAW ? "withdrawn" : "closed";
  }

  /** How a rating was given: the SMS reply, the survey call, or an agent who recorded it. */
  private static String via(Actor actor) {
    return switch (actor.username()) {
      case "sms" -> "sms";
      case CallbackRatings.ACTOR_NAME -> "call";
      default -> "agent";
    };
  }

  /** The loop's settings as stored now (defaults when the row is missing). */
  public Future<CallbackSettings> settings(SqlClient db) {
    return db.preparedQuery("SELECT value FROM setting WHERE key = $1")
        .execute(Tuple.of(CallbackSettings.SETTING_KEY))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return CallbackSettings.defaults();
              }
              Object v = rows.iterator().next().getValue("value");
              return CallbackSettings.fromJson(
                  v instanceof JsonObject j ? j : new JsonObject(String.valueOf(v)));
            });
  }

  public Future<Integer> adopt(SqlClient db) {
    return db.query(ADOPT).execute().map(RowSet::rowCount);
  }

  public Future<RowSet<Row>> due(SqlClient db, ZonedDateTime now, int limit) {
    return db.preparedQuery(DUE).execute(Tuple.of(Db.offset(now), limit));
  }

  /** Locks the task for the loop; false when it was claimed or finished meanwhile. */
  public Future<Boolean> lockWorkable(SqlConnection tx, long taskId) {
    return tx.preparedQuery(LOCK_WORKABLE).execute(Tuple.of(taskId)).map(rows -> rows.size() == 1);
  }

  /** Writes an attempt row; false when that attempt exists already (it happened, or maybe did). */
  public Future<Boolean> attempt(
      SqlClient db,
      long taskId,
      String channel,
      int seq,
      String state,
      ZonedDateTime at,
      Long sms) {
    return db.preparedQuery(ATTEMPT)
        .execute(
            Tuple.tuple()
                .addLong(taskId)
                .addString(channel)
                .addInteger(seq)
                .addString(state)
                .addOffsetDateTime(Db.offset(at))
                .addLong(sms))
        .map(rows -> rows.size() == 1);
  }

  public Future<Void> progress(
      SqlClient db, long taskId, int calls, ZonedDateTime smsSentAt, ZonedDateTime nextAt) {
    return db.preparedQuery(
            "UPDATE callback_task SET attempts = greatest(attempts, $2),"
                + " sms_sent_at = coalesce(sms_sent_at, $3), next_at = $4 WHERE id = $1")
        .execute(
            Tuple.tuple()
                .addLong(taskId)
                .addInteger(calls)
                .addOffsetDateTime(Db.offset(smsSentAt))
                .addOffsetDateTime(Db.offset(nextAt)))
        .mapEmpty();
  }

  /** The AMI queued the survey call: remember its ActionID (the outcome may have come first). */
  public Future<Void> callQueued(SqlClient db, long taskId, int seq, String actionId) {
    return db.preparedQuery(
            "UPDATE callback_attempt SET action_id = $3,"
                + " state = CASE WHEN state = 'placing' THEN 'queued' ELSE state END"
                + " WHERE task_id = $1 AND channel = 'call' AND seq = $2")
        .execute(Tuple.of(taskId, seq, actionId))
        .mapEmpty();
  }

  /** The originate could not be handed to the PBX: the attempt is spent, nothing rang. */
  public Future<Void> callFailed(SqlClient db, long taskId, int seq, ZonedDateTime at) {
    return db.preparedQuery(
            "UPDATE callback_attempt SET state = 'failed', ended_at = $3"
                + " WHERE task_id = $1 AND channel = 'call' AND seq = $2")
        .execute(Tuple.of(taskId, seq, Db.offset(at)))
        .mapEmpty();
  }

  /** The PBX's verdict on the task's latest survey call (answered, or not with a reason). */
  public Future<Void> callOutcome(
      SqlClient db, long taskId, String callId, int reason, ZonedDateTime at) {
    return db.preparedQuery(
            "UPDATE callback_attempt SET state = CASE WHEN $3 = 4 THEN 'answered' ELSE 'failed' END,"
                + " reason = $3, call_id = $2, ended_at = CASE WHEN $3 = 4 THEN NULL ELSE $4 END"
                + " WHERE task_id = $1 AND channel = 'call' AND state IN ('placing', 'queued')"
                + " AND seq = (SELECT max(seq) FROM callback_attempt WHERE task_id = $1"
                + " AND channel = 'call')")
        .execute(
            Tuple.tuple()
                .addLong(taskId)
                .addString(callId)
                .addInteger(reason)
                .addOffsetDateTime(Db.offset(at)))
        .mapEmpty();
  }

  /** Marks the open task of an order as ended by "unreachable" (same transaction as the close). */
  public Future<Void> markUnreachable(SqlConnection tx, long orderId) {
    return tx.preparedQuery(
            "UPDATE callback_task SET result = 'unreachable', rated_via = NULL"
                + " WHERE order_id = $1 AND kind = 'order'"
                + " AND id = (SELECT max(id) FROM callback_task WHERE order_id = $1 AND kind = 'order')")
        .execute(Tuple.of(orderId))
        .mapEmpty();
  }
}
