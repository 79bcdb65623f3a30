package org.hotline.ticketing.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hotline's figures over a period: calls per day from the call records (inbound calls that
 * reached the queue are offered; answered within 15 s is the GB/T 33358 service level; average wait
 * is the speed of answer, handle time the talk time of answered calls, after-call work is not
 * recorded) and the intake per channel with the direct-answer rate (直接答复率: orders answered on the
 * spot over all orders taken in).
 */
public final class HotlineStats {

  /** GB/T 33358: calls answered within this many seconds count for the service level. */
  public static final int SERVICE_LEVEL_SECONDS = 15;

  static final String CALLS_SQL =
      """
      SELECT (c.entered_at AT TIME ZONE $3)::date AS day,
             count(*) FILTER (WHERE c.outcome IN ('answered', 'abandoned', 'voicemail')) AS offered,
             count(*) FILTER (WHERE c.outcome = 'answered') AS answered,
             count(*) FILTER (WHERE c.outcome = 'answered' AND c.wait_seconds <= $4) AS answered_in_sl,
             count(*) FILTER (WHERE c.outcome = 'abandoned') AS abandoned,
             count(*) FILTER (WHERE c.outcome = 'voicemail') AS voicemail,
             count(*) FILTER (WHERE c.outcome = 'ivr') AS ivr_only,
             coalesce(sum(c.wait_seconds) FILTER (WHERE c.outcome = 'answered'), 0) AS wait_sum,
             coalesce(sum(c.talk_seconds) FILTER (WHERE c.outcome = 'answered'), 0) AS talk_sum
        FROM call_record c
       WHERE c.entered_at >= $1 AND c.entered_at < $2 AND c.direction = 'inbound'
       GROUP BY 1 ORDER BY 1
      """;

  static final String INTAKE_SQL =
      """
      SELECT o.channel, count(*) AS orders,
             count(*) FILTER (WHERE o.state = 'ANSWERED') AS answered_directly
        FROM work_order o
       WHERE o.created_at >= $1 AND o.created_at < $2
       GROUP BY o.channel ORDER BY o.channel
      """;

  /** The report: a summary, a table of days (with a total row) and a table of channels. */
  public record Result(JsonObject summary, ReportTable days, ReportTable channels) {}

  private final Pool pool;

  public HotlineStats(Pool pool) {
    this.pool = pool;
  }

  public Future<Result> compute(ReportPeriod period) {
    Future<ReportTable> days =
        pool.preparedQuery(CALLS_SQL)
            .execute(
                Tuple.of(
                    period.start(), period.end(), period.zone().getId(), SERVICE_LEVEL_SECONDS))
            .map(
                rows -> {
                  ReportTable.Builder t = daysTable();
                  long[] total = new long[8];
                  for (Row r : rows) {
                    long[] v = callCounts(r);
                    for (int i = 0; i < v.length; i++) {
                      total[i] += v[i];
                    }
                    t.row(callRow(r.getLocalDate("day").toString(), v));
                  }
                  t.row(callRow("合计 total", total));
                  return t.build();
                });
    Future<ReportTable> channels =
        pool.preparedQuery(INTAKE_SQL)
            .execute(Tuple.of(period.start(), period.end()))
            .map(
                rows -> {
                  ReportTable.Builder t =
                      ReportTable.builder("channels", "受理渠道 Intake by channel")
                          .col("channel", "渠道 Channel")
                          .col("orders", "受理量 Orders")
                          .col("answeredDirectly", "直接答复 Answered directly")
                          .col("directAnswerPct", "直接答复率% Direct-answer rate");
                  for (Row r : rows) {
                    long orders = r.getLong("orders");
                    long direct = r.getLong("answered_directly");
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("channel", r.getString("channel"));
                    row.put("orders", orders);
                    row.put("answeredDirectly", direct);
                    row.put("directAnswerPct", UnitEvaluation.pct(direct, orders));
                    t.row(row);
                  }
                  return t.build();
                });
    return Future.all(days, channels)
        .map(
            v ->
                new Result(
                    summary(days.result(), channels.result()), days.result(), channels.result()));
  }

  private static JsonObject summary(ReportTable days, ReportTable channels) {
    Map<String, Object> total = days.rows().get(days.rows().size() - 1);
    JsonObject s = new JsonObject(new LinkedHashMap<>(total));
    s.remove("day");
    long orders = 0;
    long direct = 0;
    JsonObject perChannel = new JsonObject();
    for (Map<String, Object> r : channels.rows()) {
      orders += (Long) r.get("orders");
      direct += (Long) r.get("answeredDirectly");
      perChannel.put((String) r.get("channel"), r.get("orders"));
    }
    return s.put("orders", orders)
        .put("answeredDirectly", direct)
        .put("directAnswerPct", UnitEvaluation.pct(direct, orders))
        .put("ordersPerChannel", perChannel);
  }

  private static ReportTable.Builder daysTable() {
    return ReportTable.builder("days", "热线话务 Hotline calls")
        .col("day", "日期 Day")
        .col("offered", "呼入量 Offered")
        .col("answered", "接听量 Answered")
        .col("answeredPct", "接通率% Answer rate")
        .col("answeredIn15s", "15秒内接听 Answered ≤15 s")
        .col("serviceLevelPct", "15秒接通率% Service level")
        .col("abandoned", "放弃量 Abandoned")
        .col("abandonPct", "放弃率% Abandon rate")
        .col("voicemail", "留言 Voicemail")
        .col("ivrOnly", "IVR内挂机 Ended in IVR")
        .col("avgWaitSeconds", "平均等待(秒) Avg wait s")
        .col("avgHandleSeconds", "平均通话(秒) Avg handle s");
  }

  private static long[] callCounts(Row r) {
    return new long[] {
      r.getLong("offered"),
      r.getLong("answered"),
      r.getLong("answered_in_sl"),
      r.getLong("abandoned"),
      r.getLong("voicemail"),
      r.getLong("ivr_only"),
      r.getLong("wait_sum"),
      r.getLong("talk_sum")
    };
  }

  private static Map<String, Object> callRow(String day, long[] v) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("day", day);
    row.put("offered", v[0]);
    row.put("answered", v[1]);
    row.put("answeredPct", UnitEvaluation.pct(v[1], v[0]));
    row.put("answeredIn15s", v[2]);
    row.put("serviceLevelPct", UnitEvaluation.pct(v[2], v[0]));
    row.put("abandoned", v[3]);
    row.put("abandonPct", UnitEvaluation.pct(v[3], v[0]));
    row.put("voicemail", v[4]);
    row.put("ivrOnly", v[5]);
    row.put("avgWaitSeconds", mean(v[6], v[1]));
    row.put("avgHandleSeconds", mean(v[7], v[1]));
    return row;
  }

  static Double mean(long sum, long count) {
    if (count == 0) {
      return null;
    }
    return BigDecimal.valueOf(sum)
        .divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
