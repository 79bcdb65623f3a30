package org.hotline.ticketing.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes {@link UnitEvaluation}s in one SQL statement over the order history.
 *
 * <p>Who is evaluated for what: an order counts for a unit when it was dispatched to that unit (a
 * {@code dispatch} event naming it) within the period; the events that follow, up to the next
 * dispatch of the order, are that unit's span: a return or dispute approved there is the unit's 退单,
 * a review rejection, a dissatisfied rating or a reopening is its 重办, the latest rating is its
 * satisfaction, an accepted reply followed by a callback result is its 回访. Ratings are read from
 * the history ({@code payload.result} of whatever event recorded it: the agent's callback, the SMS
 * survey, an IVR survey), not from the order row, so every survey channel counts alike. An order
 * counts once per unit and period (its first dispatch there); a sub-dispatch (下派) keeps it with the
 * lead unit, which answers for its child units.
 *
 * <p>Timeliness uses the deadlines on the order row, which carry approved extensions and the time
 * the clock stood still, for orders still with the unit (lead unit): signed on time when {@code
 * signed_at <= sign_deadline}, completed on time when {@code replied_at <= due_deadline}. An order
 * is due for a judgement once it is signed (replied) or its deadline has passed by {@code asOf}
 * while its clock runs. After a re-handling the row holds the latest round's deadlines.
 *
 * <p>The period is found by one range scan of {@code order_event (action, at)}; the span look-ups
 * use {@code order_event (order_id, id)}.
 */
public final class EvaluationQuery {

  static final String SQL =
      """
      WITH received AS (
        SELECT DISTINCT ON (e.order_id, e.payload->>'unit')
               e.order_id, e.payload->>'unit' AS unit, e.id AS dispatch_id
          FROM order_event e
         WHERE e.action = 'dispatch' AND e.at >= $1 AND e.at < $2
         ORDER BY e.order_id, e.payload->>'unit', e.id
      ), spans AS MATERIALIZED (
        SELECT r.*,
               coalesce((SELECT min(n.id) FROM order_event n
                          WHERE n.order_id = r.order_id AND n.action = 'dispatch'
                            AND n.id > r.dispatch_id), 9223372036854775807) AS span_end
          FROM received r
      ), facts AS MATERIALIZED (
        SELECT s.unit,
               a.id IS NOT NULL AS excluded,
               coalesce(x.returned, FALSE) AS returned,
               coalesce(x.rehandled, FALSE) AS rehandled,
               coalesce(x.callback_due, FALSE) AS callback_due,
               coalesce(x.called_back, FALSE) AS called_back,
               x.rating,
               o.lead_unit IS NOT DISTINCT FROM s.unit AS with_unit,
               o.signed_at, o.sign_deadline, o.replied_at, o.due_deadline,
               o.paused_since IS NULL AS clock_runs
          FROM spans s
          JOIN work_order o ON o.id = s.order_id
          LEFT JOIN appeal a
            ON a.order_id = s.order_id AND a.unit_code = s.unit AND a.state = 'approved'
          -- One pass over the span's events (one index range scan) for all of its facts.
          CROSS JOIN LATERAL (
            SELECT bool_or(e.action = 'return-approve'
                           OR (e.action = 'dispute-decide' AND e.payload->>'accept' = 'true'))
                     AS returned,
                   bool_or(e.action IN ('review-reject', 'reopen')
                           OR e.payload->>'result' = 'dissatisfied') AS rehandled,
                   bool_or(e.action = 'review-accept') AS callback_due,
                   bool_or(e.payload->>'result' IN
                           ('satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'))
                     AS called_back,
                   (array_agg(e.payload->>'result' ORDER BY e.id DESC)
                      FILTER (WHERE e.payload->>'result' IN
                              ('satisfied', 'basically_satisfied', 'dissatisfied')))[1] AS rating
              FROM order_event e
             WHERE e.order_id = s.order_id AND e.id > s.dispatch_id AND e.id < s.span_end
          ) x
      ), judged AS (
        SELECT f.*,
               NOT f.excluded AND NOT f.returned AND f.with_unit
                 AND (f.signed_at IS NOT NULL OR (f.clock_runs AND f.sign_deadline < $3)) AS sign_due,
               NOT f.excluded AND NOT f.returned AND f.with_unit
                 AND (f.replied_at IS NOT NULL OR (f.clock_runs AND f.due_deadline < $3))
                 AS completion_due
          FROM facts f
      )
      SELECT j.unit, u.name AS unit_name,
             count(*) AS received,
             count(*) FILTER (WHERE j.excluded) AS excluded,
             count(*) FILTER (WHERE j.sign_due) AS sign_due,
             count(*) FILTER (WHERE j.sign_due AND j.signed_at <= j.sign_deadline) AS signed_on_time,
             count(*) FILTER (WHERE j.completion_due) AS completion_due,
             count(*) FILTER (WHERE j.completion_due AND j.replied_at <= j.due_deadline)
               AS completed_on_time,
             count(*) FILTER (WHERE NOT j.excluded AND j.returned) AS returned,
             count(*) FILTER (WHERE NOT j.excluded AND j.rehandled) AS rehandled,
             count(*) FILTER (WHERE NOT j.excluded AND j.rating IS NOT NULL) AS rated,
             count(*) FILTER (WHERE NOT j.excluded
                                AND j.rating IN ('satisfied', 'basically_satisfied')) AS satisfied,
             count(*) FILTER (WHERE NOT j.excluded AND j.callback_due) AS callback_due,
             count(*) FILTER (WHERE NOT j.excluded AND j.callback_due AND j.called_back)
               AS called_back
        FROM judged j LEFT JOIN unit u ON u.code = j.unit
       GROUP BY j.unit, u.name
       ORDER BY j.unit
      """;

  private final Pool pool;

  public EvaluationQuery(Pool pool) {
    this.pool = pool;
  }

  /** Every unit that received orders in [start, end), judged as of {@code asOf}. */
  public Future<List<UnitEvaluation>> evaluate(
      OffsetDateTime start, OffsetDateTime end, OffsetDateTime asOf) {
    return pool.preparedQuery(SQL)
        .execute(Tuple.of(start, end, asOf))
        .map(
            rows -> {
              List<UnitEvaluation> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new UnitEvaluation(
                        r.getString("unit"),
                        r.getString("unit_name"),
                        n(r, "received"),
                        n(r, "excluded"),
                        n(r, "sign_due"),
                        n(r, "signed_on_time"),
                        n(r, "completion_due"),
                        n(r, "completed_on_time"),
                        n(r, "returned"),
                        n(r, "rehandled"),
                        n(r, "rated"),
                        n(r, "satisfied"),
                        n(r, "callback_due"),
                        n(r, "called_back")));
              }
              return out;
            });
  }

  private static int n(Row r, String column) {
    return r.getLong(column).intValue();
  }
}
