package org.hotline.telephony.agi.script;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the IVR scripts, read from the same config as the FastAGI server (keys below,
 * defaults in brackets). Immutable.
 *
 * <ul>
 *   <li>{@code queueName} [hotline]: written to {@code HOTLINE_QUEUE} for the dialplan's Queue()
 *   <li>{@code coreTimeoutMs} [800]: how long the IVR waits for the core on the event bus
 *   <li>{@code maxWaitSeconds} [300]: expected wait above which voicemail is offered
 *   <li>{@code recordingsDir} [/var/spool/asterisk/hotline]: where Asterisk writes voicemails
 *   <li>{@code recordFormat} [wav], {@code recordMaxMs} [120000], {@code minVoicemailSeconds} [1]
 *   <li>{@code digitTimeoutMs} [5000]: GET DATA timeout for order numbers and survey keys
 *   <li>{@code maxRetries} [2]: re-prompts after invalid or missing input
 *   <li>{@code language} [zh]: written to {@code HOTLINE_LANG}
 * </ul>
 */
public record IvrSettings(
    String queueName,
    long coreTimeoutMs,
    int maxWaitSeconds,
    String recordingsDir,
    String recordFormat,
    long recordMaxMs,
    int minVoicemailSeconds,
    long digitTimeoutMs,
    int maxRetries,
    String language) {

  public static final String QUEUE_NAME = "queueName";
  public static final String CORE_TIMEOUT_MS = "coreTimeoutMs";
  public static final String MAX_WAIT_SECONDS = "maxWaitSeconds";
  public static final String RECORDINGS_DIR = "recordingsDir";
  public static final String RECORD_FORMAT = "recordFormat";
  public static final String RECORD_MAX_MS = "recordMaxMs";
  public static final String MIN_VOICEMAIL_SECONDS = "minVoicemailSeconds";
  public static final String DIGIT_TIMEOUT_MS = "digitTimeoutMs";
  public static final String MAX_RETRIES = "maxRetries";
  public static final String LANGUAGE = "language";

  public IvrSettings {
    if (queueName.isBlank() || coreTimeoutMs <= 0 || digitTimeoutMs <= 0 || recordMaxMs <= 0) {
      throw new IllegalArgumentException(
          "IVR settings need a queue name and positive timeouts: " + queueName);
    }
    if (maxRetries < 0 || maxWaitSeconds < 0 || minVoicemailSeconds < 0) {
      throw new IllegalArgumentException("IVR settings must not be negative");
    }
  }

  public static IvrSettings fromJson(JsonObject config) {
    return new IvrSettings(
        config.getString(QUEUE_NAME, "hotline"),
        config.getLong(CORE_TIMEOUT_MS, 800L),
        config.getInteger(MAX_WAIT_SECONDS, 300),
        config.getString(RECORDINGS_DIR, "/var/spool/asterisk/hotline"),
        config.getString(RECORD_FORMAT, "wav"),
        config.getLong(RECORD_MAX_MS, 120_000L),
        config.getInteger(MIN_VOICEMAIL_SECONDS, 1),
        config.getLong(DIGIT_TIMEOUT_MS, 5000L),
        config.getInteger(MAX_RETRIES, 2),
        config.getString(LANGUAGE, "zh"));
  }
}
