package org.hotline.ticketing.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.ticketing.MainVerticle;
import org.hotline.ticketing.api.ApiClient;
import org.hotline.ticketing.bench.ScratchDatabase;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.DatabaseBootstrap;

/**
 * The whole platform on its own database ({@code <hotline.test.db>_callback}) with a clock the
 * tests set, the deadline scheduler off (the tests run the callback loop's passes themselves), the
 * built-in PBX simulator (AMI and FastAGI over loopback sockets) and SMSC simulator (SMPP), and no
 * SMS quiet hours. {@link #restart()} stops everything and starts a new platform on the same data.
 */
final class CallbackRig {

  static final String DATABASE =
      System.getProperty("hotline.test.db", "hotline_test_ticketing") + "_callback";
  private static CallbackRig instance;

  /** A clock that stands still until a test moves it. */
  static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(ZonedDateTime t) {
      now = t.toInstant();
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final SettableClock clock =
      new SettableClock(
          ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, WorkingCalendar.SHANGHAI).toInstant());
  final HotlineConfig config;
  Vertx vertx;
  MainVerticle main;
  String baseUrl;

  /**
   * The PBX's verdicts on originates ({@link TelephonyAddresses#ORIGINATE_RESULT}), since start.
   */
  final List<JsonObject> originates = new CopyOnWriteArrayList<>();

  private CallbackRig(HotlineConfig config) {
    this.config = config;
  }

  static synchronized CallbackRig get() throws Exception {
    if (instance == null) {
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("PGDATABASE", DATABASE);
      env.put("HOTLINE_DB", "external");
      env.put("HOTLINE_HTTP_PORT", "0");
      env.put("HOTLINE_HTTP_HOST", "127.0.0.1");
      env.put("HOTLINE_HTTP_INSTANCES", "1");
      env.put("HOTLINE_DEMO", "true");
      env.put("HOTLINE_DATA_DIR", "target/test-data-callback");
      env.put("HOTLINE_AGI_PORT", "0");
      env.put("HOTLINE_AGI_HOST", "127.0.0.1");
      env.put("HOTLINE_SCHEDULER", "false");
      env.put("HOTLINE_SMS_QUIET_HOURS", "");
      env.remove("HOTLINE_AMI_HOST");
      env.remove("HOTLINE_SMPP_HOST");
      HotlineConfig config = HotlineConfig.load(env);
      try (Connection c = ScratchDatabase.connect(config, "postgres");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      }
      DatabaseBootstrap.Result db = DatabaseBootstrap.locate(config);
      DatabaseBootstrap.migrate(db.config());
      CallbackRig rig = new CallbackRig(db.config());
      rig.start();
      instance = rig;
    }
    return instance;
  }

  private void start() throws Exception {
    vertx = Vertx.vertx();
    vertx
        .eventBus()
        .<JsonObject>consumer(TelephonyAddresses.ORIGINATE_RESULT, m -> originates.add(m.body()));
    main = new MainVerticle(config, clock);
    await(vertx.deployVerticle(main));
    baseUrl = "http://127.0.0.1:" + main.httpPort();
  }

  /**
   * Stops the platform and starts a new one on the same data: whatever the loop remembers must be
   * in PostgreSQL (new simulators, new event bus, nothing kept in memory).
   */
  void restart() throws Exception {
    var sim = main.telephony().simulator();
    await(vertx.close());
    if (sim != null) {
      sim.close();
    }
    start();
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(240, TimeUnit.SECONDS);
  }

  ZonedDateTime now() {
    return clock.instant().atZone(WorkingCalendar.SHANGHAI);
  }

  void at(ZonedDateTime t) {
    clock.set(t);
  }

  /** Moves the clock to {@code time} on the day after the current one (a fresh day per test). */
  ZonedDateTime nextDay(LocalTime time) {
    ZonedDateTime t = now().plusDays(1).with(time).withSecond(0).withNano(0);
    at(t);
    return t;
  }

  CallbackLoop.PassReport pass() throws Exception {
    return await(main.callbackLoop().pass(now()));
  }

  ApiClient login(String username) {
    ApiClient c = new ApiClient(baseUrl);
    ApiClient.Response r =
        c.post("/api/login", "{\"username\":\"" + username + "\",\"password\":\"demo12345\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return c;
  }

  /** The originates the PBX answered for {@code number} (whatever their outcome). */
  List<JsonObject> originatesTo(String number) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject o : originates) {
      if (number.equals(o.getString("number"))) {
        out.add(o);
      }
    }
    return out;
  }

  String one(String sql, Object... args) throws Exception {
    try (Connection c = ScratchDatabase.connect(config, DATABASE);
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  void execute(String sql, Object... args) throws Exception {
    try (Connection c = ScratchDatabase.connect(config, DATABASE);
        PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.execute();
    }
  }
}
