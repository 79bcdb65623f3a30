package org.hotline.ticketing.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the daily brief (每日简情) of one day: volumes (orders per channel, direct answers, calls),
 * top categories, hot issues as of the day's end (or now, for today), the units with overdue
 * orders, and the day's satisfaction ratings; charts drawn by {@link SvgCharts}. The result is the
 * model of {@code daily-brief.ftlh}.
 */
public final class DailyBrief {

  static final String TOP_CATEGORIES_SQL =
      """
      SELECT o.category_code, c.name, count(*) AS n
        FROM work_order o LEFT JOIN category c ON c.code = o.category_code
       WHERE o.created_at >= $1 AND o.created_at < $2 AND o.category_code IS NOT NULL
       GROUP BY o.category_code, c.name
       ORDER BY n DESC, o.category_code LIMIT 10
      """;

  /** Open orders at a unit past their sign or completion deadline, clock running, by lead unit. */
  static final String OVERDUE_UNITS_SQL =
      """
      SELECT o.lead_unit AS unit, u.name,
             count(*) AS late,
             count(*) FILTER (WHERE o.due_deadline < $1) AS overdue,
             count(*) FILTER (WHERE o.state = 'DISPATCHED' AND o.sign_deadline < $1) AS unsigned_late,
             count(*) FILTER (WHERE o.supervised) AS supervised
        FROM work_order o LEFT JOIN unit u ON u.code = o.lead_unit
       WHERE ((o.state IN ('DISPATCHED', 'ACCEPTED') AND o.due_deadline < $1)
              OR (o.state = 'DISPATCHED' AND o.sign_deadline < $1))
         AND o.paused_since IS NULL
       GROUP BY o.lead_unit, u.name
       ORDER BY late DESC, overdue DESC, o.lead_unit LIMIT 20
      """;

  /** Ratings recorded that day, whichever survey recorded them (see {@link EvaluationQuery}). */
  static final String RATINGS_SQL =
      """
      SELECT e.payload->>'result' AS result, count(*) AS n
        FROM order_event e
       WHERE e.payload ? 'result' AND e.at >= $1 AND e.at < $2
         AND e.payload->>'result' IN ('satisfied', 'basically_satisfied', 'dissatisfied')
       GROUP BY 1
      """;

  private final Pool pool;
  private final HotlineStats hotline;
  private final HotIssues hotIssues;
  private final ReportSettings settings;

  public DailyBrief(Pool pool, ReportSettings settings) {
    this.pool = pool;
    this.hotline = new HotlineStats(pool);
    this.hotIssues = new HotIssues(pool);
    this.settings = settings;
  }

  /** The template model for the day of {@code period} (a one-day period) as of {@code asOf}. */
  public Future<Map<String, Object>> model(ReportPeriod day, OffsetDateTime now) {
    OffsetDateTime asOf = now.isBefore(day.end()) ? now : day.end();
    Future<HotlineStats.Result> volumes = hotline.compute(day);
    Future<List<Map<String, Object>>> categories =
        rows(TOP_CATEGORIES_SQL, Tuple.of(day.start(), day.end()));
    Future<List<Map<String, Object>>> overdue = rows(OVERDUE_UNITS_SQL, Tuple.of(asOf));
    Future<List<Map<String, Object>>> ratings = rows(RATINGS_SQL, Tuple.of(day.start(), day.end()));
    Future<HotIssues.Result> hot = settings.hotIssues().compose(s -> hotIssues.find(asOf, s));
    return Future.all(volumes, categories, overdue, ratings, hot)
        .map(
            v -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("date", day.first().toString());
              m.put("asOf", asOf.atZoneSameInstant(day.zone()).toLocalDateTime().toString());
              m.put(
                  "generatedAt",
                  now.atZoneSameInstant(day.zone()).toLocalDateTime().withNano(0).toString());
              m.put("summary", volumes.result().summary().getMap());
              m.put("channels", volumes.result().channels().rows());
              m.put("calls", volumes.result().days().rows());
              m.put("categories", categories.result());
              m.put(
                  "categoriesChart",
                  SvgCharts.bars(
                      "受理量前十类别 Top categories",
                      categories.result().stream()
                          .map(
                              r ->
                                  new SvgCharts.Bar(
                                      String.valueOf(
                                          r.get("name") == null
                                              ? r.get("category_code")
                                              : r.get("name")),
                                      ((Number) r.get("n")).doubleValue()))
                          .toList()));
              m.put("hotIssues", hot.result().table().rows());
              m.put("hotSettings", hot.result().settings().toJson().getMap());
              m.put("overdueUnits", overdue.result());
              m.put(
                  "overdueChart",
                  SvgCharts.bars(
                      "超期/超时工单最多的单位 Units with late orders",
                      overdue.result().stream()
                          .limit(10)
                          .map(
                              r ->
                                  new SvgCharts.Bar(
                                      String.valueOf(
                                          r.get("name") == null ? r.get("unit") : r.get("name")),
                                      ((Number) r.get("late")).doubleValue()))
                          .toList()));
              m.putAll(satisfaction(ratings.result()));
              return m;
            });
  }

  private static Map<String, Object> satisfaction(List<Map<String, Object>> rows) {
    long satisfied = 0;
    long basically = 0;
    long dissatisfied = 0;
    for (Map<String, Object> r : rows) {
      long n = ((Number) r.get("n")).longValue();
      switch ((String) r.get("result")) {
        case "satisfied" -> satisfied = n;
        case "basically_satisfied" -> basically = n;
        default -> dissatisfied = n;
      }
    }
    long rated = satisfied + basically + dissatisfied;
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("rated", rated);
    s.put("satisfied", satisfied);
    s.put("basicallySatisfied", basically);
    s.put("dissatisfied", dissatisfied);
    s.put("satisfactionPct", UnitEvaluation.pct(satisfied + basically, rated));
    m.put("satisfaction", s);
    m.put(
        "satisfactionChart",
        SvgCharts.shares(
            "当日回访评价 Ratings of the day",
            List.of(
                new SvgCharts.Bar("满意", satisfied),
                new SvgCharts.Bar("基本满意", basically),
                new SvgCharts.Bar("不满意", dissatisfied))));
    return m;
  }

  private Future<List<Map<String, Object>>> rows(String sql, Tuple args) {
    return pool.preparedQuery(sql)
        .execute(args)
        .map(
            rows -> {
              List<Map<String, Object>> out = new ArrayList<>();
              for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < r.size(); i++) {
                  m.put(r.getColumnName(i), r.getValue(i));
                }
                out.add(m);
              }
              return out;
            });
  }
}
