package org.hotline.ticketing.bench;

import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    // Each worker has its own sessions, like separate agents at separate desks.
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    AtomicInteger remaining = new AtomicInteger(orders);
    List<Future<?>> workers = new ArrayList<>();
    System.out.printf(
        "walking %d orders through 6 steps each at concurrency %d against %s%n",
        orders, concurrency, base);
    long start = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      workers.add(pool.submit(() -> worker(remaining)));
    }
    for (Future<?> f : workers) {
      f.get(10, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();

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

  private void worker(AtomicInteger remaining) {
    Session agent = new Session("agent1");
    Session dispatcher = new Session("dispatcher1");
    Session reviewer = new Session("reviewer1");
    Session handler = new Session("u-dc");
    Session[] actors = {dispatcher, handler, handler, reviewer, agent};
    JsonObject[] inputs = {
      new JsonObject().put("unit", "dc"),
      new JsonObject(),
      new JsonObject().put("text", "已处理完毕"),
      new JsonObject(),
      new JsonObject().put("result", "satisfied")
    };
    while (remaining.getAndDecrement() > 0) {
      JsonObject order =
          agent.call(
              "/api/tickets",
              new JsonObject()
                  .put("channel", "phone")
                  .put("requestType", "complaint")
                  .put("categoryCode", "010101")
                  .put("citizenPhone", "13800138000")
                  .put("location", "东城区建设路1号")
                  .put("description", "压测工单：路灯不亮")
                  .put("urgency", "normal"),
              201);
      if (order == null) {
        continue;
      }
      acknowledged.add(order.getLong("id"));
      for (int s = 0; s < STEPS.length && order != null; s++) {
        order =
            actors[s].call(
                "/api/tickets/" + order.getLong("id") + "/" + STEPS[s],
                inputs[s].copy().put("version", order.getInteger("version")),
                200);
      }
    }
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
    List<Future<?>> fs = new ArrayList<>();
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
    for (Future<?> f : fs) {
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

  /** One logged-in user with its own cookie jar. */
  private final class Session {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Session(String username) {
      JsonObject r =
          call(
              "/api/login",
              new JsonObject().put("username", username).put("password", "demo12345"),
              200,
              false);
      if (r == null) {
        throw new IllegalStateException("login of " + username + " failed");
      }
    }

    JsonObject call(String path, JsonObject body, int expected) {
      return call(path, body, expected, true);
    }

    JsonObject call(String path, JsonObject body, int expected, boolean measured) {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
              .build();
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - t0;
        if (r.statusCode() != expected) {
          failures.incrementAndGet();
          System.err.println("unexpected " + r.statusCode() + " from " + path + ": " + r.body());
          return null;
        }
        if (measured) {
          latenciesNanos.add(elapsed);
          steps.incrementAndGet();
        }
        return new JsonObject(r.body());
      } catch (Exception e) {
        failures.incrementAndGet();
        System.err.println("request to " + path + " failed: " + e);
        return null;
      }
    }
  }
}
