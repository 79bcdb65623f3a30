package org.hotline.ticketing.telephony;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.hotline.telephony.agi.FastAgiVerticle;
import org.hotline.telephony.ami.AmiVerticle;
import org.hotline.telephony.sim.SimulatedCalls;
import org.hotline.telephony.sim.ami.SimulatedAmiServer;
import org.hotline.telephony.sim.ami.SimulatedPbx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Asterisk bridge: the FastAGI server for the IVR and the AMI client. Without
 * HOTLINE_AMI_HOST the AMI client connects to the built-in PBX simulator, and says so.
 */
public final class TelephonyDeployment {

  private static final Logger LOG = LoggerFactory.getLogger(TelephonyDeployment.class);

  /**
   * What was started: the FastAGI port and, when simulated, the simulator and the desk for calls a
   * person places through it (/api/sim/calls).
   */
  public record Started(int agiPort, SimulatedAmiServer simulator, SimulatedCalls simulatedCalls) {
    public boolean simulated() {
      return simulator != null;
    }
  }

  private TelephonyDeployment() {}

  /** Calls a person places into the IVR; prompts play at their length × HOTLINE_SIM_TIME_SCALE. */
  private static SimulatedCalls simulatedCalls(
      Vertx vertx, Map<String, String> env, JsonObject agi, int port, SimulatedAmiServer sim) {
    if (sim == null) {
      return null;
    }
    String host = agi.getString("agiHost");
    String reachable = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    double scale = Double.parseDouble(env.getOrDefault("HOTLINE_SIM_TIME_SCALE", "1"));
    if (!(scale > 0 && scale <= 10)) {
      throw new IllegalArgumentException("HOTLINE_SIM_TIME_SCALE must be in (0, 10], was " + scale);
    }
    return new SimulatedCalls(vertx, sim.pbx(), reachable, port, scale, Clock.systemUTC());
  }

  public static Future<Started> deploy(Vertx vertx, Map<String, String> env, Path dataDir) {
    String queue = env.getOrDefault("HOTLINE_QUEUE", "hotline");
    JsonObject agi =
        new JsonObject()
            .put("agiHost", env.getOrDefault("HOTLINE_AGI_HOST", "0.0.0.0"))
            .put("agiPort", Integer.parseInt(env.getOrDefault("HOTLINE_AGI_PORT", "4573")))
            .put("queueName", queue)
            .put(
                "recordingsDir",
                env.getOrDefault(
                    "HOTLINE_RECORDINGS_DIR", dataDir.resolve("recordings").toString()));
    String amiHost = env.get("HOTLINE_AMI_HOST");
    SimulatedAmiServer simulator;
    JsonObject ami;
    if (amiHost == null || amiHost.isBlank()) {
      simulator = SimulatedAmiServer.onLoopback(new SimulatedPbx(Clock.systemUTC(), queue));
      ami = simulator.verticleConfig();
      LOG.warn(
          "no HOTLINE_AMI_HOST: the platform runs against its own PBX simulator (AMI on 127.0.0.1:{})",
          simulator.port());
    } else {
      simulator = null;
      ami =
          new JsonObject()
              .put("amiHost", amiHost)
              .put("amiPort", Integer.parseInt(env.getOrDefault("HOTLINE_AMI_PORT", "5038")))
              .put("amiUsername", env.getOrDefault("HOTLINE_AMI_USERNAME", "hotline"))
              .put("amiSecret", env.getOrDefault("HOTLINE_AMI_SECRET", ""))
              .put("queues", new JsonArray().add(queue));
    }
    FastAgiVerticle fastAgi = new FastAgiVerticle();
    return vertx
        .deployVerticle(fastAgi, new DeploymentOptions().setConfig(agi))
        .compose(
            id -> vertx.deployVerticle(new AmiVerticle(), new DeploymentOptions().setConfig(ami)))
        .map(
            id -> {
              int port = fastAgi.server().port();
              LOG.info("FastAGI listening on {}:{}", agi.getString("agiHost"), port);
              return new Started(port, simulator, simulatedCalls(vertx, env, agi, port, simulator));
            })
        .onFailure(
            e -> {
              if (simulator != null) {
                simulator.close();
              }
            });
  }
}
