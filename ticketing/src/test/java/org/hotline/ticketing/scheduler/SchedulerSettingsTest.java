package org.hotline.ticketing.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerSettingsTest {

  @Test
  void defaultsAndOverridesFromTheEnvironment() {
    SchedulerSettings d = SchedulerSettings.fromEnv(Map.of());
    assertThat(d).isEqualTo(SchedulerSettings.defaults());
    assertThat(d.warnPercent()).isEqualTo(75);
    assertThat(d.interval()).isEqualTo(Duration.ofSeconds(60));

    SchedulerSettings s =
        SchedulerSettings.fromEnv(
            Map.of(
                "HOTLINE_SCHEDULER", "false",
                "HOTLINE_SCHEDULER_INTERVAL_S", "30",
                "HOTLINE_SCHEDULER_WARN_PERCENT", "80",
                "HOTLINE_SCHEDULER_SUPERVISE_GRACE_MIN", "240",
                "HOTLINE_SCHEDULER_LOCK_RETRY_S", "3",
                "HOTLINE_SCHEDULER_BATCH", "1000"));
    assertThat(s.enabled()).isFalse();
    assertThat(s.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.warnPercent()).isEqualTo(80);
    assertThat(s.superviseGrace()).isEqualTo(Duration.ofHours(4));
    assertThat(s.lockRetry()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.batchSize()).isEqualTo(1000);
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(
            () -> SchedulerSettings.fromEnv(Map.of("HOTLINE_SCHEDULER_WARN_PERCENT", "100")))
        .hasMessageContaining("HOTLINE_SCHEDULER_WARN_PERCENT");
    assertThatThrownBy(() -> SchedulerSettings.fromEnv(Map.of("HOTLINE_SCHEDULER_BATCH", "many")))
        .hasMessageContaining("HOTLINE_SCHEDULER_BATCH");
  }
}
