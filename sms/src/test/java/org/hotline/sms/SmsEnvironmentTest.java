package org.hotline.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.hotline.sms.outbox.OutboxSettings;
import org.hotline.sms.smpp.SmppConfig;
import org.junit.jupiter.api.Test;

class SmsEnvironmentTest {

  @Test
  void mapsEveryDocumentedVariable() {
    JsonObject c =
        SmsEnvironment.toConfig(
            Map.of(
                "HOTLINE_SMPP_HOST", "smsc.example.cn",
                "HOTLINE_SMPP_PORT", "2776",
                "HOTLINE_SMPP_SYSTEM_ID", "hz12345",
                "HOTLINE_SMPP_PASSWORD", "pw",
                "HOTLINE_SMPP_SOURCE", "106512345",
                "HOTLINE_SMPP_WINDOW", "20",
                "HOTLINE_SMPP_RATE", "100",
                "HOTLINE_SMPP_BIND_MODE", "TX_RX",
                "HOTLINE_SMS_QUIET_HOURS", ""));
    SmppConfig smpp = SmppConfig.fromJson(c);
    assertThat(smpp.host()).isEqualTo("smsc.example.cn");
    assertThat(smpp.port()).isEqualTo(2776);
    assertThat(smpp.systemId()).isEqualTo("hz12345");
    assertThat(smpp.sourceAddress()).isEqualTo("106512345");
    assertThat(smpp.window()).isEqualTo(20);
    assertThat(smpp.ratePerSecond()).isEqualTo(100);
    assertThat(smpp.bindMode().name()).isEqualTo("TX_RX");
    assertThat(OutboxSettings.fromJson(c).quietHours().isNone()).isTrue();
  }

  @Test
  void unsetMeansDefaults() {
    JsonObject c = SmsEnvironment.toConfig(Map.of());
    SmppConfig smpp = SmppConfig.fromJson(c);
    assertThat(smpp.host()).isEmpty();
    assertThat(smpp.port()).isEqualTo(2775);
    assertThat(smpp.window()).isEqualTo(50);
    assertThat(OutboxSettings.fromJson(c).quietHours().toString()).startsWith("22:00-08:00");
  }

  @Test
  void badNumbersAreReportedByName() {
    assertThatThrownBy(() -> SmsEnvironment.toConfig(Map.of("HOTLINE_SMPP_PORT", "x")))
        .hasMessageContaining("HOTLINE_SMPP_PORT");
    assertThatThrownBy(
            () -> SmppConfig.fromJson(SmsEnvironment.toConfig(Map.of("HOTLINE_SMPP_WINDOW", "0"))))
        .hasMessageContaining("window");
  }
}
