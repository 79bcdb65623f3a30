package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.hotline.ticketing.MainVerticle;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.DatabaseBootstrap;
import org.junit.jupiter.api.Test;

/** HOTLINE_DEMO=false: reference data and the admin user only, with the configured password. */
class NoDemoStartTest {

  @Test
  void withoutDemoOnlyReferenceDataAndAdminAreLoaded() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    String db = TestPlatform.DATABASE + "_nodemo";
    env.put("PGDATABASE", db);
    env.put("HOTLINE_HTTP_PORT", "0");
    env.put("HOTLINE_HTTP_HOST", "127.0.0.1");
    env.put("HOTLINE_DB", "external");
    env.put("HOTLINE_DEMO", "false");
    env.put("HOTLINE_ADMIN_PASSWORD", "s3cret-admin");
    env.put("HOTLINE_AGI_PORT", "0");
    env.put("HOTLINE_DATA_DIR", "target/test-data-nodemo");
    HotlineConfig config = HotlineConfig.load(env);
    Properties p = new Properties();
    p.setProperty("user", config.pgUser());
    try (Connection c = DriverManager.getConnection(config.jdbcUrl("postgres"), p)) {
      c.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
    DatabaseBootstrap.Result located = DatabaseBootstrap.locate(config);
    DatabaseBootstrap.migrate(located.config());
    Vertx vertx = Vertx.vertx();
    try {
      MainVerticle main = new MainVerticle(located.config(), Clock.systemUTC());
      vertx.deployVerticle(main).toCompletionStage().toCompletableFuture().get();
      try (Connection c = DriverManager.getConnection(config.jdbcUrl(db), p)) {
        assertThat(count(c, "SELECT count(*) FROM app_user")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM unit")).isZero();
        assertThat(count(c, "SELECT count(*) FROM work_order")).isZero();
        assertThat(count(c, "SELECT count(*) FROM kb_article")).isZero();
        assertThat(count(c, "SELECT count(*) FROM category")).isGreaterThan(50);
        assertThat(count(c, "SELECT count(*) FROM calendar_day")).isGreaterThan(30);
      }
      ApiClient admin = new ApiClient("http://127.0.0.1:" + main.httpPort());
      assertThat(
              admin
                  .post("/api/login", "{\"username\":\"admin\",\"password\":\"demo12345\"}")
                  .status())
          .isEqualTo(401);
      assertThat(
              admin
                  .post("/api/login", "{\"username\":\"admin\",\"password\":\"s3cret-admin\"}")
                  .status())
          .isEqualTo(200);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  static long count(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
