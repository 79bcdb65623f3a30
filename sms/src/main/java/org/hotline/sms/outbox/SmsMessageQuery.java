package org.hotline.sms.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;

/**
 * Read side for centre staff ({@code GET /api/sms?number=&direction=&state=} in the core): messages
 * newest first as JSON objects {@code {id, direction, number, text, segments, state, kind, smscId,
 * smscIds, createdAt, submittedAt, deliveredAt, ticketId, lastError}}.
 */
public final class SmsMessageQuery {

  private static final String LIST =
      "SELECT * FROM sms_message WHERE ($1::text IS NULL OR number = $1)"
          + " AND ($2::text IS NULL OR direction = $2) AND ($3::text IS NULL OR state = $3)"
          + " ORDER BY created_at DESC, id DESC LIMIT $4";

  private final Pool pool;

  public SmsMessageQuery(Pool pool) {
    this.pool = pool;
  }

  /** Null filters match everything; limit is clamped to 1..500. */
  public Future<JsonArray> list(String number, String direction, String state, int limit) {
    int clamped = Math.max(1, Math.min(500, limit));
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(number, direction, state, clamped))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              rows.forEach(r -> out.add(toJson(r)));
              return out;
            });
  }

  static JsonObject toJson(Row r) {
    String[] ids = r.getArrayOfStrings("smsc_ids");
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("direction", r.getString("direction"))
        .put("number", r.getString("number"))
        .put("text", r.getString("text"))
        .put("segments", r.getInteger("segments"))
        .put("state", r.getString("state"))
        .put("kind", r.getString("kind"))
        .put("smscId", ids == null || ids.length == 0 ? null : ids[0])
        .put("smscIds", ids == null ? new JsonArray() : new JsonArray(java.util.List.of(ids)))
        .put("createdAt", iso(r.getOffsetDateTime("created_at")))
        .put("submittedAt", iso(r.getOffsetDateTime("submitted_at")))
        .put("deliveredAt", iso(r.getOffsetDateTime("delivered_at")))
        .put("ticketId", r.getLong("ticket_id"))
        .put("lastError", r.getString("last_error"));
  }

  private static String iso(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
