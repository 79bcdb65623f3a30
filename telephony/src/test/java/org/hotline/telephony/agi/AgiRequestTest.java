package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiRequestTest {
  @Test
  void scriptAndQueryFromNetworkScript() {
    AgiRequest request =
        new AgiRequest(
            Map.of(
                "agi_network_script", "hotline?lang=zh&x=%E4%B8%AD",
                "agi_request", "agi://127.0.0.1:14573/hotline?lang=zh",
                "agi_callerid", "13800138000",
                "agi_uniqueid", "1795888827.17",
                "agi_dnid", "unknown"));
    assertThat(request.script()).isEqualTo("hotline");
    assertThat(request.query()).containsEntry("lang", "zh").containsEntry("x", "中");
    assertThat(request.callerId()).isEqualTo("13800138000");
    assertThat(request.dnid()).isEmpty();
    assertThat(request.args()).isEmpty();
  }

  @Test
  void scriptFromRequestUrlAndArguments() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("agi_request", "agi://platform:4573/callback-survey/");
    env.put("agi_callerid", "unknown");
    env.put("agi_arg_1", "T-1");
    env.put("agi_arg_2", "13900139000");
    env.put("agi_arg_4", "skipped: no agi_arg_3");
    AgiRequest request = new AgiRequest(env);
    assertThat(request.script()).isEqualTo("callback-survey");
    assertThat(request.args()).containsExactly("T-1", "13900139000");
    assertThat(request.arg(2)).isEqualTo("13900139000");
    assertThat(request.arg(3)).isEmpty();
    assertThat(request.callerId()).isEmpty();
  }
}
