package org.hotline.ticketing.calendar;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.calendar.DeadlinePolicy.RequestType;

/** Loads the working calendar and the deadline rules from their tables. */
public final class CalendarRepository {

  private final Pool pool;

  public CalendarRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<WorkingCalendar> loadCalendar() {
    Future<Map<LocalDate, WorkingCalendar.DayKind>> days =
        pool.query("SELECT day, kind FROM calendar_day")
            .execute()
            .map(
                rows -> {
                  Map<LocalDate, WorkingCalendar.DayKind> m = new HashMap<>();
                  for (Row r : rows) {
                    m.put(
                        r.getLocalDate("day"),
                        WorkingCalendar.DayKind.valueOf(
                            r.getString("kind").toUpperCase(Locale.ROOT)));
                  }
                  return m;
                });
    Future<Set<Integer>> official =
        pool.query("SELECT year FROM calendar_year WHERE official")
            .execute()
            .map(
                rows -> {
                  Set<Integer> s = new HashSet<>();
                  rows.forEach(r -> s.add(r.getInteger("year")));
                  return s;
                });
    Future<WorkingHours> hours = setting("working_hours").map(v -> WorkingHours.parse((String) v));
    return Future.all(days, official, hours)
        .map(
            all ->
                new WorkingCalendar(
                    days.result(), official.result(), hours.result(), WorkingCalendar.SHANGHAI));
  }

  public Future<DeadlinePolicy> loadPolicy() {
    return setting("deadlines")
        .map(
            v -> {
              JsonObject j = (JsonObject) v;
              Map<RequestType, Integer> due = new EnumMap<>(RequestType.class);
              JsonObject d = j.getJsonObject("dueWorkingDays");
              for (RequestType t : RequestType.values()) {
                due.put(t, d.getInteger(t.name().toLowerCase(Locale.ROOT)));
              }
              return new DeadlinePolicy(
                  j.getInteger("signWorkingDays"),
                  Duration.ofMinutes(j.getInteger("urgentSignMinutes")),
                  Duration.ofHours(j.getInteger("urgentDueHours")),
                  due);
            });
  }

  private Future<Object> setting(String key) {
    return pool.preparedQuery("SELECT value FROM setting WHERE key = $1")
        .execute(io.vertx.sqlclient.Tuple.of(key))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new IllegalStateException("setting " + key + " is missing");
              }
              return rows.iterator().next().getValue("value");
            });
  }
}
