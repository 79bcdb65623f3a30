package org.hotline.sms.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * The module's own test database (PG* env, default 127.0.0.1:5432 postgres), created if missing and
 * migrated exactly as the core does: Flyway location classpath:db/sms, history table
 * flyway_history_sms.
 */
public final class TestDatabase {

  public static final String NAME = env("HOTLINE_SMS_TEST_DB", "hotline_test_sms");

  private TestDatabase() {}

  public static String host() {
    return env("PGHOST", "127.0.0.1");
  }

  public static int port() {
    return Integer.parseInt(env("PGPORT", "5432"));
  }

  public static String user() {
    return env("PGUSER", "postgres");
  }

  public static String password() {
    return env("PGPASSWORD", "");
  }

  /** Creates the database if needed and applies the sms migrations. */
  public static synchronized void migrate(String database) throws Exception {
    String base = "jdbc:postgresql://" + host() + ":" + port() + "/";
    try (Connection c = DriverManager.getConnection(base + "postgres", user(), password());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + database);
      }
    }
    Flyway.configure()
        .dataSource(base + database, user(), password())
        .locations("classpath:db/sms")
        .table("flyway_history_sms")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Drops the database (used by the benchmark). */
  public static void drop(String database) throws Exception {
    String base = "jdbc:postgresql://" + host() + ":" + port() + "/";
    try (Connection c = DriverManager.getConnection(base + "postgres", user(), password());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  public static Pool pool(Vertx vertx, String database, int size) {
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(host())
            .setPort(port())
            .setUser(user())
            .setPassword(password())
            .setDatabase(database)
            .setCachePreparedStatements(true);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  /** Empties every sms table using a short-lived Vert.x. */
  public static void reset() {
    Vertx vertx = Vertx.vertx();
    try {
      reset(pool(vertx, NAME, 1));
    } finally {
      await(vertx.close());
    }
  }

  /** Empties every sms table. */
  public static void reset(Pool pool) {
    await(
        pool.query(
                "TRUNCATE sms_message, sms_segment, sms_receipt, sms_opt_out, sms_rate_counter"
                    + " RESTART IDENTITY CASCADE")
            .execute());
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String env(String k, String d) {
    String v = System.getenv(k);
    return v == null || v.isBlank() ? d : v;
  }
}
