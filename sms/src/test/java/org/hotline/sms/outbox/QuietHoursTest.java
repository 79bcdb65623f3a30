package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final QuietHours night = QuietHours.parse("22:00-08:00", SHANGHAI);

  private static Instant at(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
  }

  @Test
  void lateEveningDefersToTomorrowMorning() {
    assertThat(night.deferUntil(at("2026-03-02T23:30"))).contains(at("2026-03-03T08:00"));
    assertThat(night.deferUntil(at("2026-03-02T22:00"))).contains(at("2026-03-03T08:00"));
  }

  @Test
  void earlyMorningDefersToTheSameMorning() {
    assertThat(night.deferUntil(at("2026-03-03T03:15"))).contains(at("2026-03-03T08:00"));
  }

  @Test
  void daytimeIsNotQuiet() {
    assertThat(night.deferUntil(at("2026-03-03T08:00"))).isEmpty();
    assertThat(night.deferUntil(at("2026-03-03T21:59"))).isEmpty();
  }

  @Test
  void periodWithinOneDay() {
    QuietHours lunch = QuietHours.parse("12:00-13:30", SHANGHAI);
    assertThat(lunch.deferUntil(at("2026-03-03T12:10"))).contains(at("2026-03-03T13:30"));
    assertThat(lunch.deferUntil(at("2026-03-03T11:59"))).isEmpty();
  }

  @Test
  void emptySpecMeansNone() {
    assertThat(QuietHours.parse("", SHANGHAI).isNone()).isTrue();
    assertThat(QuietHours.parse(null, SHANGHAI).deferUntil(at("2026-03-03T23:00"))).isEmpty();
  }

  @Test
  void badSpecIsRefused() {
    assertThatThrownBy(() -> QuietHours.parse("22", SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuietHours.parse("25:00-08:00", SHANGHAI))
        .isInstanceOf(RuntimeException.class);
  }
}
