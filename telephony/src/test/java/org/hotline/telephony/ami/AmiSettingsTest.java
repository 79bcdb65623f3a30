package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AmiSettingsTest {
  private JsonObject minimal() {
    return new JsonObject()
        .put("amiHost", "10.0.0.5")
        .put("amiUsername", "hotline")
        .put("amiSecret", "x");
  }

  @Test
  void defaultsFollowTheProductDefaults() {
    AmiSettings s = AmiSettings.from(minimal());
    assertThat(s.port()).isEqualTo(5038);
    assertThat(s.queues()).containsExactly("hotline");
    assertThat(s.transferTargets()).containsExactly("110", "119", "120", "122");
    assertThat(s.serviceLevelSeconds()).isEqualTo(15);
    assertThat(s.zone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(s.simulated()).isFalse();
  }

  @Test
  void missingOrBadKeysAreNamed() {
    assertThatThrownBy(() -> AmiSettings.from(minimal().put("amiSecret", "")))
        .hasMessageContaining("amiSecret");
    assertThatThrownBy(() -> AmiSettings.from(minimal().put("amiPort", 70000)))
        .hasMessageContaining("amiPort");
    assertThatThrownBy(() -> AmiSettings.from(minimal().put("queues", new JsonArray())))
        .hasMessageContaining("queues");
    assertThatThrownBy(() -> AmiSettings.from(minimal().put("reconnectMaxMs", 1)))
        .hasMessageContaining("reconnect");
  }

  @Test
  void environmentWithoutAHostMeansSimulated() {
    assertThat(AmiSettings.configFromEnvironment(java.util.Map.of())).isEmpty();
    JsonObject c =
        AmiSettings.configFromEnvironment(
                java.util.Map.of(
                    "HOTLINE_AMI_HOST",
                    "pbx1",
                    "HOTLINE_AMI_USERNAME",
                    "hotline",
                    "HOTLINE_AMI_SECRET",
                    "s"))
            .orElseThrow();
    AmiSettings s = AmiSettings.from(c);
    assertThat(s.host()).isEqualTo("pbx1");
    assertThat(s.port()).isEqualTo(5038);
  }
}
