package org.hotline.ticketing.telephony;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.order.OrderView;

/** SQL for call records, surveys, callback tasks and blocked numbers. */
public final class CallRepository {

  private final Pool pool;

  public CallRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a call record; a record seen again (after an AMI resync) replaces the older one. */
  public Future<Void> saveCall(JsonObject r) {
    Tuple t =
        Tuple.tuple()
            .addString(r.getString("id"))
            .addString(r.getString("linkedId"))
            .addString(r.getString("direction", "inbound"))
            .addString(r.getString("caller"))
            .addString(r.getString("calledNumber"))
            .addString(r.getString("queue"))
            .addOffsetDateTime(time(r.getString("enteredAt")))
            .addOffsetDateTime(time(r.getString("answeredAt")))
            .addOffsetDateTime(time(r.getString("endedAt")))
            .addInteger(r.getInteger("waitSeconds"))
            .addInteger(r.getInteger("talkSeconds"))
            .addString(r.getString("agent"))
            .addString(r.getString("outcome"))
            .addString(r.getString("recording"))
            .addString(r.getString("transferTarget"))
            .addBoolean(r.getBoolean("partial", false))
            .addValue(r.getJsonArray("transfers", new JsonArray()));
    return pool.preparedQuery(
            "INSERT INTO call_record (id, linked_id, direction, caller, called_number, queue, entered_at,"
                + " answered_at, ended_at, wait_seconds, talk_seconds, agent, outcome, recording,"
                + " transfer_target, partial, transfers)"
                + " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)"
                + " ON CONFLICT (id) DO UPDATE SET linked_id = EXCLUDED.linked_id, caller = EXCLUDED.caller,"
                + " queue = EXCLUDED.queue, entered_at = EXCLUDED.entered_at, answered_at = EXCLUDED.answered_at,"
                + " ended_at = EXCLUDED.ended_at, wait_seconds = EXCLUDED.wait_seconds,"
                + " talk_seconds = EXCLUDED.talk_seconds, agent = EXCLUDED.agent, outcome = EXCLUDED.outcome,"
                + " recording = EXCLUDED.recording, transfer_target = EXCLUDED.transfer_target,"
                + " partial = EXCLUDED.partial, transfers = EXCLUDED.transfers")
        .execute(t)
        .mapEmpty();
  }

  /** One callback task per number and day for missed calls: a duplicate is "already done". */
  public Future<Boolean> missedCallTask(String number, String callId, LocalDate day, String note) {
    return pool.preparedQuery(
            "INSERT INTO callback_task (kind, number, day, call_id, note) VALUES ('missed', $1, $2, $3, $4)"
                + " ON CONFLICT (number, day) WHERE kind = 'missed' DO NOTHING")
        .execute(Tuple.of(number, day, callId, note))
        .map(rows -> rows.rowCount() == 1);
  }

  public Future<Void> saveSurvey(String callId, String number, int score, String kind, String ref) {
    return pool.preparedQuery(
            "INSERT INTO survey_result (call_id, number, score, kind, ref) VALUES ($1, $2, $3, $4, $5)"
                + " ON CONFLICT (call_id, kind) DO UPDATE SET score = EXCLUDED.score, at = now()")
        .execute(Tuple.of(callId, number, (short) score, kind, ref))
        .mapEmpty();
  }

  /**
   * Records a pause change (TelephonyAddresses.AGENT_PAUSE): a pause (or a new reason) closes the
   * running interval and opens one; an unpause closes it. Replays of the same change are no-ops.
   */
  public Future<Void> recordPause(String agent, boolean paused, String reason, OffsetDateTime at) {
    String close =
        paused
            ? "UPDATE agent_pause SET ended_at = greatest($2, started_at) WHERE agent = $1"
                + " AND ended_at IS NULL AND reason IS DISTINCT FROM $3"
            : "UPDATE agent_pause SET ended_at = greatest($2, started_at) WHERE agent = $1"
                + " AND ended_at IS NULL";
    return pool.withTransaction(
        tx -> {
          Future<?> closed =
              paused
                  ? tx.preparedQuery(close).execute(Tuple.of(agent, at, reason))
                  : tx.preparedQuery(close).execute(Tuple.of(agent, at));
          return closed
              .compose(
                  v ->
                      paused
                          ? tx.preparedQuery(
                                  "INSERT INTO agent_pause (agent, reason, started_at)"
                                      + " VALUES ($1, $2, $3) ON CONFLICT (agent)"
                                      + " WHERE ended_at IS NULL DO NOTHING")
                              .execute(Tuple.of(agent, reason, at))
                          : Future.succeededFuture())
              .mapEmpty();
        });
  }

  public Future<Boolean> isBlocked(String number) {
    return pool.preparedQuery("SELECT 1 FROM blocked_number WHERE number = $1")
        .execute(Tuple.of(number))
        .map(rows -> rows.size() > 0);
  }

  /** Open orders of a caller and whether the caller is known at all (orders or calls). */
  public Future<int[]> callerHistory(String number) {
    return pool.preparedQuery(
            "SELECT (SELECT count(*) FROM work_order WHERE citizen_phone = $1"
                + "   AND state NOT IN ('ANSWERED','MERGED','CLOSED')) AS open,"
                + " (SELECT count(*) FROM work_order WHERE citizen_phone = $1) AS orders,"
                + " (SELECT count(*) FROM call_record WHERE caller = $1 AND entered_at > now() - interval '1 day') AS recent")
        .execute(Tuple.of(number))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new int[] {
                r.getLong("open").intValue(),
                r.getLong("orders").intValue(),
                r.getLong("recent").intValue()
              };
            });
  }

  public Future<JsonObject> calls(String since, String number, String outcome, int page, int size) {
    return calls(since, number, outcome, null, page, size);
  }

  /** Call records, newest first; {@code ticketId} non-null: only the calls linked to that order. */
  public Future<JsonObject> calls(
      String since, String number, String outcome, Long ticketId, int page, int size) {
    List<Object> p = new ArrayList<>();
    StringBuilder w = new StringBuilder(" WHERE TRUE");
    if (ticketId != null) {
      p.add(ticketId);
      w.append(" AND c.id = ANY((SELECT call_ids FROM work_order WHERE id = $")
          .append(p.size())
          .append(")::text[])");
    }
    if (since != null) {
      p.add(OffsetDateTime.parse(since));
      w.append(" AND c.entered_at >= $").append(p.size());
    }
    if (number != null) {
      p.add(number);
      w.append(" AND c.caller = $").append(p.size());
    }
    if (outcome != null) {
      p.add(outcome);
      w.append(" AND c.outcome = $").append(p.size());
    }
    String sql =
        "SELECT c.*, count(*) OVER () AS total,"
            + " (SELECT coalesce(array_agg(o.id), '{}') FROM work_order o WHERE c.id = ANY(o.call_ids)) AS ticket_ids,"
            + " (SELECT s.score FROM survey_result s WHERE s.call_id = c.id AND s.kind = 'call') AS survey"
            + " FROM call_record c"
            + w
            + " ORDER BY c.entered_at DESC NULLS LAST LIMIT "
            + size
            + " OFFSET "
            + (long) page * size;
    return pool.preparedQuery(sql)
        .execute(Tuple.from(p))
        .map(
            rows -> {
              JsonArray items = new JsonArray();
              long total = 0;
              for (Row r : rows) {
                total = r.getLong("total");
                JsonArray tickets = new JsonArray();
                for (Long id : r.getArrayOfLongs("ticket_ids")) {
                  tickets.add(id);
                }
                Short survey = r.getShort("survey");
                items.add(
                    new JsonObject()
                        .put("id", r.getString("id"))
                        .put("caller", r.getString("caller"))
                        .put("calledNumber", r.getString("called_number"))
                        .put("queue", r.getString("queue"))
                        .put("enteredAt", OrderView.time(Db.zoned(r, "entered_at")))
                        .put("answeredAt", OrderView.time(Db.zoned(r, "answered_at")))
                        .put("endedAt", OrderView.time(Db.zoned(r, "ended_at")))
                        .put("waitSeconds", r.getInteger("wait_seconds"))
                        .put("talkSeconds", r.getInteger("talk_seconds"))
                        .put("agent", r.getString("agent"))
                        .put("outcome", r.getString("outcome"))
                        .put("recording", r.getString("recording"))
                        .put("transferTarget", r.getString("transfer_target"))
                        .put("transfers", r.getJsonArray("transfers"))
                        .put("ticketIds", tickets)
                        .put("survey", survey == null ? null : survey.intValue()));
              }
              return new JsonObject().put("items", items).put("total", total);
            });
  }

  /** The recording file name of a call, relative to the recordings folder, or null. */
  public Future<String> recordingOf(String callId) {
    return pool.preparedQuery("SELECT recording FROM call_record WHERE id = $1")
        .execute(Tuple.of(callId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("recording"));
  }

  public Future<Void> audit(String username, String action, JsonObject detail) {
    return pool.preparedQuery(
            "INSERT INTO audit_log (username, action, detail) VALUES ($1, $2, $3)")
        .execute(Tuple.of(username, action, detail))
        .mapEmpty();
  }

  public Pool pool() {
    return pool;
  }

  static OffsetDateTime time(String iso) {
    return iso == null || iso.isBlank() ? null : OffsetDateTime.parse(iso);
  }
}
