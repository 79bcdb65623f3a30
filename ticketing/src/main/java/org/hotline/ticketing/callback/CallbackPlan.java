package org.hotline.ticketing.callback;

import java.time.ZonedDateTime;

/**
 * What the loop does next for one order's callback task: survey calls spaced apart, then the SMS
 * survey, then "unreachable"; contacts only inside the allowed hours. Pure: the loop feeds it what
 * the database says has happened and the time.
 */
public final class CallbackPlan {

  /**
   * The next step. {@code until} is set for {@link Kind#WAIT}, {@code seq} for {@link Kind#CALL}.
   */
  public record Step(Kind kind, ZonedDateTime until, int seq) {
    static Step waitUntil(ZonedDateTime t) {
      return new Step(Kind.WAIT, t, 0);
    }
  }

  public enum Kind {
    /** Nothing to do before {@code until}. */
    WAIT,
    /** Place survey call number {@code seq} (1-based). */
    CALL,
    /** Send the SMS survey. */
    SMS,
    /** Give up: the citizen could not be reached. */
    UNREACHABLE
  }

  /**
   * What has happened so far.
   *
   * @param acceptedAt when the task was created (the centre accepted the reply)
   * @param callsMade survey calls placed (or maybe placed, after a crash)
   * @param lastCallAt when the last of them was placed, or null
   * @param smsSentAt when the SMS survey was enqueued, or null
   * @param phone whether the citizen left a number at all
   * @param mobile whether that number receives SMS
   */
  public record Progress(
      ZonedDateTime acceptedAt,
      int callsMade,
      ZonedDateTime lastCallAt,
      ZonedDateTime smsSentAt,
      boolean phone,
      boolean mobile) {}

  private final CallbackSettings settings;

  public CallbackPlan(CallbackSettings settings) {
    this.settings = settings;
  }

  public Step next(Progress p, ZonedDateTime now) {
    if (!p.phone()) {
      return new Step(Kind.UNREACHABLE, null, 0);
    }
    ZonedDateTime start = p.acceptedAt().plus(settings.firstDelay());
    if (now.isBefore(start)) {
      return Step.waitUntil(start);
    }
    ZonedDateTime afterLastCall =
        p.lastCallAt() == null ? null : p.lastCallAt().plus(settings.callSpacing());
    if (afterLastCall != null && now.isBefore(afterLastCall) && p.smsSentAt() == null) {
      return Step.waitUntil(afterLastCall); // let the last call ring out and its rating arrive
    }
    if (p.callsMade() < settings.callAttempts()) {
      return contact(new Step(Kind.CALL, null, p.callsMade() + 1), now);
    }
    if (p.smsSentAt() == null && settings.smsSurvey() && p.mobile()) {
      return contact(new Step(Kind.SMS, null, 0), now);
    }
    if (p.smsSentAt() != null) {
      ZonedDateTime replyBy = p.smsSentAt().plus(settings.smsReplyWait());
      if (now.isBefore(replyBy)) {
        return Step.waitUntil(replyBy);
      }
    }
    return new Step(Kind.UNREACHABLE, null, 0);
  }

  private Step contact(Step step, ZonedDateTime now) {
    return settings.allowed(now) ? step : Step.waitUntil(settings.nextAllowed(now));
  }
}
