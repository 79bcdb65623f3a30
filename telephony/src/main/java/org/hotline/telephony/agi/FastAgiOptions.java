package org.hotline.telephony.agi;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the FastAGI server, read from the verticle config (keys below, defaults in brackets).
 * Immutable.
 *
 * <ul>
 *   <li>{@code agiHost} [0.0.0.0], {@code agiPort} [4573] (0 picks a free port)
 *   <li>{@code commandTimeoutMs} [10000]: time allowed for a reply, on top of the command's own
 *       wait (prompt length, digit timeout, recording time)
 *   <li>{@code mediaTimeoutMs} [120000]: longest prompt playback allowed for STREAM FILE, GET DATA
 *       and EXEC
 *   <li>{@code environmentTimeoutMs} [10000]: time allowed for the whole {@code agi_*} block
 *   <li>{@code maxLineLength} [8192], {@code maxEnvironmentLines} [256]
 *   <li>{@code maxSessions} [5000]: connections beyond it are closed at once
 *   <li>{@code maxCallMs} [3600000]: a session running longer is closed
 * </ul>
 */
public record FastAgiOptions(
    String host,
    int port,
    long commandTimeoutMs,
    long mediaTimeoutMs,
    long environmentTimeoutMs,
    int maxLineLength,
    int maxEnvironmentLines,
    int maxSessions,
    long maxCallMs) {

  public static final String HOST = "agiHost";
  public static final String PORT = "agiPort";
  public static final String COMMAND_TIMEOUT_MS = "commandTimeoutMs";
  public static final String MEDIA_TIMEOUT_MS = "mediaTimeoutMs";
  public static final String ENVIRONMENT_TIMEOUT_MS = "environmentTimeoutMs";
  public static final String MAX_LINE_LENGTH = "maxLineLength";
  public static final String MAX_ENVIRONMENT_LINES = "maxEnvironmentLines";
  public static final String MAX_SESSIONS = "maxSessions";
  public static final String MAX_CALL_MS = "maxCallMs";

  public FastAgiOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(PORT + " out of range: " + port);
    }
    requirePositive(COMMAND_TIMEOUT_MS, commandTimeoutMs);
    requirePositive(MEDIA_TIMEOUT_MS, mediaTimeoutMs);
    requirePositive(ENVIRONMENT_TIMEOUT_MS, environmentTimeoutMs);
    requirePositive(MAX_LINE_LENGTH, maxLineLength);
    requirePositive(MAX_ENVIRONMENT_LINES, maxEnvironmentLines);
    requirePositive(MAX_SESSIONS, maxSessions);
    requirePositive(MAX_CALL_MS, maxCallMs);
  }

  private static void requirePositive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive: " + value);
    }
  }

  public static FastAgiOptions defaults() {
    return fromJson(new JsonObject());
  }

  public static FastAgiOptions fromJson(JsonObject config) {
    return new FastAgiOptions(
        config.getString(HOST, "0.0.0.0"),
        config.getInteger(PORT, 4573),
        config.getLong(COMMAND_TIMEOUT_MS, 10_000L),
        config.getLong(MEDIA_TIMEOUT_MS, 120_000L),
        config.getLong(ENVIRONMENT_TIMEOUT_MS, 10_000L),
        config.getInteger(MAX_LINE_LENGTH, 8192),
        config.getInteger(MAX_ENVIRONMENT_LINES, 256),
        config.getInteger(MAX_SESSIONS, 5000),
        config.getLong(MAX_CALL_MS, 3_600_000L));
  }

  public FastAgiOptions withPort(int newPort) {
    return new FastAgiOptions(
        host,
        newPort,
        commandTimeoutMs,
        mediaTimeoutMs,
        environmentTimeoutMs,
        maxLineLength,
        maxEnvironmentLines,
        maxSessions,
        maxCallMs);
  }
}
