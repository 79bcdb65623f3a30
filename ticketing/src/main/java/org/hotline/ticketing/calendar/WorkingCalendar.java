package org.hotline.ticketing.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * The working calendar (工作日历): weekends, statutory holidays and swapped working days (调休), with
 * office hours. Pure and immutable, so it is safe to share between threads; all arithmetic happens
 * in the calendar's zone (Asia/Shanghai for the platform).
 */
public final class WorkingCalendar {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** What an entered day is: a day off on a weekday, or a working day on a weekend (调休上班). */
  public enum DayKind {
    HOLIDAY,
    WORKDAY
  }

  private final Map<LocalDate, DayKind> specialDays;
  private final Set<Integer> officialYears;
  private final WorkingHours hours;
  private final ZoneId zone;

  public WorkingCalendar(
      Map<LocalDate, DayKind> specialDays,
      Set<Integer> officialYears,
      WorkingHours hours,
      ZoneId zone) {
    this.specialDays = Map.copyOf(specialDays);
    this.officialYears = Set.copyOf(officialYears);
    this.hours = hours;
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  public WorkingHours hours() {
    return hours;
  }

  public boolean isWorkingDay(LocalDate day) {
    DayKind kind = specialDays.get(day);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /**
   * True when the State Council's arrangement for the year has been entered; deadlines reaching
   * into other years are computed from weekends and statutory days only and deserve a warning.
   */
  public boolean hasOfficialArrangement(int year) {
    return officialYears.contains(year);
  }

  /** Adds working days, each worth one full day of office hours. */
  public ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
    return addWorkingTime(start, hours.dayLength().multipliedBy(days));
  }

  /**
   * Moves forward by an amount of working time: time outside office hours, on weekends and on
   * holidays does not count. A start outside office hours counts from the next working moment.
   */
  public ZonedDateTime addWorkingTime(ZonedDateTime start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("negative working time: " + amount);
    }
    LocalDateTime cursor = start.withZoneSameInstant(zone).toLocalDateTime();
    Duration left = amount;
    // Bounded: 10 years of days is far beyond any deadline; guards against an all-holiday calendar.
    for (int guard = 0; guard < 3660; guard++) {
      LocalDate day = cursor.toLocalDate();
      if (isWorkingDay(day)) {
        for (WorkingHours.Period p : hours.periods()) {
          LocalDateTime from = max(cursor, day.atTime(p.start()));
          LocalDateTime to = day.atTime(p.end());
          if (!from.isBefore(to)) {
            continue;
          }
          Duration available = Duration.between(from, to);
          if (left.compareTo(available) <= 0) {
            return from.plus(left).atZone(zone);
          }
          left = left.minus(available);
          cursor = to;
        }
      }
      cursor = day.plusDays(1).atStartOfDay();
    }
    throw new IllegalStateException("no working time found within 10 years of " + start);
  }

  /** The working time that elapses between two instants (zero when end is not after start). */
  public Duration workingTimeBetween(ZonedDateTime start, ZonedDateTime end) {
    LocalDateTime from = start.withZoneSameInstant(zone).toLocalDateTime();
    LocalDateTime until = end.withZoneSameInstant(zone).toLocalDateTime();
    Duration total = Duration.ZERO;
    for (LocalDate day = from.toLocalDate();
        !day.isAfter(until.toLocalDate());
        day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (WorkingHours.Period p : hours.periods()) {
        LocalDateTime a = max(from, day.atTime(p.start()));
        LocalDateTime b = min(until, day.atTime(p.end()));
        if (a.isBefore(b)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
