package org.hotline.telephony.agi.script;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * The core's answer about an order (reply of {@code telephony.ivr.order-status}); {@code available}
 * is false when the core did not answer.
 */
public record OrderStatus(
    boolean available, boolean found, String state, String stateText, String dueDate) {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public static OrderStatus unavailable() {
    return new OrderStatus(false, false, "", "", null);
  }

  public static OrderStatus fromJson(JsonObject json) {
    return new OrderStatus(
        true,
        json.getBoolean("found", false),
        json.getString("state", ""),
        json.getString("stateText", ""),
        json.getString("dueDate"));
  }

  /** The due date as epoch seconds for SAY DATE; a bare date means that day in China. */
  public OptionalLong dueEpochSeconds() {
    if (dueDate == null || dueDate.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(OffsetDateTime.parse(dueDate).toEpochSecond());
    } catch (DateTimeParseException notDateTime) {
      try {
        return OptionalLong.of(LocalDate.parse(dueDate).atStartOfDay(CHINA).toEpochSecond());
      } catch (DateTimeParseException notDate) {
        return OptionalLong.empty();
      }
    }
  }
}
