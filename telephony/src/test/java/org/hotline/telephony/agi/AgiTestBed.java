package org.hotline.telephony.agi;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.hotline.telephony.sim.agi.SimulatedAgiCall;

/**
 * A Vert.x, a deployed {@link FastAgiVerticle} on 127.0.0.1:0, and a client for simulated calls.
 */
public final class AgiTestBed implements AutoCloseable {
  public final Vertx vertx = Vertx.vertx();
  public final NetClient client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
  private final FastAgiVerticle verticle;

  private AgiTestBed(FastAgiVerticle verticle, JsonObject config) {
    this.verticle = verticle;
    JsonObject full =
        new JsonObject().put("agiHost", "127.0.0.1").put("agiPort", 0).mergeIn(config);
    await(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(full)));
  }

  /** With the standard IVR scripts. */
  public static AgiTestBed standard(JsonObject config) {
    return new AgiTestBed(new FastAgiVerticle(), config);
  }

  public static AgiTestBed withScripts(Map<String, AgiScript> scripts, JsonObject config) {
    return new AgiTestBed(new FastAgiVerticle(v -> scripts), config);
  }

  public static AgiTestBed withScripts(
      Function<FastAgiVerticle, Map<String, AgiScript>> scripts, JsonObject config) {
    return new AgiTestBed(new FastAgiVerticle(scripts), config);
  }

  public FastAgiServer server() {
    return verticle.server();
  }

  public int port() {
    return verticle.server().port();
  }

  public Future<SimCallResult> dial(SimCallPlan plan) {
    return SimulatedAgiCall.dial(vertx, client, "127.0.0.1", port(), plan);
  }

  /** Places the call and waits (at most 20 s) until it ended. */
  public SimCallResult call(SimCallPlan plan) {
    return await(dial(plan));
  }

  public static <T> T await(Future<T> future) {
    return await(future, Duration.ofSeconds(20));
  }

  public static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete: " + e, e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
