package org.hotline.ticketing.callback;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.hotline.ticketing.calendar.WorkingCalendar;

/**
 * Settings of the callback loop (回访), stored as JSON under the {@code callback} key of the {@code
 * setting} table and read at every pass, so that an administrator's edit applies at once.
 *
 * @param due time after the centre accepted the reply by which the callback is due
 * @param firstDelay time after acceptance before the first survey call (the result SMS goes first)
 * @param callAttempts automatic survey calls before the SMS survey (0: SMS at once)
 * @param callSpacing time between two survey calls
 * @param allowedFrom start of the daily window (Asia/Shanghai) in which citizens are called or sent
 *     the SMS survey
 * @param allowedUntil end of that window (exclusive); the window does not wrap midnight
 * @param smsSurvey whether the SMS survey follows the calls (for citizens with a mobile)
 * @param smsReplyWait how long a survey SMS may stay unanswered before the citizen is unreachable
 */
public record CallbackSettings(
    Duration due,
    Duration firstDelay,
    int callAttempts,
    Duration callSpacing,
    LocalTime allowedFrom,
    LocalTime allowedUntil,
    boolean smsSurvey,
    Duration smsReplyWait) {

  public static final String SETTING_KEY = "callback";

  public CallbackSettings {
    if (callAttempts < 0 || callAttempts > 10) {
      throw new IllegalArgumentException("callAttempts must be 0..10");
    }
    if (!allowedUntil.isAfter(allowedFrom)) {
      throw new IllegalArgumentException("allowedHours: the end must be after the start");
    }
    if (due.isNegative() || firstDelay.isNegative() || smsReplyWait.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (callSpacing.isNegative() || callSpacing.isZero()) {
      throw new IllegalArgumentException("callSpacingMinutes must be positive");
    }
  }

  public static CallbackSettings defaults() {
    return new CallbackSettings(
        Duration.ofHours(24),
        Duration.ofMinutes(10),
        3,
        Duration.ofMinutes(30),
        LocalTime.of(9, 0),
        LocalTime.of(20, 0),
        true,
        Duration.ofHours(24));
  }

  /**
   * Reads the stored JSON; a missing field takes its default.
   *
   * @throws IllegalArgumentException naming the bad field
   */
  public static CallbackSettings fromJson(JsonObject j) {
    CallbackSettings d = defaults();
    LocalTime[] window = window(j.getValue("allowedHours"), d);
    return new CallbackSettings(
        minutes(j, "dueMinutes", d.due),
        minutes(j, "firstDelayMinutes", d.firstDelay),
        (int) whole(j, "callAttempts", d.callAttempts, 0, 10),
        minutes(j, "callSpacingMinutes", d.callSpacing),
        window[0],
        window[1],
        flag(j, "smsSurvey", d.smsSurvey),
        minutes(j, "smsReplyMinutes", d.smsReplyWait));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("dueMinutes", due.toMinutes())
        .put("firstDelayMinutes", firstDelay.toMinutes())
        .put("callAttempts", callAttempts)
        .put("callSpacingMinutes", callSpacing.toMinutes())
        .put("allowedHours", allowedFrom + "-" + allowedUntil)
        .put("smsSurvey", smsSurvey)
        .put("smsReplyMinutes", smsReplyWait.toMinutes());
  }

  /** True when citizens may be called or texted at {@code at} (local time in Shanghai). */
  public boolean allowed(ZonedDateTime at) {
    LocalTime t = at.withZoneSameInstant(WorkingCalendar.SHANGHAI).toLocalTime();
    return !t.isBefore(allowedFrom) && t.isBefore(allowedUntil);
  }

  /** The first allowed moment at or after {@code at}. */
  public ZonedDateTime nextAllowed(ZonedDateTime at) {
    ZonedDateTime local = at.withZoneSameInstant(WorkingCalendar.SHANGHAI);
    if (allowed(local)) {
      return local;
    }
    ZonedDateTime opening = local.with(allowedFrom).withSecond(0).withNano(0);
    return local.toLocalTime().isBefore(allowedFrom) ? opening : opening.plusDays(1);
  }

  private static LocalTime[] window(Object value, CallbackSettings d) {
    if (value == null) {
      return new LocalTime[] {d.allowedFrom, d.allowedUntil};
    }
    String s = String.valueOf(value).trim();
    String[] ends = s.split("-");
    try {
      if (ends.length != 2) {
        throw new IllegalArgumentException();
      }
      return new LocalTime[] {LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())};
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "allowedHours must look like 09:00-20:00, got '" + s + "'");
    }
  }

  private static Duration minutes(JsonObject j, String field, Duration dflt) {
    return Duration.ofMinutes(whole(j, field, dflt.toMinutes(), 0, 60L * 24 * 30));
  }

  private static long whole(JsonObject j, String field, long dflt, long min, long max) {
    Object v = j.getValue(field);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException(field + " must be a whole number");
    }
    if (n.longValue() < min || n.longValue() > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
    }
    return n.longValue();
  }

  private static boolean flag(JsonObject j, String field, boolean dflt) {
    Object v = j.getValue(field);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException(field + " must be true or false");
    }
    return b;
  }
}
