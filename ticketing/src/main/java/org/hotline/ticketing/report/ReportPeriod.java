package org.hotline.ticketing.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * A report period: whole days in Asia/Shanghai from {@code first} to {@code last} inclusive. A day,
 * an ISO week (Monday to Sunday) or a calendar month around a date, or custom dates.
 */
public record ReportPeriod(String kind, LocalDate first, LocalDate last, ZoneId zone) {

  public static final List<String> KINDS = List.of("day", "week", "month", "custom");

  /** Longest custom period: a year and a day (a leap year's worth of daily rows). */
  public static final int MAX_DAYS = 366;

  /**
   * Reads {@code period}, {@code date} (day/week/month; default today) or {@code from} and {@code
   * to} (custom), each an ISO date; a bad value is a 400 naming the parameter.
   */
  public static ReportPeriod parse(
      String period, String date, String from, String to, LocalDate today, ZoneId zone) {
    String kind = period == null ? "day" : period;
    if (!KINDS.contains(kind)) {
      throw WorkflowException.invalid("period", "period must be one of " + KINDS);
    }
    if (kind.equals("custom")) {
      LocalDate f = date("from", from, null);
      LocalDate t = date("to", to, null);
      if (t.isBefore(f)) {
        throw WorkflowException.invalid("to", "to must not be before from");
      }
      if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_DAYS) {
        throw WorkflowException.invalid(
            "to", "a custom period spans at most " + MAX_DAYS + " days");
      }
      return new ReportPeriod(kind, f, t, zone);
    }
    if (from != null || to != null) {
      throw WorkflowException.invalid(
          from != null ? "from" : "to", "from and to go with period=custom only");
    }
    LocalDate d = date("date", date, today);
    return switch (kind) {
      case "day" -> new ReportPeriod(kind, d, d, zone);
      case "week" -> {
        LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new ReportPeriod(kind, monday, monday.plusDays(6), zone);
      }
      default -> {
        LocalDate firstOfMonth = d.withDayOfMonth(1);
        yield new ReportPeriod(
            kind, firstOfMonth, firstOfMonth.with(TemporalAdjusters.lastDayOfMonth()), zone);
      }
    };
  }

  /** An ISO date parameter, or the default when absent (null default: required). */
  public static LocalDate date(String field, String raw, LocalDate dflt) {
    if (raw == null) {
      if (dflt == null) {
        throw WorkflowException.invalid(field, field + " is required (YYYY-MM-DD)");
      }
      return dflt;
    }
    try {
      LocalDate d = LocalDate.parse(raw);
      if (d.getYear() < 2000 || d.getYear() > 2100) {
        throw WorkflowException.invalid(field, field + " must lie between 2000 and 2100");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw WorkflowException.invalid(
          field, field + " must be a date YYYY-MM-DD, not '" + raw + "'");
    }
  }

  /** The first instant of the period. */
  public OffsetDateTime start() {
    return first.atStartOfDay(zone).toOffsetDateTime();
  }

  /** The first instant after the period. */
  public OffsetDateTime end() {
    return last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }

  /** For file names and titles: 2026-12-01 or 2026-12-01_2026-12-07. */
  public String label() {
    return first.equals(last) ? first.toString() : first + "_" + last;
  }
}
