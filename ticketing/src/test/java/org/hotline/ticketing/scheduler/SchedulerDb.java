package org.hotline.ticketing.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.ticketing.bench.ScratchDatabase;
import org.hotline.ticketing.calendar.CalendarRepository;
import org.hotline.ticketing.calendar.DeadlinePolicy;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.DatabaseBootstrap;

/**
 * The scheduler tests' own database {@code hotline_test_sched} (PG* variables), recreated and
 * migrated once per JVM; each test starts from empty order tables with two units and contacts.
 */
final class SchedulerDb {

  static final String DATABASE = System.getProperty("hotline.test.sched.db", "hotline_test_sched");
  private static SchedulerDb instance;

  final HotlineConfig config;
  final Vertx vertx;
  final Pool pool;
  final WorkingCalendar calendar;
  private int seq;

  private SchedulerDb(HotlineConfig config, Vertx vertx, Pool pool, WorkingCalendar calendar) {
    this.config = config;
    this.vertx = vertx;
    this.pool = pool;
    this.calendar = calendar;
  }

  static synchronized SchedulerDb get() throws Exception {
    if (instance == null) {
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("PGDATABASE", DATABASE);
      env.put("HOTLINE_DB", "external");
      HotlineConfig config = HotlineConfig.load(env);
      try (Connection c = ScratchDatabase.connect(config, "postgres");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      }
      DatabaseBootstrap.Result db = DatabaseBootstrap.locate(config);
      DatabaseBootstrap.migrate(db.config());
      Vertx vertx = Vertx.vertx();
      Pool pool =
          PgBuilder.pool()
              .with(new PoolOptions().setMaxSize(4))
              .connectingTo(SchedulerVerticle.connectOptions(db.config()))
              .using(vertx)
              .build();
      WorkingCalendar calendar = await(new CalendarRepository(pool).loadCalendar());
      instance = new SchedulerDb(db.config(), vertx, pool, calendar);
    }
    return instance;
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  Connection jdbc() throws Exception {
    return ScratchDatabase.connect(config, DATABASE);
  }

  /** Empties the order tables and sets up units u1 (two mobiles, one landline) and u2. */
  void reset() throws Exception {
    try (Connection c = jdbc();
        Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE deadline_notice, order_event, outbox, sms_message, work_order, unit_contact,"
              + " unit CASCADE");
      s.execute("UPDATE scheduler_state SET swept_until = '-infinity'");
      s.execute(
          "INSERT INTO unit (code, name, type) VALUES ('u1', '一号街道', 'street'),"
              + " ('u2', '二号街道', 'street')");
      s.execute(
          "INSERT INTO unit_contact (unit_code, name, mobile) VALUES"
              + " ('u1', '张三', '13800000001'), ('u1', '李四', '13800000002'),"
              + " ('u1', '值班室', '02188886666'), ('u2', '王五', '13900000003')");
    }
  }

  /** Inserts an order at unit u1 dispatched at {@code dispatchedAt} with default deadlines. */
  long insertOrder(String state, String requestType, boolean urgent, ZonedDateTime dispatchedAt)
      throws Exception {
    DeadlinePolicy.Deadlines d =
        DeadlinePolicy.defaults()
            .compute(
                calendar,
                dispatchedAt,
                DeadlinePolicy.RequestType.valueOf(requestType.toUpperCase()),
                urgent);
    try (Connection c = jdbc();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO work_order (number, state, channel, request_type, description, urgency,"
                    + " lead_unit, dispatched_at, sign_deadline, due_deadline, created_by)"
                    + " VALUES (?, ?, 'phone', ?, '路灯不亮', ?, 'u1', ?, ?, ?, 'agent1') RETURNING id")) {
      p.setString(1, "20260930-" + String.format("%06d", ++seq));
      p.setString(2, state);
      p.setString(3, requestType);
      p.setString(4, urgent ? "urgent" : "normal");
      p.setObject(5, dispatchedAt.toOffsetDateTime());
      p.setObject(6, d.sign().toOffsetDateTime());
      p.setObject(7, d.due().toOffsetDateTime());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  long count(String sql, Object... args) throws Exception {
    try (Connection c = jdbc();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  void execute(String sql, Object... args) throws Exception {
    try (Connection c = jdbc();
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.execute();
    }
  }
}
