package org.hotline.ticketing.bench;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Drops a scratch database (benchmarks clean up after themselves). Args: jdbcUrl user password name
 */
public final class DropDatabase {

  private DropDatabase() {}

  public static void main(String[] args) throws Exception {
    if (!args[3].matches("[a-z_]+")) {
      throw new IllegalArgumentException("bad database name " + args[3]);
    }
    try (Connection c = IntakeBench.connect(args[0], args[1], args[2]);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + args[3] + " WITH (FORCE)");
    }
  }
}
