package org.hotline.ticketing.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.ticketing.bench.ScratchDatabase;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.DatabaseBootstrap;
import org.hotline.ticketing.db.Db;

/**
 * The report tests' own database (the scheduler test database's name + {@code _report}), recreated
 * and migrated once per JVM. Each test empties it and writes orders, their history and calls with
 * exactly the times it wants, so that every figure can be checked by hand.
 */
final class ReportDb {

  static final String DATABASE =
      System.getProperty("hotline.test.sched.db", "hotline_test_sched") + "_report";
  private static ReportDb instance;

  final HotlineConfig config;
  final Vertx vertx;
  final Pool pool;
  private int seq;

  private ReportDb(HotlineConfig config, Vertx vertx, Pool pool) {
    this.config = config;
    this.vertx = vertx;
    this.pool = pool;
  }

  static synchronized ReportDb get() throws Exception {
    if (instance == null) {
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("PGDATABASE", DATABASE);
      env.put("HOTLINE_DB", "external");
      env.put("HOTLINE_PG_POOL", "3"); // the PostgreSQL server is shared: few connections
      HotlineConfig config = HotlineConfig.load(env);
      try (Connection c = ScratchDatabase.connect(config, "postgres");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      }
      DatabaseBootstrap.Result db = DatabaseBootstrap.locate(config);
      DatabaseBootstrap.migrate(db.config());
      Vertx vertx = Vertx.vertx();
      Pool pool = Db.pool(vertx, db.config());
      instance = new ReportDb(db.config(), vertx, pool);
    }
    return instance;
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private Connection shared;

  /** One connection for all of a JVM's writes (connecting is the slow part on a loaded machine). */
  private Connection conn() throws Exception {
    if (shared == null || shared.isClosed()) {
      shared = ScratchDatabase.connect(config, DATABASE);
    }
    return shared;
  }

  /** Empties orders, history, appeals and calls; units ua (with child ua-1) and ub; two agents. */
  void reset() throws Exception {
    sql(
        "TRUNCATE appeal_event, appeal, deadline_notice, order_event, outbox, work_order,"
            + " call_record, survey_result, agent_pause, unit_contact, unit, category CASCADE");
    sql("DELETE FROM app_user WHERE username <> 'admin'");
    sql(
        "INSERT INTO unit (code, name, parent_code, type) VALUES ('ua', '甲街道', NULL, 'street'),"
            + " ('ua-1', '甲街道一社区', 'ua', 'community'), ('ub', '乙局', NULL, 'bureau')");
    sql(
        "INSERT INTO category (code, name, level) VALUES ('010101', '路灯', 3), ('020101', '噪音', 3),"
            + " ('030101', '供水', 3)");
    sql(
        "INSERT INTO app_user (username, password_hash, roles) VALUES"
            + " ('agent1', 'x', '{agent}'), ('agent2', 'x', '{agent}')");
  }

  void sql(String statement) throws Exception {
    try (Statement s = conn().createStatement()) {
      s.execute(statement);
    }
  }

  /**
   * An order as the workflow would have left it (times may be null). Returns its id; its history is
   * written with {@link #event}.
   */
  long order(
      String state,
      String leadUnit,
      OffsetDateTime createdAt,
      OffsetDateTime signDeadline,
      OffsetDateTime signedAt,
      OffsetDateTime dueDeadline,
      OffsetDateTime repliedAt,
      OffsetDateTime pausedSince)
      throws Exception {
    return order(
        state,
        leadUnit,
        createdAt,
        signDeadline,
        signedAt,
        dueDeadline,
        repliedAt,
        pausedSince,
        null,
        null);
  }

  long order(
      String state,
      String leadUnit,
      OffsetDateTime createdAt,
      OffsetDateTime signDeadline,
      OffsetDateTime signedAt,
      OffsetDateTime dueDeadline,
      OffsetDateTime repliedAt,
      OffsetDateTime pausedSince,
      String category,
      String area)
      throws Exception {
    try (PreparedStatement p =
        conn()
            .prepareStatement(
                "INSERT INTO work_order (number, state, channel, request_type, description, urgency,"
                    + " lead_unit, sign_deadline, signed_at, due_deadline, replied_at, paused_since,"
                    + " category_code, area, created_by, created_at, citizen_phone)"
                    + " VALUES (?, ?, 'phone', 'complaint', '测试工单', 'normal', ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " 'agent1', ?, '13812345678') RETURNING id")) {
      p.setString(1, "20261101-" + String.format("%06d", ++seq));
      p.setString(2, state);
      p.setString(3, leadUnit);
      p.setObject(4, signDeadline);
      p.setObject(5, signedAt);
      p.setObject(6, dueDeadline);
      p.setObject(7, repliedAt);
      p.setObject(8, pausedSince);
      p.setString(9, category);
      p.setString(10, area);
      p.setObject(11, createdAt);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Appends one history event; payload is JSON text. */
  void event(long orderId, String action, String actor, OffsetDateTime at, String payload)
      throws Exception {
    try (PreparedStatement p =
        conn()
            .prepareStatement(
                "INSERT INTO order_event (order_id, action, actor, at, to_state, payload)"
                    + " VALUES (?, ?, ?, ?, 'X', ?::jsonb)")) {
      p.setLong(1, orderId);
      p.setString(2, action);
      p.setString(3, actor);
      p.setObject(4, at);
      p.setString(5, payload == null ? "{}" : payload);
      p.executeUpdate();
    }
  }

  /** One call record; wait and talk in seconds (null when not applicable). */
  void call(
      String id,
      String direction,
      OffsetDateTime enteredAt,
      String outcome,
      Integer wait,
      Integer talk,
      String agent)
      throws Exception {
    try (PreparedStatement p =
        conn()
            .prepareStatement(
                "INSERT INTO call_record (id, direction, caller, entered_at, outcome, wait_seconds,"
                    + " talk_seconds, agent) VALUES (?, ?, '13900000000', ?, ?, ?, ?, ?)")) {
      p.setString(1, id);
      p.setString(2, direction);
      p.setObject(3, enteredAt);
      p.setString(4, outcome);
      p.setObject(5, wait);
      p.setObject(6, talk);
      p.setString(7, agent);
      p.executeUpdate();
    }
  }

  void survey(String callId, int score, String kind) throws Exception {
    try (PreparedStatement p =
        conn()
            .prepareStatement(
                "INSERT INTO survey_result (call_id, number, score, kind) VALUES (?, '13900000000', ?, ?)")) {
      p.setString(1, callId);
      p.setShort(2, (short) score);
      p.setString(3, kind);
      p.executeUpdate();
    }
  }
}
