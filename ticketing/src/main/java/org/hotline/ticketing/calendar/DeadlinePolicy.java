package org.hotline.ticketing.calendar;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a unit has to sign (签收) and to complete (办结) an order, counted from dispatch. Normal
 * orders count in working days on the {@link WorkingCalendar}; urgent ones in natural time.
 */
public final class DeadlinePolicy {

  /** The request types of GB/T 39666 style intake: 咨询, 求助, 投诉, 举报, 建议, 表扬. */
  public enum RequestType {
    CONSULT,
    HELP,
    COMPLAINT,
    REPORT,
    SUGGESTION,
    PRAISE
  }

  /** A pair of deadlines for one dispatch. */
  public record Deadlines(ZonedDateTime sign, ZonedDateTime due) {}

  private final int signWorkingDays;
  private final Duration urgentSign;
  private final Duration urgentDue;
  private final Map<RequestType, Integer> dueWorkingDays;

  public DeadlinePolicy(
      int signWorkingDays,
      Duration urgentSign,
      Duration urgentDue,
      Map<RequestType, Integer> dueWorkingDays) {
    for (RequestType type : RequestType.values()) {
      if (!dueWorkingDays.containsKey(type)) {
        throw new IllegalArgumentException("no completion deadline for request type " + type);
      }
    }
    this.signWorkingDays = signWorkingDays;
    this.urgentSign = urgentSign;
    this.urgentDue = urgentDue;
    this.dueWorkingDays = Map.copyOf(dueWorkingDays);
  }

  /** The defaults: sign in 1 working day (urgent 30 min); 咨询 2, 求助/建议 10, 投诉/举报 15 days. */
  public static DeadlinePolicy defaults() {
    Map<RequestType, Integer> due = new EnumMap<>(RequestType.class);
    due.put(RequestType.CONSULT, 2);
    due.put(RequestType.HELP, 10);
    due.put(RequestType.SUGGESTION, 10);
    due.put(RequestType.COMPLAINT, 15);
    due.put(RequestType.REPORT, 15);
    due.put(RequestType.PRAISE, 10);
    return new DeadlinePolicy(1, Duration.ofMinutes(30), Duration.ofHours(24), due);
  }

  public int signWorkingDays() {
    return signWorkingDays;
  }

  public int dueWorkingDays(RequestType type) {
    return dueWorkingDays.get(type);
  }

  public Deadlines compute(
      WorkingCalendar calendar, ZonedDateTime dispatchedAt, RequestType type, boolean urgent) {
    if (urgent) {
      return new Deadlines(dispatchedAt.plus(urgentSign), dispatchedAt.plus(urgentDue));
    }
    return new Deadlines(
        calendar.addWorkingDays(dispatchedAt, signWorkingDays),
        calendar.addWorkingDays(dispatchedAt, dueWorkingDays.get(type)));
  }

  /**
   * Moves a deadline on by the time the clock stood still while a request awaited the centre's
   * decision: working time for normal orders, natural time for urgent ones.
   */
  public ZonedDateTime shift(
      WorkingCalendar calendar,
      ZonedDateTime deadline,
      ZonedDateTime pausedFrom,
      ZonedDateTime pausedUntil,
      boolean urgent) {
    if (deadline == null || !pausedUntil.isAfter(pausedFrom)) {
      return deadline;
    }
    if (urgent) {
      return deadline.plus(Duration.between(pausedFrom, pausedUntil));
    }
    return calendar.addWorkingTime(deadline, calendar.workingTimeBetween(pausedFrom, pausedUntil));
  }
}
