package org.hotline.telephony.bench;

import static org.hotline.telephony.TelephonyAddresses.IVR_CALLER;
import static org.hotline.telephony.TelephonyAddresses.IVR_MISSED;
import static org.hotline.telephony.TelephonyAddresses.IVR_ORDER_STATUS;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.telephony.agi.AgiServerStats;
import org.hotline.telephony.agi.FastAgiVerticle;
import org.hotline.telephony.sim.agi.DtmfInput;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.hotline.telephony.sim.agi.SimulatedAgiCall;

/**
 * {@code scripts/bench ivr}: after a short warm-up (300 calls, not measured), N simulated callers
 * (default 2000) dial the FastAGI server within a ramp (default 3 s) and run the {@code hotline}
 * script with real-time prompts (greeting 4 s, others 1.5 s), so that all of them are in the IVR at
 * once. Mix: 80 % no key, 15 % key 2 and an order number (read back), 5 % hang up during the
 * greeting. The server and a fake core share one Vert.x event loop (the platform's side), the
 * simulated PBX has another Vert.x with one event loop (same JVM). Prints calls held at once, the
 * app-side turnaround per AGI command (reply read by the server → next command written; it includes
 * the wait for the core where the script asks it), per command kind, and failures.
 */
public final class IvrBenchmark {
  private IvrBenchmark() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long rampMs = args.length > 1 ? Long.parseLong(args[1]) : 3000;
    Vertx platform = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Vertx pbx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      run(platform, pbx, calls, rampMs);
    } finally {
      pbx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      platform.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static void run(Vertx platform, Vertx pbx, int calls, long rampMs) throws Exception {
    startFakeCore(platform);
    FastAgiVerticle verticle = new FastAgiVerticle();
    JsonObject config =
        new JsonObject()
            .put("agiHost", "127.0.0.1")
            .put("agiPort", 0)
            .put("maxSessions", calls + 100)
            .put("coreTimeoutMs", 1000);
    await(platform.deployVerticle(verticle, new DeploymentOptions().setConfig(config)));
    AgiServerStats stats = verticle.server().stats();
    int port = verticle.server().port();
    NetClient client =
        pbx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(30_000));
    int warmUp = Math.min(300, calls);
    long warmStarted = System.nanoTime();
    List<Future<SimCallResult>> warmCalls = new ArrayList<>();
    for (int i = 0; i < warmUp; i++) {
      warmCalls.add(SimulatedAgiCall.dial(pbx, client, "127.0.0.1", port, plan(i, 0.05)));
    }
    await(Future.join(warmCalls), 60);
    System.out.printf(
        Locale.ROOT,
        "warm-up: %d calls (prompts at 1/20 speed) in %d ms, not measured%n",
        warmUp,
        (System.nanoTime() - warmStarted) / 1_000_000);
    long failuresBefore =
        stats.commandTimeouts()
            + stats.protocolErrors()
            + stats.scriptFailures()
            + stats.rejectedSessions();
    TurnaroundHistogram histogram = new TurnaroundHistogram();
    TurnaroundHistogram afterCore = new TurnaroundHistogram();
    TurnaroundHistogram withoutCore = new TurnaroundHistogram();
    Map<String, TurnaroundHistogram> byVerb = new ConcurrentHashMap<>();
    stats.setTurnaroundRecorder(
        (command, nanos) -> {
          histogram.accept(nanos);
          (waitedForCore(command) ? afterCore : withoutCore).accept(nanos);
          byVerb.computeIfAbsent(verb(command), v -> new TurnaroundHistogram()).accept(nanos);
        });
    TurnaroundHistogram loopLag = new TurnaroundHistogram();
    long[] lastTick = {System.nanoTime()};
    long lagProbe =
        platform.setPeriodic(
            5,
            id -> {
              long now = System.nanoTime();
              loopLag.accept(Math.max(0, now - lastTick[0] - 5_000_000));
              lastTick[0] = now;
            });
    AtomicInteger failures = new AtomicInteger();
    AtomicLong commands = new AtomicLong();
    List<Future<SimCallResult>> results = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      int n = i;
      long at = Math.max(1, rampMs * i / calls);
      io.vertx.core.Promise<SimCallResult> done = io.vertx.core.Promise.promise();
      pbx.setTimer(
          at,
          id ->
              SimulatedAgiCall.dial(pbx, client, "127.0.0.1", port, plan(n, 1.0))
                  .onComplete(
                      ar -> {
                        if (ar.failed() || !expected(n, ar.result())) {
                          failures.incrementAndGet();
                        }
                        if (ar.succeeded()) {
                          commands.addAndGet(ar.result().commands().size());
                        }
                        done.complete(ar.succeeded() ? ar.result() : null);
                      }));
      results.add(done.future());
    }
    await(Future.join(results), 110);
    long wallMs = (System.nanoTime() - started) / 1_000_000;
    platform.cancelTimer(lagProbe);
    long serverFailures =
        stats.commandTimeouts()
            + stats.protocolErrors()
            + stats.scriptFailures()
            + stats.rejectedSessions();
    int totalFailures = failures.get() + (int) serverFailures;

    System.out.printf(
        Locale.ROOT,
        "calls: %d dialled in %d ms ramp, all ended after %d ms%n",
        calls,
        rampMs,
        wallMs);
    System.out.printf(
        Locale.ROOT, "calls held at once (server sessions peak): %d%n", stats.peakSessions());
    System.out.printf(
        Locale.ROOT,
        "platform event-loop lag (5 ms probe): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        loopLag.percentileMs(50),
        loopLag.percentileMs(99),
        loopLag.maxMs());
    System.out.printf(Locale.ROOT, "load average at the end (whole machine): %s%n", loadAverage());
    System.out.printf(
        Locale.ROOT,
        "AGI commands: %d (%d turnarounds measured)%n",
        commands.get(),
        histogram.count());
    System.out.printf(
        Locale.ROOT,
        "app-side turnaround per AGI command: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
        histogram.percentileMs(50),
        histogram.percentileMs(99),
        histogram.percentileMs(99.9),
        histogram.maxMs());
    System.out.printf(
        Locale.ROOT,
        "  of which after a core request on the event bus: n=%d p50 %.3f ms p99 %.3f ms; the others (IVR only): n=%d p50 %.3f ms p99 %.3f ms%n",
        afterCore.count(),
        afterCore.percentileMs(50),
        afterCore.percentileMs(99),
        withoutCore.count(),
        withoutCore.percentileMs(50),
        withoutCore.percentileMs(99));
    System.out.println("  by command:");
    byVerb.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-15s n=%6d p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                    e.getKey(),
                    e.getValue().count(),
                    e.getValue().percentileMs(50),
                    e.getValue().percentileMs(99),
                    e.getValue().maxMs()));
    System.out.printf(
        Locale.ROOT,
        "failures: %d (calls with a wrong outcome or timeout %d; server: command timeouts %d, protocol errors %d, script failures %d, refused %d)%n",
        totalFailures,
        failures.get(),
        stats.commandTimeouts(),
        stats.protocolErrors(),
        stats.scriptFailures(),
        stats.rejectedSessions());
    System.out.printf(
        Locale.ROOT,
        "RESULT ivr calls=%d p50_ms=%.3f p99_ms=%.3f failures=%d%n",
        calls,
        histogram.percentileMs(50),
        histogram.percentileMs(99),
        totalFailures);
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** The first command after the caller lookup, and the first after an order-status lookup. */
  private static boolean waitedForCore(String command) {
    return command.startsWith("SET VARIABLE HOTLINE_PROFILE")
        || command.startsWith("STREAM FILE hotline/order-number-is")
        || command.startsWith("STREAM FILE hotline/order-unavailable")
        || command.startsWith("STREAM FILE hotline/order-not-found");
  }

  private static String verb(String command) {
    String[] words = command.split(" ", 3);
    return words.length > 1
            && !words[0].equals("ANSWER")
            && !words[0].equals("HANGUP")
            && !words[0].equals("EXEC")
        ? words[0] + " " + words[1]
        : words[0];
  }

  private static SimCallPlan plan(int n, double timeScale) {
    SimCallPlan.Builder plan =
        SimCallPlan.builder("hotline?lang=zh")
            .timeScale(timeScale)
            .callerId(String.format(Locale.ROOT, "139%08d", n))
            .uniqueId("1795900000." + n)
            .prompt("hotline/welcome-day", 4000)
            .defaultPromptMs(1500)
            .maxCallMs(100_000);
    int kind = n % 20;
    if (kind < 3) {
      plan.inputs(DtmfInput.keys("2", 1500), DtmfInput.keys("2026112800123#", 800));
    } else if (kind == 3) {
      plan.hangupOnCommand("STREAM FILE hotline/welcome").hangupAfterMs(3500);
    }
    return plan.build();
  }

  private static boolean expected(int n, SimCallResult result) {
    if (result.timedOut()) {
      return false;
    }
    boolean hangsUp = n % 20 == 3;
    return hangsUp
        ? result.variable("HOTLINE_ROUTE") == null
        : "queue".equals(result.variable("HOTLINE_ROUTE"));
  }

  private static void startFakeCore(Vertx platform) throws Exception {
    JsonObject caller =
        new JsonObject()
            .put("blocked", false)
            .put("knownCaller", true)
            .put("openOrders", 0)
            .put("priority", 1)
            .put("profileId", "P-1")
            .put("staffed", true)
            .put("greeting", "day")
            .put("expectedWaitSeconds", 30)
            .put("voicemailOffered", false);
    JsonObject order =
        new JsonObject().put("found", true).put("state", "ACCEPTED").put("dueDate", "2026-12-05");
    await(
        platform.eventBus().<JsonObject>consumer(IVR_CALLER, m -> m.reply(caller)).completion(),
        10);
    await(
        platform
            .eventBus()
            .<JsonObject>consumer(IVR_ORDER_STATUS, m -> m.reply(order))
            .completion(),
        10);
    await(platform.eventBus().<JsonObject>consumer(IVR_MISSED, m -> {}).completion(), 10);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return await(future, 30);
  }

  private static <T> T await(Future<T> future, long seconds) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
