package org.hotline.telephony.ami.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyFiguresTest {
  private final DailyFigures f = new DailyFigures(ZoneId.of("Asia/Shanghai"), 15);
  // 2026-11-28 09:00 in Shanghai
  private final Instant morning = Instant.parse("2026-11-28T01:00:00Z");

  @Test
  void serviceLevelAbandonRateAndHandleTime() {
    f.answered("hotline", 15, morning);
    f.answered("hotline", 16, morning);
    f.answered("other", 3, morning);
    f.abandoned("hotline", morning);
    f.completed("hotline", 100, morning);
    f.completed("hotline", 51, morning);
    DailyFigures.Counters t = f.total(morning);
    assertThat(t.answered()).isEqualTo(3);
    assertThat(t.answeredWithinThreshold()).isEqualTo(2);
    assertThat(t.abandoned()).isEqualTo(1);
    assertThat(t.abandonRate()).isEqualTo(0.25);
    assertThat(t.serviceLevel()).isEqualTo(0.5);
    assertThat(t.avgHandleSeconds()).isEqualTo(76);
    assertThat(f.queue("hotline", morning).answered()).isEqualTo(2);
    assertThat(f.queue("other", morning).abandoned()).isZero();
  }

  @Test
  void emptyDayHasZeroRates() {
    assertThat(f.total(morning).abandonRate()).isZero();
    assertThat(f.total(morning).avgHandleSeconds()).isZero();
  }

  @Test
  void countersRestartAtLocalMidnight() {
    f.answered("hotline", 1, morning);
    Instant beforeMidnight = Instant.parse("2026-11-28T15:59:59Z");
    assertThat(f.total(beforeMidnight).answered()).isEqualTo(1);
    Instant afterMidnight = Instant.parse("2026-11-28T16:00:00Z");
    assertThat(f.total(afterMidnight).answered()).isZero();
  }
}
