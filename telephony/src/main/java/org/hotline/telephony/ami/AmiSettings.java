package org.hotline.telephony.ami;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.List;

/**
 * Configuration of {@link AmiVerticle}, read from its JsonObject config with defaults and checked
 * at start. Keys: {@code amiHost} (required), {@code amiPort} 5038, {@code amiUsername} (required),
 * {@code amiSecret} (required), {@code queues} ["hotline"], {@code reconnectInitialMs} 500, {@code
 * reconnectMaxMs} 30000, {@code actionTimeoutMs} 5000, {@code wallboardIntervalMs} 1000, {@code
 * timeZone} "Asia/Shanghai", {@code serviceLevelSeconds} 15, {@code simulated} false, {@code
 * dialoutContext} "hotline-dialout", {@code surveyContext} "callback-survey", {@code
 * transferContext} "hotline-transfer", {@code transferTargets} ["110","119","120","122"], {@code
 * agentInterfaceTemplate} "PJSIP/{agent}", {@code callerId} "12345", {@code originateTimeoutMs}
 * 30000, {@code heartbeatMs} 20000 (a Ping; the link counts as dead after three intervals without a
 * byte from Asterisk), {@code conferenceContext} "hotline-conference" (its extensions run {@code
 * ConfBridge(${EXTEN})}: emergency three-way calls).
 */
public record AmiSettings(
    String host,
    int port,
    String username,
    String secret,
    List<String> queues,
    long reconnectInitialMs,
    long reconnectMaxMs,
    long actionTimeoutMs,
    long wallboardIntervalMs,
    ZoneId zone,
    long serviceLevelSeconds,
    boolean simulated,
    String dialoutContext,
    String surveyContext,
    String transferContext,
    List<String> transferTargets,
    String agentInterfaceTemplate,
    String callerId,
    long originateTimeoutMs,
    long heartbeatMs,
    String conferenceContext) {

  /** Reads and checks the verticle config; throws IllegalArgumentException naming the bad key. */
  public static AmiSettings from(JsonObject c) {
    AmiSettings s =
        new AmiSettings(
            required(c, "amiHost"),
            c.getInteger("amiPort", 5038),
            required(c, "amiUsername"),
            required(c, "amiSecret"),
            strings(c.getJsonArray("queues", new JsonArray().add("hotline"))),
            c.getLong("reconnectInitialMs", 500L),
            c.getLong("reconnectMaxMs", 30_000L),
            c.getLong("actionTimeoutMs", 5_000L),
            c.getLong("wallboardIntervalMs", 1_000L),
            ZoneId.of(c.getString("timeZone", "Asia/Shanghai")),
            c.getLong("serviceLevelSeconds", 15L),
            c.getBoolean("simulated", false),
            c.getString("dialoutContext", "hotline-dialout"),
            c.getString("surveyContext", "callback-survey"),
            c.getString("transferContext", "hotline-transfer"),
            strings(
                c.getJsonArray(
                    "transferTargets",
                    new JsonArray().add("110").add("119").add("120").add("122"))),
            c.getString("agentInterfaceTemplate", "PJSIP/{agent}"),
            c.getString("callerId", "12345"),
            c.getLong("originateTimeoutMs", 30_000L),
            c.getLong("heartbeatMs", 20_000L),
            c.getString("conferenceContext", "hotline-conference"));
    if (s.port <= 0 || s.port > 65535) {
      throw new IllegalArgumentException("amiPort must be 1..65535, was " + s.port);
    }
    if (s.queues.isEmpty()) {
      throw new IllegalArgumentException("queues must name at least one queue");
    }
    if (s.reconnectInitialMs <= 0 || s.reconnectMaxMs < s.reconnectInitialMs) {
      throw new IllegalArgumentException(
          "reconnectInitialMs/reconnectMaxMs: need 0 < initial <= max");
    }
    if (s.wallboardIntervalMs <= 0 || s.actionTimeoutMs <= 0 || s.heartbeatMs <= 0) {
      throw new IllegalArgumentException(
          "wallboardIntervalMs, actionTimeoutMs and heartbeatMs must be > 0");
    }
    return s;
  }

  /**
   * The verticle config from the platform's environment: {@code HOTLINE_AMI_HOST}, {@code
   * HOTLINE_AMI_PORT} (5038), {@code HOTLINE_AMI_USERNAME}, {@code HOTLINE_AMI_SECRET}. Empty when
   * no host is set: the platform then runs against its PBX simulator (and says so).
   */
  public static java.util.Optional<JsonObject> configFromEnvironment(
      java.util.Map<String, String> env) {
    String host = env.get("HOTLINE_AMI_HOST");
    if (host == null || host.isBlank()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new JsonObject()
            .put("amiHost", host)
            .put("amiPort", Integer.parseInt(env.getOrDefault("HOTLINE_AMI_PORT", "5038")))
            .put("amiUsername", env.getOrDefault("HOTLINE_AMI_USERNAME", ""))
            .put("amiSecret", env.getOrDefault("HOTLINE_AMI_SECRET", "")));
  }

  public String defaultQueue() {
    return queues.get(0);
  }

  private static String required(JsonObject c, String key) {
    String v = c.getString(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing config key " + key);
    }
    return v;
  }

  private static List<String> strings(JsonArray a) {
    return a.stream().map(String::valueOf).toList();
  }
}
