package org.hotline.telephony.ami;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.sim.ami.ManualClock;
import org.hotline.telephony.sim.ami.SimulatedAmiServer;
import org.hotline.telephony.sim.ami.SimulatedPbx;

/**
 * A simulated Asterisk on a loopback port, a Vert.x with the AMI verticle connected to it over
 * asterisk-java, and a recorder of everything the verticle publishes. Both sides share one manual
 * clock, so wait and talk seconds are exact.
 */
final class AmiTestRig implements AutoCloseable {
  static final String USER = "hotline";
  static final String SECRET = "s3cret";

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T01:00:00Z"));
  final SimulatedPbx pbx = new SimulatedPbx(clock, "hotline");
  final SimulatedAmiServer server = new SimulatedAmiServer(pbx, USER, SECRET).start("127.0.0.1", 0);
  final Vertx vertx = Vertx.vertx();
  private final Map<String, List<JsonObject>> published = new ConcurrentHashMap<>();

  AmiTestRig() {
    server.authFailureDelay(Duration.ofMillis(20));
    for (String a :
        List.of(
            TelephonyAddresses.CALL_ENDED,
            TelephonyAddresses.CALL_MISSED,
            TelephonyAddresses.AGENT_CONNECTED,
            TelephonyAddresses.WALLBOARD,
            TelephonyAddresses.AMI_STATUS,
            TelephonyAddresses.ORIGINATE_RESULT)) {
      List<JsonObject> list = new CopyOnWriteArrayList<>();
      published.put(a, list);
      vertx.eventBus().<JsonObject>consumer(a, m -> list.add(m.body()));
    }
  }

  JsonObject config() {
    return new JsonObject()
        .put("amiHost", "127.0.0.1")
        .put("amiPort", server.port())
        .put("amiUsername", USER)
        .put("amiSecret", SECRET)
        .put("reconnectInitialMs", 50)
        .put("reconnectMaxMs", 400)
        .put("wallboardIntervalMs", 50)
        .put("simulated", true);
  }

  /** Deploys the verticle and waits until it has logged in and resynced. */
  AmiTestRig deploy() {
    return deploy(config(), true);
  }

  AmiTestRig deploy(JsonObject config, boolean waitConnected) {
    join(
        vertx.deployVerticle(
            new AmiVerticle(clock), new io.vertx.core.DeploymentOptions().setConfig(config)));
    if (waitConnected) {
      awaitConnected();
    }
    return this;
  }

  void awaitConnected() {
    await().atMost(Duration.ofSeconds(10)).until(() -> wallboard().getBoolean("connected"));
  }

  /** Waits until the verticle shows this many callers waiting (before moving the clock on). */
  void awaitWaiting(int n) {
    await().atMost(Duration.ofSeconds(5)).until(() -> wallboard().getInteger("callsWaiting") == n);
  }

  /** Waits until the agent is in this state as the verticle sees it. */
  void awaitAgent(String agent, String state) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> state.equals(agent(agent).getString("state")));
  }

  List<JsonObject> published(String address) {
    return published.get(address);
  }

  /** Asks the verticle (request/reply) and waits for the answer. */
  JsonObject request(String address, JsonObject body) {
    return join(vertx.eventBus().<JsonObject>request(address, body)).body();
  }

  JsonObject wallboard() {
    return request(TelephonyAddresses.WALLBOARD_GET, new JsonObject());
  }

  JsonObject agent(String agent) {
    return request(TelephonyAddresses.AGENTS, new JsonObject().put("agent", agent))
        .getJsonArray("agents")
        .getJsonObject(0);
  }

  /** The call record published for this call id, once it is there. */
  JsonObject awaitRecord(String callId) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                published(TelephonyAddresses.CALL_ENDED).stream()
                    .anyMatch(r -> callId.equals(r.getString("id"))));
    return published(TelephonyAddresses.CALL_ENDED).stream()
        .filter(r -> callId.equals(r.getString("id")))
        .findFirst()
        .orElseThrow();
  }

  /** Waits for a Vert.x future from the test thread. */
  static <T> T join(io.vertx.core.Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    join(vertx.close());
    server.close();
  }
}
