package org.hotline.sms.smpp;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * SMPP link settings. Read from the verticle config (keys below) which the core fills from the
 * environment: {@code host} (HOTLINE_SMPP_HOST; empty runs the simulator), {@code port}
 * (HOTLINE_SMPP_PORT, 2775), {@code systemId}, {@code password}, {@code systemType}, {@code
 * sourceAddress} (12345), {@code bindMode} TRX|TX_RX, {@code window} (50 outstanding submit_sm),
 * {@code ratePerSecond} (200; 0 = unlimited), {@code enquireLinkSeconds} (30), {@code
 * responseTimeoutSeconds} (10), {@code rebindMaxSeconds} (30), {@code tagMessages} (true), {@code
 * receiverThreads} (8).
 */
public record SmppConfig(
    String host,
    int port,
    String systemId,
    String password,
    String systemType,
    String sourceAddress,
    BindMode bindMode,
    int window,
    int ratePerSecond,
    Duration enquireLink,
    Duration responseTimeout,
    Duration rebindMin,
    Duration rebindMax,
    boolean tagMessages,
    int receiverThreads) {

  public SmppConfig {
    if (window < 1 || window > 1000) {
      throw new IllegalArgumentException("window must be 1..1000: " + window);
    }
    if (ratePerSecond < 0) {
      throw new IllegalArgumentException("ratePerSecond must be >= 0: " + ratePerSecond);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Reads the config object described in the class comment; missing keys take defaults. */
  public static SmppConfig fromJson(JsonObject c) {
    return new SmppConfig(
        c.getString("host", ""),
        c.getInteger("port", 2775),
        c.getString("systemId", "hotline"),
        c.getString("password", ""),
        c.getString("systemType", ""),
        c.getString("sourceAddress", "12345"),
        BindMode.valueOf(c.getString("bindMode", "TRX")),
        c.getInteger("window", 50),
        c.getInteger("ratePerSecond", 200),
        Duration.ofSeconds(c.getInteger("enquireLinkSeconds", 30)),
        Duration.ofSeconds(c.getInteger("responseTimeoutSeconds", 10)),
        Duration.ofMillis(c.getInteger("rebindMinMillis", 500)),
        Duration.ofSeconds(c.getInteger("rebindMaxSeconds", 30)),
        c.getBoolean("tagMessages", true),
        c.getInteger("receiverThreads", 32));
  }

  /** A copy pointing at another host and port (used to aim at the simulator). */
  public SmppConfig withEndpoint(String h, int p) {
    return new SmppConfig(
        h,
        p,
        systemId,
        password,
        systemType,
        sourceAddress,
        bindMode,
        window,
        ratePerSecond,
        enquireLink,
        responseTimeout,
        rebindMin,
        rebindMax,
        tagMessages,
        receiverThreads);
  }

  /** A copy with other credentials. */
  public SmppConfig withCredentials(String id, String pw) {
    return new SmppConfig(
        host,
        port,
        id,
        pw,
        systemType,
        sourceAddress,
        bindMode,
        window,
        ratePerSecond,
        enquireLink,
        responseTimeout,
        rebindMin,
        rebindMax,
        tagMessages,
        receiverThreads);
  }
}
