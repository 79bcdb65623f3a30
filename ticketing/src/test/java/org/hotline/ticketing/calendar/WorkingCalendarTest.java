package org.hotline.ticketing.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.calendar.DeadlinePolicy.RequestType;
import org.hotline.ticketing.calendar.WorkingCalendar.DayKind;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  /**
   * The 2026 autumn arrangement: 中秋 9-25..27, 国庆 10-01..07, swapped Sunday 9-20 and Saturday 10-10.
   */
  static WorkingCalendar autumn2026() {
    Map<LocalDate, DayKind> days = new HashMap<>();
    for (int d = 25; d <= 27; d++) {
      days.put(LocalDate.of(2026, 9, d), DayKind.HOLIDAY);
    }
    for (int d = 1; d <= 7; d++) {
      days.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
    }
    days.put(LocalDate.of(2026, 9, 20), DayKind.WORKDAY);
    days.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
    return new WorkingCalendar(
        days, Set.of(2026), WorkingHours.standard(), WorkingCalendar.SHANGHAI);
  }

  static ZonedDateTime at(String local) {
    return java.time.LocalDateTime.parse(local).atZone(WorkingCalendar.SHANGHAI);
  }

  private final WorkingCalendar cal = autumn2026();

  @Test
  void twoWorkingDaysBeforeNationalDayLandAfterTheHoliday() {
    // 9-30 16:00 leaves 1.5 h; 10-01..07 are off; 10-08 gives 7 h; 10-09 the remaining 5.5 h.
    assertThat(cal.addWorkingDays(at("2026-09-30T16:00"), 2)).isEqualTo(at("2026-10-09T16:00"));
  }

  @Test
  void theSwappedSaturdayAfterNationalDayIsAWorkingDay() {
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
    assertThat(cal.addWorkingDays(at("2026-10-09T16:00"), 1)).isEqualTo(at("2026-10-10T16:00"));
  }

  @Test
  void aDispatchOnTheSwappedWorkingSundayCountsFromThatSunday() {
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    assertThat(cal.addWorkingDays(at("2026-09-20T10:00"), 1)).isEqualTo(at("2026-09-21T10:00"));
  }

  @Test
  void aDispatchOnAnOrdinarySundayRunsForTheWholeOfMonday() {
    assertThat(cal.addWorkingDays(at("2026-09-13T10:00"), 1)).isEqualTo(at("2026-09-14T17:30"));
  }

  @Test
  void timeAfterHoursCountsFromTheNextWorkingMorning() {
    assertThat(cal.addWorkingTime(at("2026-09-30T20:00"), Duration.ofHours(1)))
        .isEqualTo(at("2026-10-08T10:00"));
    assertThat(cal.addWorkingTime(at("2026-09-29T12:30"), Duration.ofMinutes(30)))
        .isEqualTo(at("2026-09-29T14:00"));
  }

  @Test
  void fifteenWorkingDaysAcrossMidAutumnAndNationalDay() {
    // From Thu 9-24 09:00: 9-24, 9-28, 9-29, 9-30, 10-08, 10-09, 10-10(Sat), 10-12..16, 10-19..21
    // makes 15 working days ending at 17:30 on Wed 10-21... i.e. the start of 10-22 morning.
    ZonedDateTime due = cal.addWorkingDays(at("2026-09-24T09:00"), 15);
    assertThat(due).isEqualTo(at("2026-10-21T17:30"));
  }

  @Test
  void workingTimeBetweenSkipsTheHoliday() {
    assertThat(cal.workingTimeBetween(at("2026-09-30T16:00"), at("2026-10-08T10:00")))
        .isEqualTo(Duration.ofMinutes(90 + 60));
    assertThat(cal.workingTimeBetween(at("2026-10-08T10:00"), at("2026-09-30T16:00"))).isZero();
  }

  @Test
  void yearsWithoutAnOfficialArrangementAreKnown() {
    assertThat(cal.hasOfficialArrangement(2026)).isTrue();
    assertThat(cal.hasOfficialArrangement(2027)).isFalse();
  }

  @Test
  void workingHoursAreParsedAndChecked() {
    assertThat(WorkingHours.parse("09:00-12:00,13:30-17:30").dayLength())
        .isEqualTo(Duration.ofHours(7));
    assertThatThrownBy(() -> WorkingHours.parse("12:00-09:00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkingHours.parse("09:00-12:00,11:00-13:00"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deadlinesByRequestTypeAndUrgency() {
    DeadlinePolicy p = DeadlinePolicy.defaults();
    var consult = p.compute(cal, at("2026-09-30T16:00"), RequestType.CONSULT, false);
    assertThat(consult.sign()).isEqualTo(at("2026-10-08T16:00")); // 1 working day = 7 h
    assertThat(consult.due()).isEqualTo(at("2026-10-09T16:00"));
    var urgent = p.compute(cal, at("2026-09-30T16:00"), RequestType.COMPLAINT, true);
    assertThat(urgent.sign()).isEqualTo(at("2026-09-30T16:30"));
    assertThat(urgent.due()).isEqualTo(at("2026-10-01T16:00")); // natural time, holiday or not
    assertThat(p.dueWorkingDays(RequestType.HELP)).isEqualTo(10);
    assertThat(p.dueWorkingDays(RequestType.REPORT)).isEqualTo(15);
  }

  @Test
  void aPausedClockPushesTheDeadlineByTheWorkingTimeItStood() {
    DeadlinePolicy p = DeadlinePolicy.defaults();
    // Paused from 9-30 16:00 to 10-08 10:00 = 2.5 working hours.
    ZonedDateTime shifted =
        p.shift(cal, at("2026-10-09T16:00"), at("2026-09-30T16:00"), at("2026-10-08T10:00"), false);
    assertThat(shifted).isEqualTo(at("2026-10-10T10:00"));
    ZonedDateTime urgent =
        p.shift(cal, at("2026-10-01T16:00"), at("2026-09-30T17:00"), at("2026-09-30T18:00"), true);
    assertThat(urgent).isEqualTo(at("2026-10-01T17:00"));
  }
}
