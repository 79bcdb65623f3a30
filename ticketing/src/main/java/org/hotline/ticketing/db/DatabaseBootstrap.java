package org.hotline.ticketing.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.config.HotlineConfig.DbMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds PostgreSQL before anything else starts: the configured server, or an embedded one in the
 * data folder; creates the database when missing and applies the migrations. Blocking: runs on the
 * main thread before Vert.x starts.
 */
public final class DatabaseBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);

  /** Where the platform's database ended up, and the embedded server to stop, if any. */
  public record Result(HotlineConfig config, EmbeddedDatabase embedded, String description) {}

  private DatabaseBootstrap() {}

  public static Result locate(HotlineConfig config) throws Exception {
    if (config.dbMode() != DbMode.EMBEDDED) {
      String reason = probe(config);
      if (reason == null) {
        ensureDatabase(config);
        return new Result(
            config,
            null,
            "PostgreSQL " + config.pgHost() + ":" + config.pgPort() + "/" + config.pgDatabase());
      }
      if (config.dbMode() == DbMode.EXTERNAL) {
        throw new IllegalStateException(
            "PostgreSQL at "
                + config.pgHost()
                + ":"
                + config.pgPort()
                + " is not reachable ("
                + reason
                + ") and HOTLINE_DB=external forbids the embedded fallback");
      }
      LOG.warn(
          "no PostgreSQL at {}:{} ({}): using the embedded one",
          config.pgHost(),
          config.pgPort(),
          reason);
    }
    EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir().resolve("pg"));
    HotlineConfig local = config.withDatabase("127.0.0.1", embedded.port(), "postgres", "");
    ensureDatabase(local);
    return new Result(
        local,
        embedded,
        "embedded PostgreSQL 127.0.0.1:"
            + embedded.port()
            + " (data in "
            + config.dataDir().resolve("pg")
            + ")");
  }

  /** Applies the core's migrations and those of the adapter modules, each with its own history. */
  public static void migrate(HotlineConfig config) {
    String url = config.jdbcUrl(config.pgDatabase());
    Flyway.configure()
        .dataSource(url, config.pgUser(), config.pgPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    if (DatabaseBootstrap.class.getClassLoader().getResource("db/sms") != null) {
      Flyway.configure()
          .dataSource(url, config.pgUser(), config.pgPassword())
          .locations("classpath:db/sms")
          .table("flyway_history_sms")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    }
  }

  /** Returns null when a connection works, else the reason it does not. */
  private static String probe(HotlineConfig c) {
    try (Connection ignored = connect(c, "postgres", 3)) {
      return null;
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  private static void ensureDatabase(HotlineConfig c) throws SQLException {
    try (Connection conn = connect(c, "postgres", 10);
        PreparedStatement q =
            conn.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      q.setString(1, c.pgDatabase());
      if (q.executeQuery().next()) {
        return;
      }
      if (!c.pgDatabase().matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException(
            "PGDATABASE must be letters, digits and _: " + c.pgDatabase());
      }
      try (Statement s = conn.createStatement()) {
        s.execute("CREATE DATABASE " + c.pgDatabase() + " ENCODING 'UTF8' TEMPLATE template0");
        LOG.info("created database {}", c.pgDatabase());
      } catch (SQLException e) {
        if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another node: fine
          throw e;
        }
      }
    }
  }

  private static Connection connect(HotlineConfig c, String database, int timeoutSeconds)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", c.pgUser());
    if (!c.pgPassword().isEmpty()) {
      p.setProperty("password", c.pgPassword());
    }
    p.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
    p.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
    return DriverManager.getConnection(c.jdbcUrl(database), p);
  }
}
