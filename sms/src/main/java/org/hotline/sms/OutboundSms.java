package org.hotline.sms;

import java.util.Objects;

/**
 * A message the core wants sent.
 *
 * @param number destination MSISDN (digits, optional leading +)
 * @param text the rendered text (any length up to {@link #MAX_SEGMENTS} segments)
 * @param kind what it is for; decides quiet hours and opt-out
 * @param urgent urgent messages ignore quiet hours and are claimed first
 * @param ticketId the work order it belongs to, or null
 * @param dedupeKey idempotency key, unique over all messages (e.g. "receipt:2024-000123"); a second
 *     enqueue with the same key returns the first message's id and writes nothing
 */
public record OutboundSms(
    String number, String text, SmsKind kind, boolean urgent, Long ticketId, String dedupeKey) {

  /** Longest message accepted: 10 segments (≈ 670 Chinese characters). */
  public static final int MAX_SEGMENTS = 10;

  public OutboundSms {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    if (!number.matches("\\+?[0-9]{3,20}")) {
      throw new IllegalArgumentException("number: not an MSISDN: " + number);
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("text: empty");
    }
    if (dedupeKey.isBlank() || dedupeKey.length() > 200) {
      throw new IllegalArgumentException("dedupeKey: empty or longer than 200");
    }
  }

  /** Convenience for a non-urgent message. */
  public static OutboundSms of(
      String number, String text, SmsKind kind, Long ticketId, String key) {
    return new OutboundSms(number, text, kind, false, ticketId, key);
  }
}
