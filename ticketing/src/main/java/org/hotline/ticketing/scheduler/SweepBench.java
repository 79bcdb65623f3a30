package org.hotline.ticketing.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.ticketing.bench.ScratchDatabase;
import org.hotline.ticketing.calendar.CalendarRepository;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.DatabaseBootstrap;

/**
 * {@code scripts/bench sweep}: a scratch database with ORDERS open orders at 20 units (two mobile
 * contacts each), of which WARN_SHARE have just crossed their warning moment and OVERDUE_SHARE
 * their deadline, none marked yet; times one catch-up sweep that marks them all, then a
 * steady-state sweep that finds nothing new. Args: ORDERS WARN_SHARE OVERDUE_SHARE BATCH. The
 * database is dropped at the end. The warning moments are inserted precomputed (natural-time 75 %),
 * as the sweeper leaves them after its prepare step; the prepare step itself is timed separately on
 * PREPARE orders.
 */
public final class SweepBench {

  private static final String DB = "hotline_bench_sweep";

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double warnShare = args.length > 1 ? Double.parseDouble(args[1]) : 0.003;
    double overdueShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.001;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
    int prepare = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;

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
      ZonedDateTime now = LocalDateTime.of(2026, 11, 30, 10, 0).atZone(WorkingCalendar.SHANGHAI);
      long t0 = System.nanoTime();
      try (Connection c = ScratchDatabase.connect(config, DB);
          Statement s = c.createStatement()) {
        fill(s, orders, warnShare, overdueShare, now);
      }
      double fillSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("filled %d open orders in %.1f s%n", orders, fillSeconds);

      vertx = Vertx.vertx();
      Pool pool =
          PgBuilder.pool()
              .with(new PoolOptions().setMaxSize(2))
              .connectingTo(SchedulerVerticle.connectOptions(located.config()))
              .using(vertx)
              .build();
      SchedulerSettings settings =
          new SchedulerSettings(
              true,
              SchedulerSettings.defaults().interval(),
              75,
              java.time.Duration.ofMinutes(120),
              SchedulerSettings.defaults().lockRetry(),
              batch,
              SchedulerSettings.DEFAULT_LOCK_KEY);
      WorkingCalendar calendar = await(new CalendarRepository(pool).loadCalendar());
      DeadlineSweeper sweeper =
          new DeadlineSweeper(
              pool,
              () -> Future.succeededFuture(calendar),
              new SmsOutbox(),
              new SmsTemplates(),
              settings);

      // Warm-up (a running server is warm): 5,000 orders that fell overdue 10 days ago are swept
      // and supervised as of 9 days ago, as if the scheduler had run then and been down since.
      // The measured sweep then covers [now - 9 days, now): every moment of the population.
      DeadlineSweeper warmUp =
          new DeadlineSweeper(
              pool,
              () -> Future.succeededFuture(calendar),
              new SmsOutbox(),
              new SmsTemplates(),
              new SchedulerSettings(
                  true,
                  settings.interval(),
                  75,
                  java.time.Duration.ZERO,
                  settings.lockRetry(),
                  batch,
                  settings.lockKey()));
      long w0 = System.nanoTime();
      SweepReport warm = await(warmUp.sweep(now.minusDays(9).minusMinutes(1)));
      warm = warm.plus(await(warmUp.sweep(now.minusDays(9))));
      System.out.printf(
          "warm-up sweeps (9 days ago): %.3f s — %s%n", (System.nanoTime() - w0) / 1e9, warm);
      try (Connection c = ScratchDatabase.connect(config, DB);
          Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE");
        s.execute("CHECKPOINT");
      }

      long s0 = System.nanoTime();
      SweepReport first = await(sweeper.sweep(now));
      double seconds = (System.nanoTime() - s0) / 1e9;
      long s1 = System.nanoTime();
      SweepReport second = await(sweeper.sweep(now.plusMinutes(1)));
      double steady = (System.nanoTime() - s1) / 1e9;

      // The prepare step: orders that just arrived at a unit get their working-time warning
      // moments.
      try (Connection c = ScratchDatabase.connect(config, DB);
          Statement s = c.createStatement()) {
        s.execute(
            "UPDATE work_order SET sign_warn_at = NULL, due_warn_at = NULL WHERE id IN (SELECT id"
                + " FROM work_order WHERE state IN ('DISPATCHED','ACCEPTED') AND paused_since IS NULL"
                + " AND due_warn_at > '"
                + now.plusDays(1).toOffsetDateTime()
                + "' ORDER BY id LIMIT "
                + prepare
                + ")");
      }
      long p0 = System.nanoTime();
      SweepReport prepared = await(sweeper.sweep(now.plusMinutes(2)));
      double prepareSeconds = (System.nanoTime() - p0) / 1e9;

      long marked = first.warnings() + first.overdue();
      System.out.printf(
          "catch-up sweep: %.3f s — %d warnings, %d overdue, %d urgent unsigned, %d SMS enqueued"
              + " (batch %d)%n",
          seconds, first.warnings(), first.overdue(), first.urgentUnsigned(), first.sms(), batch);
      System.out.printf(
          "next sweep one minute later (steady state): %.3f s — %s%n", steady, second);
      System.out.printf(
          "prepare step: %d orders' working-time warning moments in %.3f s (%s)%n",
          prepared.prepared(), prepareSeconds, prepared);
      try (Connection c = ScratchDatabase.connect(config, DB);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT (SELECT count(*) FROM deadline_notice),"
                      + " (SELECT count(*) FROM order_event WHERE actor = 'scheduler'),"
                      + " (SELECT count(*) FROM sms_message WHERE kind IN ('warning', 'overdue'))")) {
        rs.next();
        System.out.printf(
            "rows: deadline_notice=%d order_event(scheduler)=%d sms_message=%d%n",
            rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
      System.out.printf("marked %d orders' deadlines, %d SMS%n", marked, first.sms());
      result = String.format("RESULT sweep orders=%d seconds=%.3f", orders, seconds);
      pool.close();
    } finally {
      if (vertx != null) {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      if (!"1".equals(System.getenv("HOTLINE_BENCH_KEEP"))) {
        ScratchDatabase.drop(config, DB);
      }
    }
    System.out.flush();
    System.err.flush();
    System.out.println(result);
  }

  /**
   * Open orders: 20 % DISPATCHED (sign window of 24 h), 80 % ACCEPTED (completion in 2, 10 or 15
   * days), 2 % urgent, 2.5 % paused. r decides where each stands in its window at {@code now}.
   */
  private static void fill(
      Statement s, int orders, double warnShare, double overdueShare, ZonedDateTime now)
      throws Exception {
    String nowSql = "'" + now.toOffsetDateTime() + "'::timestamptz";
    s.execute(
        "INSERT INTO unit (code, name, type) SELECT 'bu' || g, '街道' || g, 'street'"
            + " FROM generate_series(0, 19) g");
    s.execute(
        "INSERT INTO unit_contact (unit_code, name, mobile) SELECT 'bu' || g, '联系人' || k,"
            + " '138' || lpad((g * 10 + k)::text, 8, '0') FROM generate_series(0, 19) g,"
            + " generate_series(1, 2) k");
    s.execute("SELECT setseed(0.42)");
    s.execute(
        "INSERT INTO work_order (number, state, channel, request_type, description, urgency,"
            + " lead_unit, dispatched_at, sign_deadline, due_deadline, sign_warn_at, due_warn_at,"
            + " paused_since, pending, created_by, created_at, updated_at)"
            + " SELECT 'B' || lpad(i::text, 10, '0'), st, 'phone', rt, '道路积水，请尽快处理', urg,"
            + " 'bu' || (i % 20), disp, disp + interval '24 hours', disp + win,"
            + " CASE WHEN st = 'DISPATCHED' THEN disp + interval '18 hours' ELSE 'infinity' END,"
            + " disp + win * 0.75,"
            + " CASE WHEN paused THEN "
            + nowSql
            + " - interval '1 hour' END,"
            + " CASE WHEN paused THEN '{\"type\":\"extension\",\"reason\":\"需协调\",\"unit\":\"bu0\"}'::jsonb END,"
            + " 'bench', disp, disp"
            + " FROM (SELECT i, st, rt, urg, win, paused,"
            + "   "
            + nowSql
            + " - (CASE WHEN st = 'DISPATCHED' THEN interval '24 hours' ELSE win END) * f AS disp"
            + "  FROM (SELECT i,"
            + "    CASE WHEN i % 5 = 0 THEN 'DISPATCHED' ELSE 'ACCEPTED' END AS st,"
            + "    (ARRAY['consult','help','complaint'])[1 + i % 3] AS rt,"
            + "    CASE WHEN i % 50 IN (7, 10) THEN 'urgent' ELSE 'normal' END AS urg,"
            + "    (ARRAY[interval '2 days', interval '10 days', interval '15 days'])[1 + i % 3] AS win,"
            + "    i % 40 = 3 AS paused,"
            + "    CASE WHEN r < "
            + overdueShare
            + " THEN 1.0 + 0.3 * random()"
            + "         WHEN r < "
            + (overdueShare + warnShare)
            + " THEN 0.75 + 0.2499 * random()"
            + "         ELSE 0.7499 * random() END AS f"
            + "   FROM (SELECT i, random() AS r FROM generate_series(1, "
            + orders
            + ") i) a) b) c");
    // A running centre has an SMS history: 300,000 delivered messages (so the planner has
    // statistics).
    s.execute(
        "INSERT INTO sms_message (direction, number, text, segments, state, kind, ticket_id,"
            + " dedupe_key, created_at, delivered_at) SELECT 'mt', '139' || lpad(g::text, 8, '0'),"
            + " '【12345热线】您的诉求已受理，工单号' || g, 1, 'delivered', 'receipt', g, 'hist:' || g,"
            + nowSql
            + " - interval '30 days', "
            + nowSql
            + " - interval '30 days' FROM generate_series(1, 300000) g");
    // Warm-up orders: overdue since 10 days before now (see main).
    s.execute(
        "INSERT INTO work_order (number, state, channel, request_type, description, urgency,"
            + " lead_unit, dispatched_at, sign_deadline, due_deadline, sign_warn_at, due_warn_at,"
            + " created_by, created_at, updated_at) SELECT 'W' || lpad(g::text, 10, '0'),"
            + " 'ACCEPTED', 'phone', 'help', '预热', 'normal', 'bu' || (g % 20), d, d + interval"
            + " '1 day', d + interval '10 days', 'infinity', d + interval '7.5 days', 'bench', d, d"
            + " FROM generate_series(1, 5000) g, (SELECT "
            + nowSql
            + " - interval '20 days' AS d) x");
    s.execute("VACUUM ANALYZE work_order");
    s.execute("ANALYZE");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}
