package org.hotline.ticketing.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.hotline.ticketing.config.HotlineConfig;

/** JDBC to a benchmark's own scratch database, and its removal when the benchmark is done. */
public final class ScratchDatabase {

  private ScratchDatabase() {}

  /** A connection to {@code database} on the configured server. */
  public static Connection connect(HotlineConfig c, String database) throws Exception {
    Properties p = new Properties();
    p.setProperty("user", c.pgUser());
    if (!c.pgPassword().isEmpty()) {
      p.setProperty("password", c.pgPassword());
    }
    return DriverManager.getConnection(c.jdbcUrl(database), p);
  }

  /** Drops {@code database} (a plain lower-case name), closing its sessions. */
  public static void drop(HotlineConfig c, String database) throws Exception {
    if (!database.matches("[a-z_]+")) {
      throw new IllegalArgumentException("bad database name " + database);
    }
    try (Connection conn = connect(c, "postgres");
        Statement s = conn.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
