package org.hotline.ticketing.intake;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.order.OrderView;

/**
 * Possible duplicates of an order being taken in (重复工单): open orders of the same category reported
 * nearby in the last {@value #CATEGORY_DAYS} days, and any open order of the same caller. The agent
 * may merge the new order into one of them instead of dispatching it twice.
 */
public final class DuplicateFinder {

  /** A report of the same kind nearby older than this is a new case, not a duplicate. */
  static final int CATEGORY_DAYS = 60;

  /** Candidates read before the nearness test; the newest first. */
  private static final int CANDIDATES = 300;

  static final int MAX_RESULTS = 20;

  private static final String SQL =
      "SELECT id, number, state, version, category_code, location, latitude, longitude,"
          + " description, lead_unit, handling_unit, citizen_phone, created_at FROM work_order"
          + " WHERE state IN ('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'REPLIED', 'CALLBACK')"
          + " AND ((category_code = $1 AND created_at >= $3) OR citizen_phone = $2)"
          + " ORDER BY created_at DESC LIMIT "
          + CANDIDATES;

  /** What the new order says so far; any part may be null (but not category and number both). */
  public record Probe(
      String categoryCode, String location, Double latitude, Double longitude, String number) {}

  private final Pool pool;

  public DuplicateFinder(Pool pool) {
    this.pool = pool;
  }

  /**
   * Open orders that may be the same case, newest first, each with {@code reasons}: {@code
   * sameCaller} and/or {@code nearby}. No citizen data is returned: the agent already has the
   * caller on the line, and a duplicate is recognised by place and description.
   */
  public Future<JsonArray> find(Probe p, OffsetDateTime now) {
    return pool.preparedQuery(SQL)
        .execute(
            Tuple.tuple()
                .addString(p.categoryCode())
                .addString(p.number())
                .addOffsetDateTime(now.minusDays(CATEGORY_DAYS)))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              for (Row r : rows) {
                JsonArray reasons = reasons(p, r);
                if (!reasons.isEmpty() && out.size() < MAX_RESULTS) {
                  out.add(toJson(r).put("reasons", reasons));
                }
              }
              return out;
            });
  }

  private static JsonArray reasons(Probe p, Row r) {
    JsonArray reasons = new JsonArray();
    if (p.number() != null && p.number().equals(r.getString("citizen_phone"))) {
      reasons.add("sameCaller");
    }
    if (p.categoryCode() != null
        && p.categoryCode().equals(r.getString("category_code"))
        && p.location() != null
        && NearbyPlaces.near(
            p.location(),
            p.latitude(),
            p.longitude(),
            r.getString("location"),
            r.getDouble("latitude"),
            r.getDouble("longitude"))) {
      reasons.add("nearby");
    }
    return reasons;
  }

  private static JsonObject toJson(Row r) {
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("number", r.getString("number"))
        .put("state", r.getString("state"))
        .put("version", r.getInteger("version"))
        .put("categoryCode", r.getString("category_code"))
        .put("location", r.getString("location"))
        .put("description", r.getString("description"))
        .put("leadUnit", r.getString("lead_unit"))
        .put("handlingUnit", r.getString("handling_unit"))
        .put("createdAt", OrderView.time(Db.zoned(r, "created_at")));
  }
}
