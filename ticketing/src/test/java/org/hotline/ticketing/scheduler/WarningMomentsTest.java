package org.hotline.ticketing.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.calendar.WorkingHours;
import org.junit.jupiter.api.Test;

class WarningMomentsTest {

  private static ZonedDateTime at(int mo, int d, int h, int mi) {
    return LocalDateTime.of(2026, mo, d, h, mi).atZone(WorkingCalendar.SHANGHAI);
  }

  private static WorkingCalendar nationalDay() {
    Map<LocalDate, WorkingCalendar.DayKind> days = new HashMap<>();
    for (int d = 1; d <= 7; d++) {
      days.put(LocalDate.of(2026, 10, d), WorkingCalendar.DayKind.HOLIDAY);
    }
    days.put(LocalDate.of(2026, 10, 10), WorkingCalendar.DayKind.WORKDAY);
    return new WorkingCalendar(
        days, Set.of(2026), WorkingHours.standard(), WorkingCalendar.SHANGHAI);
  }

  @Test
  void workingTimeShareAcrossTheHoliday() {
    WarningMoments m = new WarningMoments(nationalDay(), 75);
    assertThat(m.warnAt(at(9, 30, 16, 0), at(10, 9, 16, 0), false)).isEqualTo(at(10, 9, 11, 0));
    assertThat(m.warnAt(at(9, 30, 16, 0), at(10, 8, 16, 0), false)).isEqualTo(at(10, 8, 14, 15));
    // a swapped working Saturday counts: 10-09 16:00 → 10-10 16:00 is one working day
    assertThat(m.warnAt(at(10, 9, 16, 0), at(10, 10, 16, 0), false)).isEqualTo(at(10, 10, 14, 15));
  }

  @Test
  void naturalTimeForUrgentAndConfigurableShare() {
    WarningMoments half = new WarningMoments(nationalDay(), 50);
    assertThat(half.warnAt(at(10, 3, 22, 0), at(10, 4, 22, 0), true)).isEqualTo(at(10, 4, 10, 0));
    assertThat(half.warnAt(null, at(10, 4, 22, 0), true)).isEqualTo(at(10, 4, 22, 0));
    assertThat(half.warnAt(at(10, 3, 22, 0), null, true)).isNull();
  }
}
