package org.hotline.ticketing.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * scripts/bench intake: walks N orders through create → dispatch → sign → reply → review-accept →
 * callback over HTTP at concurrency C against a running platform, then measures single-row
 * INSERT+COMMIT transactions/s on the same PostgreSQL at the same concurrency, and checks that
 * every acknowledged order is in the database.
 *
 * <p>Arguments: baseUrl jdbcUrl user password orders concurrency
 */
public final class IntakeBench {

  private static final String[] STEPS = {"dispatch", "sign", "reply", "review-accept", "callback"};

  private final String base;
  private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicLong steps = new AtomicLong();

  private IntakeBench(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String jdbcUrl = args[1];
    String user = args[2];
    String password = args.length > 3 ? args[3] : "";
    int orders = Integer.parseInt(args[4]);
    int concurrency = Integer.parseInt(args[5]);
    IntakeBench bench = new IntakeBench(base);
    bench.run(orders, concurrency, jdbcUrl, user, password);
  }

  private void run(int orders, int concurrency, String jdbcUrl, String user, String password)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      URI uri = URI.create(base);
      WebClient client =
          WebClient.create(
              vertx,
              new WebClientOptions()
                  .setDefaultHost(uri.getHost())
                  .setDefaultPort(uri.getPort())
                  .setKeepAlive(true),
              new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      // One logged-in session per role, shared by all walkers (the server keeps no per-request
      // state).
      Map<String, WebClientSession> sessions = new HashMap<>();
      for (String name : List.of("agent1", "dispatcher1", "reviewer1", "u-dc")) {
        WebClientSession s = WebClientSession.create(client);
        int status =
            await(
                    s.post("/api/login")
                        .sendJsonObject(
                            new JsonObject().put("username", name).put("password", "demo12345")))
                .statusCode();
        if (status != 200) {
          throw new IllegalStateException("login of " + name + " failed: " + status);
        }
        sessions.put(name, s);
      }
      System.out.printf(
          "walking %d orders through 6 steps each at concurrency %d against %s%n",
          orders, concurrency, base);
      AtomicInteger remaining = new AtomicInteger(orders);
      long start = System.nanoTime();
      List<Future<Void>> walkers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        walkers.add(walk(sessions, remaining));
      }
      await(Future.all(walkers));
      double seconds = (System.nanoTime() - start) / 1e9;
      report(seconds, concurrency, jdbcUrl, user, password);
    } finally {
      await(vertx.close());
    }
  }

  /** One walker: takes orders from the counter until none remain, one step after another. */
  private Future<Void> walk(Map<String, WebClientSession> s, AtomicInteger remaining) {
    if (remaining.getAndDecrement() <= 0) {
      return Future.succeededFuture();
    }
    JsonObject intake =
        new JsonObject()
            .put("channel", "phone")
            .put("requestType", "complaint")
            .put("categoryCode", "010101")
            .put("citizenPhone", "13800138000")
            .put("location", "东城区建设路1号")
            .put("description", "压测工单：路灯不亮")
            .put("urgency", "normal");
    String[] actors = {"dispatcher1", "u-dc", "u-dc", "reviewer1", "agent1"};
    JsonObject[] inputs = {
      new JsonObject().put("unit", "dc"),
      new JsonObject(),
      new JsonObject().put("text", "已处理完毕"),
      new JsonObject(),
      new JsonObject().put("result", "satisfied")
    };
    Future<JsonObject> f =
        call(s.get("agent1"), "/api/tickets", intake, 201)
            .onSuccess(o -> acknowledged.add(o.getLong("id")));
    for (int i = 0; i < STEPS.length; i++) {
      int step = i;
      f =
          f.compose(
              o ->
                  call(
                      s.get(actors[step]),
                      "/api/tickets/" + o.getLong("id") + "/" + STEPS[step],
                      inputs[step].copy().put("version", o.getInteger("version")),
                      200));
    }
    return f.transform(ar -> walk(s, remaining));
  }

  private Future<JsonObject> call(
      WebClientSession session, String path, JsonObject body, int expected) {
    long t0 = System.nanoTime();
    return session
        .post(path)
        .sendJsonObject(body)
        .compose(
            r -> {
              if (r.statusCode() != expected) {
                failures.incrementAndGet();
                System.err.println(
                    "unexpected " + r.statusCode() + " from " + path + ": " + r.bodyAsString());
                return Future.failedFuture("status " + r.statusCode());
              }
              latenciesNanos.add(System.nanoTime() - t0);
              steps.incrementAndGet();
              return Future.succeededFuture(r.bodyAsJsonObject());
            },
            e -> {
              failures.incrementAndGet();
              return Future.failedFuture(e);
            });
  }

  private void report(double seconds, int concurrency, String jdbcUrl, String user, String password)
      throws Exception {
    List<Long> lat = new ArrayList<>(latenciesNanos);
    Collections.sort(lat);
    double p50 = lat.isEmpty() ? 0 : lat.get(lat.size() / 2) / 1e6;
    double p99 =
        lat.isEmpty()
            ? 0
            : lat.get(Math.min(lat.size() - 1, (int) Math.ceil(lat.size() * 0.99) - 1)) / 1e6;
    double ordersPerS = acknowledged.size() / seconds;
    double stepsPerS = steps.get() / seconds;
    long lost = countLost(jdbcUrl, user, password);
    double pgTps = insertCommitRate(jdbcUrl, user, password, concurrency, Duration.ofSeconds(10));
    System.out.printf(
        "orders acknowledged: %d, steps committed: %d, failed requests: %d, in %.1f s%n",
        acknowledged.size(), steps.get(), failures.get(), seconds);
    System.out.printf(
        "throughput: %.1f orders/s, %.1f steps/s; step latency p50 %.2f ms, p99 %.2f ms%n",
        ordersPerS, stepsPerS, p50, p99);
    System.out.printf(
        "PostgreSQL single-row INSERT+COMMIT at concurrency %d: %.0f tx/s; ratio steps/s ÷ tx/s = %.2f%n",
        concurrency, pgTps, stepsPerS / pgTps);
    System.out.printf(
        "RESULT intake orders_per_s=%.1f steps_per_s=%.1f p99_ms=%.2f pg_tps=%.0f ratio=%.2f lost=%d%n",
        ordersPerS, stepsPerS, p99, pgTps, stepsPerS / pgTps, lost);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }

  private long countLost(String jdbcUrl, String user, String password) throws Exception {
    try (Connection c = connect(jdbcUrl, user, password);
        PreparedStatement q =
            c.prepareStatement("SELECT count(*) FROM work_order WHERE id = ANY(?)")) {
      q.setArray(1, c.createArrayOf("bigint", acknowledged.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return acknowledged.size() - rs.getLong(1);
      }
    }
  }

  /** The reference: what PostgreSQL does with one-row transactions at this concurrency. */
  static double insertCommitRate(
      String jdbcUrl, String user, String password, int concurrency, Duration d) throws Exception {
    try (Connection c = connect(jdbcUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_insert_commit");
      s.execute(
          "CREATE TABLE bench_insert_commit (id BIGSERIAL PRIMARY KEY, v TEXT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())");
    }
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + d.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      fs.add(
          pool.submit(
              () -> {
                try (Connection c = connect(jdbcUrl, user, password);
                    PreparedStatement ins =
                        c.prepareStatement("INSERT INTO bench_insert_commit (v) VALUES (?)")) {
                  c.setAutoCommit(true);
                  while (System.nanoTime() < end) {
                    ins.setString(1, "x");
                    ins.executeUpdate();
                    done.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (java.util.concurrent.Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    try (Connection c = connect(jdbcUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE bench_insert_commit");
    }
    return done.get() / (d.toNanos() / 1e9);
  }

  static Connection connect(String url, String user, String password) throws Exception {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (!password.isEmpty()) {
      p.setProperty("password", password);
    }
    return DriverManager.getConnection(url, p);
  }
}
