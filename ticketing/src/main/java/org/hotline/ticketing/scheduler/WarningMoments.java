package org.hotline.ticketing.scheduler;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.hotline.ticketing.calendar.WorkingCalendar;

/**
 * When a deadline deserves a warning: once a share (75 % by default) of its time is used. Normal
 * orders count working time on the calendar from dispatch to the deadline; urgent orders count
 * natural time. Pure.
 */
public final class WarningMoments {

  private final WorkingCalendar calendar;
  private final int percent;

  public WarningMoments(WorkingCalendar calendar, int percent) {
    this.calendar = calendar;
    this.percent = percent;
  }

  /** The warning moment, or the deadline itself when there is no start to count from. */
  public ZonedDateTime warnAt(ZonedDateTime dispatchedAt, ZonedDateTime deadline, boolean urgent) {
    if (deadline == null) {
      return null;
    }
    if (dispatchedAt == null || !deadline.isAfter(dispatchedAt)) {
      return deadline;
    }
    if (urgent) {
      Duration total = Duration.between(dispatchedAt, deadline);
      return dispatchedAt.plus(share(total));
    }
    Duration working = calendar.workingTimeBetween(dispatchedAt, deadline);
    if (working.isZero()) {
      return deadline;
    }
    return calendar.addWorkingTime(dispatchedAt, share(working));
  }

  private Duration share(Duration total) {
    return Duration.ofSeconds(total.toSeconds() * percent / 100);
  }
}
