package org.hotline.ticketing.report;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.ticketing.bench.ScratchDatabase;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.DatabaseBootstrap;
import org.hotline.ticketing.db.Db;

/**
 * {@code scripts/bench evaluation [ORDERS]}: a scratch database with ORDERS orders dispatched over
 * November 2026 to 20 units, each with its history (dispatch, sign, reply, review accepted, rated;
 * every 7th sent back once, every 50th returned by another unit first), and times the month's unit
 * evaluation (median of 3 runs). The database is dropped at the end.
 */
public final class EvaluationBench {

  private static final String DB = "hotline_bench_evaluation";

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PGDATABASE", DB);
    env.put("HOTLINE_DB", "external");
    HotlineConfig config = HotlineConfig.load(env);
    ScratchDatabase.drop(config, DB);
    Vertx vertx = null;
    String result = null;
    try {
      DatabaseBootstrap.Result located = DatabaseBootstrap.locate(config);
      DatabaseBootstrap.migrate(located.config());
      long t0 = System.nanoTime();
      try (Connection c = ScratchDatabase.connect(config, DB);
          Statement s = c.createStatement()) {
        fill(s, orders);
      }
      System.out.printf(
          "filled %d orders (%d history events) in %.1f s%n",
          orders, orders * 5L + orders / 7 * 2 + orders / 50 * 2, (System.nanoTime() - t0) / 1e9);
      vertx = Vertx.vertx();
      Pool pool = Db.pool(vertx, located.config());
      EvaluationQuery query = new EvaluationQuery(pool);
      OffsetDateTime start = OffsetDateTime.parse("2026-11-01T00:00+08:00");
      OffsetDateTime end = OffsetDateTime.parse("2026-12-01T00:00+08:00");
      OffsetDateTime asOf = OffsetDateTime.parse("2026-12-03T12:00+08:00");
      double[] runs = new double[3];
      List<UnitEvaluation> units = List.of();
      for (int i = 0; i < runs.length; i++) {
        long t = System.nanoTime();
        units =
            query
                .evaluate(start, end, asOf)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.MINUTES);
        runs[i] = (System.nanoTime() - t) / 1e9;
        System.out.printf("run %d: %d units in %.3f s%n", i + 1, units.size(), runs[i]);
      }
      int received = units.stream().mapToInt(UnitEvaluation::received).sum();
      System.out.printf("units=%d received=%d first=%s%n", units.size(), received, units.get(0));
      Arrays.sort(runs);
      result = String.format("RESULT evaluation orders=%d seconds=%.3f", orders, runs[1]);
      pool.close();
    } finally {
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      if (!"1".equals(System.getenv("HOTLINE_BENCH_KEEP"))) {
        ScratchDatabase.drop(config, DB);
      }
    }
    System.out.println(result);
  }

  private static void fill(Statement s, int orders) throws Exception {
    s.execute(
        "INSERT INTO unit (code, name, type) SELECT 'b' || g, '单位' || g, 'bureau'"
            + " FROM generate_series(1, 20) g");
    s.execute(
        "INSERT INTO work_order (number, state, channel, request_type, description, urgency,"
            + " lead_unit, sign_deadline, signed_at, due_deadline, replied_at, created_by, created_at)"
            + " SELECT 'B' || g, 'CLOSED', 'phone', 'complaint', 'bench', 'normal',"
            + " 'b' || (g % 20 + 1), t + interval '8 hours', t + (g % 10) * interval '1 hour',"
            + " t + interval '10 days', t + (g % 14) * interval '1 day', 'agent1', t"
            + " FROM (SELECT g, '2026-11-01 00:00+08'::timestamptz"
            + " + (g % 43000) * interval '1 minute' AS t FROM generate_series(1, "
            + orders
            + ") g) s");
    // The history in time order, so that event ids follow the order of events as in production.
    s.execute(
        "INSERT INTO order_event (order_id, action, actor, at, to_state, payload)"
            + " SELECT o.id, a.action, 'bench', o.created_at + a.off, 'X',"
            + " CASE WHEN a.n = 1 AND o.id % 50 = 0"
            + " THEN jsonb_build_object('unit', 'b' || ((o.id + 7) % 20 + 1))"
            + " WHEN a.action = 'dispatch' THEN jsonb_build_object('unit', o.lead_unit)"
            + " ELSE a.payload END"
            + " FROM work_order o, (VALUES"
            + " (1, 'dispatch', interval '1 minute', '{}'::jsonb),"
            + " (2, 'return-approve', interval '30 minutes', '{}'),"
            + " (3, 'dispatch', interval '40 minutes', '{}'),"
            + " (4, 'sign', interval '2 hours', '{}'),"
            + " (5, 'reply', interval '3 days', '{}'),"
            + " (6, 'review-reject', interval '3 days 1 hour', '{}'),"
            + " (7, 'reply', interval '3 days 2 hours', '{}'),"
            + " (8, 'review-accept', interval '4 days', '{}'),"
            + " (9, 'callback', interval '5 days', '{\"result\":\"satisfied\"}'))"
            + " a(n, action, off, payload)"
            + " WHERE (a.n NOT IN (2, 3) OR o.id % 50 = 0) AND (a.n NOT IN (6, 7) OR o.id % 7 = 0)"
            + " ORDER BY o.created_at, o.id, a.n");
    s.execute("ANALYZE");
  }
}
