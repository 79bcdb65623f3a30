package org.hotline.ticketing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.workflow.WorkflowException;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  static final LocalDate TODAY = LocalDate.parse("2026-12-03");

  static ReportPeriod parse(String period, String date, String from, String to) {
    return ReportPeriod.parse(period, date, from, to, TODAY, WorkingCalendar.SHANGHAI);
  }

  @Test
  void dayWeekAndMonthAroundADateInShanghai() {
    ReportPeriod day = parse(null, null, null, null);
    assertThat(day.kind()).isEqualTo("day");
    assertThat(day.start().toString()).isEqualTo("2026-12-03T00:00+08:00");
    assertThat(day.end().toString()).isEqualTo("2026-12-04T00:00+08:00");
    ReportPeriod week = parse("week", "2026-11-01", null, null); // a Sunday
    assertThat(week.first()).isEqualTo("2026-10-26");
    assertThat(week.last()).isEqualTo("2026-11-01");
    ReportPeriod month = parse("month", "2028-02-10", null, null);
    assertThat(month.first()).isEqualTo("2028-02-01");
    assertThat(month.last()).isEqualTo("2028-02-29");
    assertThat(month.label()).isEqualTo("2028-02-01_2028-02-29");
    ReportPeriod custom = parse("custom", null, "2026-01-01", "2026-12-31");
    assertThat(custom.end().toString()).isEqualTo("2027-01-01T00:00+08:00");
  }

  @Test
  void badInputNamesTheParameter() {
    assertField(() -> parse("quarter", null, null, null), "period");
    assertField(() -> parse("day", "2026-02-30", null, null), "date");
    assertField(() -> parse("day", "1999-12-31", null, null), "date");
    assertField(() -> parse("custom", null, null, "2026-01-01"), "from");
    assertField(() -> parse("custom", null, "2026-01-01", null), "to");
    assertField(() -> parse("custom", null, "2026-01-02", "2026-01-01"), "to");
    assertField(() -> parse("custom", null, "2025-01-01", "2026-01-02"), "to");
    assertField(() -> parse("month", null, null, "2026-01-02"), "to");
  }

  static void assertField(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            WorkflowException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
