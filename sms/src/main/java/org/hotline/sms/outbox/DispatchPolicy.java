package org.hotline.sms.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.hotline.sms.SmsKind;

/**
 * Decides, for a claimed message, whether it goes now. In order: messages older than the maximum
 * age fail; non-essential messages to an opted-out number fail ("opted out"); deferrable kinds that
 * are not urgent wait for the end of quiet hours; a number over its hourly limit waits for the next
 * hour (urgent messages and opt-out confirmations are exempt). Pure.
 */
public final class DispatchPolicy {

  /** The verdict. {@code until} is set for DEFER, {@code reason} for FAIL and DEFER. */
  public record Decision(Action action, Instant until, String reason) {
    static final Decision SEND = new Decision(Action.SEND, null, null);
  }

  public enum Action {
    SEND,
    DEFER,
    FAIL
  }

  private final QuietHours quietHours;
  private final Duration maxAge;
  private final int perNumberPerHour;

  /**
   * @param perNumberPerHour outbound messages per number and clock hour; 0 for no limit
   */
  public DispatchPolicy(QuietHours quietHours, Duration maxAge, int perNumberPerHour) {
    this.quietHours = quietHours;
    this.maxAge = maxAge;
    this.perNumberPerHour = perNumberPerHour;
  }

  /**
   * @param sentThisHour messages already sent to this number in the current clock hour
   */
  public Decision decide(
      SmsKind kind,
      boolean urgent,
      Instant createdAt,
      boolean optedOut,
      int sentThisHour,
      Instant now) {
    if (createdAt.plus(maxAge).isBefore(now)) {
      return new Decision(Action.FAIL, null, "gave up: not sent within " + maxAge);
    }
    if (optedOut && !kind.essential()) {
      return new Decision(Action.FAIL, null, "opted out (TD)");
    }
    if (kind.deferrable() && !urgent) {
      Optional<Instant> until = quietHours.deferUntil(now);
      if (until.isPresent()) {
        return new Decision(Action.DEFER, until.get(), "quiet hours " + quietHours);
      }
    }
    if (perNumberPerHour > 0
        && !urgent
        && kind != SmsKind.OPT_OUT_CONFIRM
        && sentThisHour >= perNumberPerHour) {
      Instant nextHour = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
      return new Decision(Action.DEFER, nextHour, "rate limit " + perNumberPerHour + "/h");
    }
    return Decision.SEND;
  }
}
