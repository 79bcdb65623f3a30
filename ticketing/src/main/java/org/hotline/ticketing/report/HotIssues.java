package org.hotline.ticketing.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds hot issues (热点) as of a moment: per category and per area, the orders of the last window
 * against the same window on each of the previous days ({@link HotIssueSettings}). Each window is
 * one range scan of {@code work_order (created_at)}; both dimensions come from one grouping-sets
 * pass.
 */
public final class HotIssues {

  /** At most this many orders are listed under one hot issue (newest first). */
  public static final int ORDERS_PER_ISSUE = 50;

  static final String SQL =
      """
      WITH counts AS (
        SELECT d.n, GROUPING(o.category_code) AS by_area, o.category_code, o.area, count(*) AS cnt
          FROM generate_series(0, $3::int) AS d(n)
          JOIN work_order o
            ON o.created_at >= $1::timestamptz - make_interval(days => d.n, hours => $2::int)
           AND o.created_at < $1::timestamptz - make_interval(days => d.n)
         GROUP BY GROUPING SETS ((d.n, o.category_code), (d.n, o.area))
      ), keyed AS (
        SELECT CASE WHEN by_area = 1 THEN 'area' ELSE 'category' END AS dimension,
               CASE WHEN by_area = 1 THEN area ELSE category_code END AS key, n, cnt
          FROM counts
      ), totals AS (
        SELECT dimension, key,
               coalesce(sum(cnt) FILTER (WHERE n = 0), 0) AS current,
               coalesce(sum(cnt) FILTER (WHERE n > 0), 0)::numeric / $3::int AS baseline
          FROM keyed WHERE key IS NOT NULL
         GROUP BY dimension, key
      )
      SELECT t.dimension, t.key, c.name AS category_name, t.current, t.baseline
        FROM totals t
        LEFT JOIN category c ON t.dimension = 'category' AND c.code = t.key
       WHERE t.current >= $4::int AND t.current > t.baseline * (1 + $5::int / 100.0)
       ORDER BY t.current - t.baseline DESC, t.dimension, t.key
      """;

  static final String ORDERS_SQL =
      """
      SELECT o.id, o.number, o.state, o.created_at, o.category_code, o.area, o.location,
             coalesce(o.handling_unit, o.lead_unit) AS unit, o.urgency
        FROM work_order o
       WHERE o.created_at >= $1::timestamptz - make_interval(hours => $2::int)
         AND o.created_at < $1::timestamptz
         AND (o.category_code = ANY ($3::text[]) OR o.area = ANY ($4::text[]))
       ORDER BY o.created_at DESC, o.id DESC
      """;

  /** The hot issues (a table for export) and, per issue, its orders. */
  public record Result(
      HotIssueSettings settings, OffsetDateTime asOf, ReportTable table, JsonArray items) {}

  private final Pool pool;

  public HotIssues(Pool pool) {
    this.pool = pool;
  }

  public Future<Result> find(OffsetDateTime asOf, HotIssueSettings s) {
    return pool.preparedQuery(SQL)
        .execute(Tuple.of(asOf, s.windowHours(), s.baselineDays(), s.minCount(), s.marginPercent()))
        .compose(
            rows -> {
              List<Map<String, Object>> issues = new ArrayList<>();
              List<String> categories = new ArrayList<>();
              List<String> areas = new ArrayList<>();
              for (Row r : rows) {
                Map<String, Object> issue = new LinkedHashMap<>();
                String dimension = r.getString("dimension");
                long current = r.getLong("current");
                BigDecimal baseline = r.getBigDecimal("baseline");
                issue.put("dimension", dimension);
                issue.put("key", r.getString("key"));
                issue.put(
                    "name",
                    dimension.equals("category")
                        ? r.getString("category_name")
                        : r.getString("key"));
                issue.put("count", current);
                issue.put("baseline", baseline.setScale(1, RoundingMode.HALF_UP).doubleValue());
                issue.put(
                    "increasePct",
                    baseline.signum() == 0
                        ? null
                        : BigDecimal.valueOf(current)
                            .subtract(baseline)
                            .multiply(BigDecimal.valueOf(100))
                            .divide(baseline, 1, RoundingMode.HALF_UP)
                            .doubleValue());
                issues.add(issue);
                (dimension.equals("category") ? categories : areas).add(r.getString("key"));
              }
              if (issues.isEmpty()) {
                return Future.succeededFuture(result(s, asOf, issues, Map.of()));
              }
              return pool.preparedQuery(ORDERS_SQL)
                  .execute(
                      Tuple.tuple()
                          .addOffsetDateTime(asOf)
                          .addInteger(s.windowHours())
                          .addArrayOfString(categories.toArray(String[]::new))
                          .addArrayOfString(areas.toArray(String[]::new)))
                  .map(orders -> result(s, asOf, issues, byIssue(orders)));
            });
  }

  private static Map<String, JsonArray> byIssue(Iterable<Row> orders) {
    Map<String, JsonArray> out = new HashMap<>();
    for (Row r : orders) {
      JsonObject o =
          new JsonObject()
              .put("id", r.getLong("id"))
              .put("number", r.getString("number"))
              .put("state", r.getString("state"))
              .put("createdAt", r.getOffsetDateTime("created_at").toString())
              .put("categoryCode", r.getString("category_code"))
              .put("area", r.getString("area"))
              .put("location", r.getString("location"))
              .put("unit", r.getString("unit"))
              .put("urgency", r.getString("urgency"));
      add(out, "category:" + r.getString("category_code"), o);
      add(out, "area:" + r.getString("area"), o);
    }
    return out;
  }

  private static void add(Map<String, JsonArray> out, String key, JsonObject order) {
    JsonArray list = out.computeIfAbsent(key, k -> new JsonArray());
    if (list.size() < ORDERS_PER_ISSUE) {
      list.add(order);
    }
  }

  private static Result result(
      HotIssueSettings s,
      OffsetDateTime asOf,
      List<Map<String, Object>> issues,
      Map<String, JsonArray> orders) {
    ReportTable.Builder t =
        ReportTable.builder("hot-issues", "热点诉求 Hot issues")
            .col("dimension", "维度 Dimension")
            .col("key", "编码 Key")
            .col("name", "名称 Name")
            .col("count", "近期数量 Count in window")
            .col("baseline", "往日均值 Usual level")
            .col("increasePct", "增幅% Increase");
    JsonArray items = new JsonArray();
    for (Map<String, Object> issue : issues) {
      t.row(issue);
      JsonObject item = new JsonObject(new LinkedHashMap<>(issue));
      item.put(
          "orders",
          orders.getOrDefault(issue.get("dimension") + ":" + issue.get("key"), new JsonArray()));
      items.add(item);
    }
    return new Result(s, asOf, t.build(), items);
  }
}
