package org.hotline.ticketing.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** SQL for the harassment list (骚扰号码) that the IVR reads on every call. */
public final class BlockedNumberStore {

  private static final String COLUMNS = "number, reason, created_by, created_at";

  public Future<JsonArray> all(SqlClient c) {
    return c.query("SELECT " + COLUMNS + " FROM blocked_number ORDER BY created_at DESC, number")
        .execute()
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              rows.forEach(r -> out.add(json(r)));
              return out;
            });
  }

  public Future<JsonObject> one(SqlClient c, String number) {
    return c.preparedQuery("SELECT " + COLUMNS + " FROM blocked_number WHERE number = $1")
        .execute(Tuple.of(number))
        .map(rows -> rows.size() == 0 ? null : json(rows.iterator().next()));
  }

  /** Blocks a number; blocking it again only updates the reason. */
  public Future<Void> upsert(SqlClient c, String number, String reason, String by) {
    return c.preparedQuery(
            "INSERT INTO blocked_number (number, reason, created_by) VALUES ($1, $2, $3)"
                + " ON CONFLICT (number) DO UPDATE SET reason = EXCLUDED.reason")
        .execute(Tuple.of(number, reason, by))
        .mapEmpty();
  }

  public Future<Void> delete(SqlClient c, String number) {
    return c.preparedQuery("DELETE FROM blocked_number WHERE number = $1")
        .execute(Tuple.of(number))
        .mapEmpty();
  }

  private static JsonObject json(Row r) {
    return new JsonObject()
        .put("number", r.getString("number"))
        .put("reason", r.getString("reason"))
        .put("createdBy", r.getString("created_by"))
        .put("createdAt", r.getOffsetDateTime("created_at").toString());
  }
}
