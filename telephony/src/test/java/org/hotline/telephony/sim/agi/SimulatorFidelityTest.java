package org.hotline.telephony.sim.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.hotline.telephony.agi.AgiTestBed;
import org.hotline.telephony.agi.FixtureScriptsAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator against the recording: driven by the same command sequence as the peer that
 * recorded the real Asterisk 22 sessions, it must send exactly the bytes Asterisk sent (environment
 * block, replies, HANGUP notices, 511, 520, 510), except the final HANGUP Asterisk writes after the
 * peer has already closed the socket.
 */
class SimulatorFidelityTest {
  private AgiTestBed bed;

  @BeforeEach
  void start() {
    bed = AgiTestBed.withScripts(FixtureScriptsAccess.scripts(), new JsonObject());
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"agi-hotline-queue", "agi-hotline-abandon", "agi-hotline-hangup", "agi-survey"})
  void simulatorSendsWhatAsteriskSent(String fixture) {
    String recorded = FixtureScriptsAccess.fixture(fixture + ".from-asterisk.raw");

    SimCallResult result = bed.call(plans().get(fixture).build());

    assertThat(recorded).endsWith("HANGUP\n");
    String expected = recorded.substring(0, recorded.length() - "HANGUP\n".length());
    assertThat(result.transcript().bytesFromAsterisk().toString()).isEqualTo(expected);
    assertThat(result.transcript().bytesToAsterisk().toString())
        .isEqualTo(FixtureScriptsAccess.fixture(fixture + ".to-asterisk.raw"));
    assertThat(result.timedOut()).isFalse();
  }

  private static Map<String, SimCallPlan.Builder> plans() {
    return Map.of(
        "agi-hotline-queue", hotline("00000008", "1795888827.17", "139970219161280", "queue"),
        "agi-hotline-abandon", hotline("0000000a", "1795888845.21", "139970218649280", "abandon"),
        "agi-hotline-hangup",
            hotline("0000000d", "1795888865.27", "139970219161280", "hangup")
                .prompt("hotline-long", 8000)
                .hangupOnCommand("STREAM FILE hotline-long")
                .hangupAfterMs(2500),
        "agi-survey",
            SimCallPlan.builder("survey")
                .environment("agi_request", "agi://127.0.0.1:14573/survey")
                .environment("agi_channel", "Local/12345@hotline-in-00000008;2")
                .environment("agi_language", "zh")
                .environment("agi_context", "hotline-survey")
                .environment("agi_extension", "s")
                .environment("agi_priority", "2")
                .uniqueId("1795888827.17")
                .args("1795888827.17", "13800138000")
                .timeScale(0.001));
  }

  private static SimCallPlan.Builder hotline(
      String channelSuffix, String uniqueId, String threadId, String scenario) {
    return SimCallPlan.builder("hotline?lang=zh")
        .environment("agi_request", "agi://127.0.0.1:14573/hotline?lang=zh")
        .environment("agi_channel", "Local/12345@hotline-in-" + channelSuffix + ";2")
        .environment("agi_threadid", threadId)
        .uniqueId(uniqueId)
        .variable("SCENARIO", scenario)
        .prompt("hotline-welcome", 2000)
        .prompt("hotline-beep", 300)
        .missingPrompt("no-such-prompt")
        .inputs(DtmfInput.keys("1#", 2000))
        .timeScale(0.001);
  }
}
