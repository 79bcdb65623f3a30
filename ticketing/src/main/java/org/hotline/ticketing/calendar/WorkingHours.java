package org.hotline.ticketing.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The office hours of a working day, as one or more periods (e.g. 09:00-12:00 and 13:30-17:30).
 * Deadlines in working days are counted in this working time.
 */
public final class WorkingHours {

  /** One continuous stretch of working time within a day. */
  public record Period(LocalTime start, LocalTime end) {
    public Period {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("period end " + end + " is not after start " + start);
      }
    }

    Duration length() {
      return Duration.between(start, end);
    }
  }

  private final List<Period> periods;
  private final Duration dayLength;

  public WorkingHours(List<Period> periods) {
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("working hours need at least one period");
    }
    List<Period> sorted = new ArrayList<>(periods);
    sorted.sort(Comparator.comparing(Period::start));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
        throw new IllegalArgumentException("working periods overlap: " + sorted);
      }
    }
    this.periods = List.copyOf(sorted);
    this.dayLength = sorted.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
  }

  /** Parses "09:00-12:00,13:30-17:30". */
  public static WorkingHours parse(String text) {
    List<Period> periods = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] ends = part.trim().split("-");
      if (ends.length != 2) {
        throw new IllegalArgumentException(
            "bad working period '" + part + "', expected HH:mm-HH:mm");
      }
      periods.add(new Period(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
    }
    return new WorkingHours(periods);
  }

  public static WorkingHours standard() {
    return parse("09:00-12:00,13:30-17:30");
  }

  public List<Period> periods() {
    return periods;
  }

  /** The working time in one full working day: what "1 working day" of a deadline means. */
  public Duration dayLength() {
    return dayLength;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Period p : periods) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(p.start()).append('-').append(p.end());
    }
    return sb.toString();
  }
}
