package org.hotline.ticketing.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per agent over a period: answered calls and their talk time (call records), orders created and
 * answered directly (the order history's {@code create} and {@code answer} events by that user),
 * and the post-call survey (survey_result of kind {@code call}, joined to the rated call's agent).
 * Pauses (示忙) come from the intervals the telephony bridge records from Asterisk's QueueMemberPause
 * events: how many began in the period and how long they overlapped it.
 */
public final class AgentStats {

  /** Said wherever the pause column is shown. */
  public static final String PAUSES_NOTE =
      "示忙次数与时长取自 Asterisk 的队列成员暂停事件（坐席台与话机上的示忙都计入）。"
          + " Pauses are counted from Asterisk's QueueMemberPause events (console and phone alike).";

  static final String SQL =
      """
      WITH calls AS (
        SELECT c.agent, count(*) AS calls, coalesce(sum(c.talk_seconds), 0) AS talk
          FROM call_record c
         WHERE c.agent IS NOT NULL AND c.outcome = 'answered'
           AND c.entered_at >= $1 AND c.entered_at < $2
         GROUP BY c.agent
      ), intake AS (
        SELECT e.actor AS agent,
               count(*) FILTER (WHERE e.action = 'create') AS created,
               count(*) FILTER (WHERE e.action = 'answer') AS answered
          FROM order_event e
         WHERE e.action IN ('create', 'answer') AND e.at >= $1 AND e.at < $2
           AND EXISTS (SELECT 1 FROM app_user u WHERE u.username = e.actor AND 'agent' = ANY (u.roles))
         GROUP BY e.actor
      ), surveys AS (
        SELECT c.agent, count(*) AS rated,
               count(*) FILTER (WHERE s.score = 1) AS satisfied,
               count(*) FILTER (WHERE s.score = 2) AS basically,
               count(*) FILTER (WHERE s.score = 3) AS dissatisfied
          FROM call_record c JOIN survey_result s ON s.call_id = c.id AND s.kind = 'call'
         WHERE c.agent IS NOT NULL AND c.entered_at >= $1 AND c.entered_at < $2
         GROUP BY c.agent
      ), pauses AS (
        SELECT p.agent,
               count(*) FILTER (WHERE p.started_at >= $1) AS pauses,
               coalesce(sum(extract(epoch FROM
                 least(coalesce(p.ended_at, now()), $2) - greatest(p.started_at, $1))), 0)::bigint
                 AS paused_seconds
          FROM agent_pause p
         WHERE p.started_at < $2 AND (p.ended_at IS NULL OR p.ended_at > $1)
         GROUP BY p.agent
      ), agents AS (
        SELECT agent FROM calls UNION SELECT agent FROM intake UNION SELECT agent FROM surveys
        UNION SELECT agent FROM pauses
      )
      SELECT a.agent, u.display_name,
             coalesce(c.calls, 0) AS calls, coalesce(c.talk, 0) AS talk,
             coalesce(i.created, 0) AS created, coalesce(i.answered, 0) AS answered,
             coalesce(s.rated, 0) AS rated, coalesce(s.satisfied, 0) AS satisfied,
             coalesce(s.basically, 0) AS basically, coalesce(s.dissatisfied, 0) AS dissatisfied,
             coalesce(p.pauses, 0) AS pauses, coalesce(p.paused_seconds, 0) AS paused_seconds
        FROM agents a
        LEFT JOIN calls c ON c.agent = a.agent
        LEFT JOIN intake i ON i.agent = a.agent
        LEFT JOIN surveys s ON s.agent = a.agent
        LEFT JOIN pauses p ON p.agent = a.agent
        LEFT JOIN app_user u ON u.username = a.agent
       ORDER BY a.agent
      """;

  private final Pool pool;

  public AgentStats(Pool pool) {
    this.pool = pool;
  }

  public Future<ReportTable> compute(ReportPeriod period) {
    return pool.preparedQuery(SQL)
        .execute(Tuple.of(period.start(), period.end()))
        .map(
            rows -> {
              ReportTable.Builder t =
                  ReportTable.builder("agents", "座席统计 Agents")
                      .col("agent", "座席 Agent")
                      .col("name", "姓名 Name")
                      .col("calls", "接听量 Calls answered")
                      .col("handleSeconds", "通话时长(秒) Talk s")
                      .col("avgHandleSeconds", "平均通话(秒) Avg talk s")
                      .col("pauses", "示忙次数 Pauses")
                      .col("pausedSeconds", "示忙时长(秒) Paused s")
                      .col("ordersCreated", "建单量 Orders created")
                      .col("directAnswers", "直接答复 Direct answers")
                      .col("surveyRated", "评价数 Surveys")
                      .col("surveySatisfied", "满意 Satisfied")
                      .col("surveyBasicallySatisfied", "基本满意 Basically satisfied")
                      .col("surveyDissatisfied", "不满意 Dissatisfied")
                      .col("surveySatisfactionPct", "满意率% Satisfaction");
              for (Row r : rows) {
                long calls = r.getLong("calls");
                long talk = r.getLong("talk");
                long rated = r.getLong("rated");
                long good = r.getLong("satisfied") + r.getLong("basically");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("agent", r.getString("agent"));
                row.put("name", r.getString("display_name"));
                row.put("calls", calls);
                row.put("handleSeconds", talk);
                row.put("avgHandleSeconds", HotlineStats.mean(talk, calls));
                row.put("pauses", r.getLong("pauses"));
                row.put("pausedSeconds", r.getLong("paused_seconds"));
                row.put("ordersCreated", r.getLong("created"));
                row.put("directAnswers", r.getLong("answered"));
                row.put("surveyRated", rated);
                row.put("surveySatisfied", r.getLong("satisfied"));
                row.put("surveyBasicallySatisfied", r.getLong("basically"));
                row.put("surveyDissatisfied", r.getLong("dissatisfied"));
                row.put("surveySatisfactionPct", UnitEvaluation.pct(good, rated));
                t.row(row);
              }
              return t.build();
            });
  }
}
