package org.hotline.telephony.agi.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names of the prompt files the IVR plays (relative to Asterisk's sounds directory, no extension).
 * Their Chinese texts are in {@code org/hotline/telephony/prompts.tsv}, from which the prompt
 * generator makes the audio files.
 */
public final class IvrPrompts {
  private IvrPrompts() {}

  /** GB/T 33358: with no key pressed the hotline script hands the call back within this time. */
  public static final long HAND_BACK_MS = 5000;

  private static final Map<String, Long> LENGTHS = new LinkedHashMap<>();
  private static final Map<String, String> TEXTS = new LinkedHashMap<>();

  static {
    load();
  }

  public static final String WELCOME_DAY = "hotline/welcome-day";
  public static final String WELCOME_NIGHT = "hotline/welcome-night";
  public static final String WELCOME_HOLIDAY = "hotline/welcome-holiday";
  public static final String BLOCKED = "hotline/blocked";
  public static final String ORDER_ENTER = "hotline/order-enter";
  public static final String INPUT_INVALID = "hotline/input-invalid";
  public static final String ORDER_NOT_FOUND = "hotline/order-not-found";
  public static final String ORDER_NUMBER_IS = "hotline/order-number-is";
  public static final String ORDER_DUE = "hotline/order-due";
  public static final String ORDER_UNAVAILABLE = "hotline/order-unavailable";
  public static final String TRANSFER_AGENT = "hotline/transfer-agent";
  public static final String VOICEMAIL_NO_AGENT = "hotline/voicemail-no-agent";
  public static final String VOICEMAIL_OFFER = "hotline/voicemail-offer";
  public static final String VOICEMAIL_THANKS = "hotline/voicemail-thanks";
  public static final String VOICEMAIL_EMPTY = "hotline/voicemail-empty";
  public static final String SURVEY_RATE = "survey/rate";
  public static final String CALLBACK_SURVEY_RATE = "survey/callback-rate";
  public static final String SURVEY_INVALID = "survey/invalid";
  public static final String SURVEY_THANKS = "survey/thanks";
  public static final String SURVEY_GOODBYE = "survey/goodbye";

  /**
   * How long a prompt plays, in ms, as prompts.tsv says (the generator checks its files against
   * it); the scripts plan their timing with it.
   */
  public static long lengthMs(String name) {
    Long ms = LENGTHS.get(name);
    if (ms == null) {
      throw new IllegalArgumentException("no such prompt in prompts.tsv: " + name);
    }
    return ms;
  }

  /** Every prompt of prompts.tsv with its length in ms. */
  public static Map<String, Long> lengths() {
    return java.util.Collections.unmodifiableMap(LENGTHS);
  }

  /** The Chinese text of a prompt, or null for a name prompts.tsv does not know. */
  public static String text(String name) {
    return TEXTS.get(name);
  }

  /** The longest of the three greetings. */
  public static long longestWelcomeMs() {
    return Math.max(
        lengthMs(WELCOME_DAY), Math.max(lengthMs(WELCOME_NIGHT), lengthMs(WELCOME_HOLIDAY)));
  }

  private static void load() {
    try (InputStream in =
        IvrPrompts.class.getResourceAsStream("/org/hotline/telephony/prompts.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.split("\t");
        if (!line.isBlank() && !line.startsWith("#") && parts.length == 3) {
          LENGTHS.put(parts[0], Long.parseLong(parts[2].trim()));
          TEXTS.put(parts[0], parts[1]);
        }
      }
    } catch (IOException | NullPointerException | NumberFormatException e) {
      throw new IllegalStateException("prompts.tsv missing or malformed", e);
    }
  }

  /** The greeting for {@code day}, {@code night} or {@code holiday}. */
  public static String welcome(String greeting) {
    return switch (greeting) {
      case "night" -> WELCOME_NIGHT;
      case "holiday" -> WELCOME_HOLIDAY;
      default -> WELCOME_DAY;
    };
  }

  /** One prompt per work-order state, {@code hotline/order-state-unknown} for anything else. */
  public static String orderState(String state) {
    String known =
        switch (state.toUpperCase(java.util.Locale.ROOT)) {
          case "RECEIVED",
              "DISPATCHED",
              "ACCEPTED",
              "REPLIED",
              "CALLBACK",
              "CLOSED",
              "ANSWERED",
              "MERGED" ->
              state.toLowerCase(java.util.Locale.ROOT);
          default -> "unknown";
        };
    return "hotline/order-state-" + known;
  }
}
