package org.hotline.ticketing.api;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.hotline.ticketing.MainVerticle;
import org.hotline.ticketing.bench.ScratchDatabase;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.DatabaseBootstrap;

/**
 * The whole platform, started once per test JVM against a fresh database {@code
 * hotline_test_ticketing} on the PostgreSQL named by the PG* variables (the same discovery as
 * scripts/run), with the demo city loaded and the web server on a random port.
 */
public final class TestPlatform {

  public static final String DATABASE =
      System.getProperty("hotline.test.db", "hotline_test_ticketing");
  private static TestPlatform instance;

  public final HotlineConfig config;
  public final String baseUrl;
  public final Vertx vertx;
  private final MainVerticle main;

  private TestPlatform(HotlineConfig config, String baseUrl, Vertx vertx, MainVerticle main) {
    this.config = config;
    this.baseUrl = baseUrl;
    this.vertx = vertx;
    this.main = main;
  }

  /** The Asterisk bridge of the running platform (FastAGI port and the PBX simulator). */
  public org.hotline.ticketing.telephony.TelephonyDeployment.Started telephony() {
    return main.telephony();
  }

  public static synchronized TestPlatform get() {
    if (instance == null) {
      try {
        instance = start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the platform for tests", e);
      }
    }
    return instance;
  }

  private static TestPlatform start() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PGDATABASE", DATABASE);
    env.put("HOTLINE_HTTP_PORT", "0");
    env.put("HOTLINE_HTTP_HOST", "127.0.0.1");
    env.put("HOTLINE_DB", "external");
    env.put("HOTLINE_DEMO", "true");
    env.put("HOTLINE_DATA_DIR", "target/test-data");
    env.put("HOTLINE_AGI_PORT", "0");
    env.put("HOTLINE_AGI_HOST", "127.0.0.1");
    HotlineConfig config = HotlineConfig.load(env);
    recreateDatabase(config);
    DatabaseBootstrap.Result db = DatabaseBootstrap.locate(config);
    DatabaseBootstrap.migrate(db.config());
    BlockedThreadWatch.install();
    Vertx vertx = Vertx.vertx();
    MainVerticle main = new MainVerticle(db.config(), Clock.systemUTC());
    vertx.deployVerticle(main).toCompletionStage().toCompletableFuture().get();
    BlockedThreadWatch.install().countFromNow();
    return new TestPlatform(db.config(), "http://127.0.0.1:" + main.httpPort(), vertx, main);
  }

  private static void recreateDatabase(HotlineConfig c) throws Exception {
    try (Connection conn = ScratchDatabase.connect(c, "postgres");
        Statement s = conn.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
  }

  /** A JDBC connection to the test database, for checks that bypass the API. */
  public Connection jdbc() throws Exception {
    return ScratchDatabase.connect(config, DATABASE);
  }

  public ApiClient client() {
    return new ApiClient(baseUrl);
  }

  public ApiClient login(String username) {
    ApiClient c = client();
    ApiClient.Response r =
        c.post("/api/login", "{\"username\":\"" + username + "\",\"password\":\"demo12345\"}");
    if (r.status() != 200) {
      throw new IllegalStateException("login of " + username + " failed: " + r);
    }
    return c;
  }
}
