package org.hotline.sms.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily quiet period such as "22:00-08:00" in a zone (Asia/Shanghai by default); the period may
 * wrap midnight. An empty spec means no quiet hours. Pure and immutable.
 */
public final class QuietHours {

  private final LocalTime start;
  private final LocalTime end;
  private final ZoneId zone;

  private QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
    this.start = start;
    this.end = end;
    this.zone = zone;
  }

  /** Parses "HH:mm-HH:mm"; null or blank gives {@link #none}. */
  public static QuietHours parse(String spec, ZoneId zone) {
    if (spec == null || spec.isBlank()) {
      return none(zone);
    }
    String[] parts = spec.strip().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException("quietHours must look like 22:00-08:00: " + spec);
    }
    LocalTime s = LocalTime.parse(parts[0]);
    LocalTime e = LocalTime.parse(parts[1]);
    return s.equals(e) ? none(zone) : new QuietHours(s, e, zone);
  }

  public static QuietHours none(ZoneId zone) {
    return new QuietHours(null, null, zone);
  }

  public boolean isNone() {
    return start == null;
  }

  /** When {@code now} is inside the quiet period, the instant it ends; otherwise empty. */
  public Optional<Instant> deferUntil(Instant now) {
    if (isNone()) {
      return Optional.empty();
    }
    ZonedDateTime local = now.atZone(zone);
    LocalTime t = local.toLocalTime();
    LocalDate day = local.toLocalDate();
    boolean wraps = start.isAfter(end);
    boolean inside =
        wraps ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    if (!inside) {
      return Optional.empty();
    }
    LocalDate endDay = wraps && !t.isBefore(start) ? day.plusDays(1) : day;
    return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
  }

  @Override
  public String toString() {
    return isNone() ? "none" : start + "-" + end + " " + zone;
  }
}
