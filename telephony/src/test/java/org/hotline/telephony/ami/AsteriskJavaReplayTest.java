package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.hotline.telephony.TelephonyAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The recorded Asterisk 22 session's live events, sent over a socket by the simulator, parsed by
 * asterisk-java and handled by the verticle: the same records as the direct replay.
 */
class AsteriskJavaReplayTest {
  private final AmiTestRig rig = new AmiTestRig();

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void recordedSessionYieldsTheRecordsMissedCallAndScreenPop() {
    rig.deploy();
    rig.server.replay(AmiFixtures.sessionFromAsterisk());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rig.published(TelephonyAddresses.CALL_ENDED).size() == 5);
    List<String> ids =
        rig.published(TelephonyAddresses.CALL_ENDED).stream().map(r -> r.getString("id")).toList();
    assertThat(ids)
        .containsExactly(
            "1795888827.17", "1795888845.21", "1795888865.26", "1795888873.28", "1795888874.30");

    JsonObject answered = rig.awaitRecord("1795888827.17");
    assertThat(answered.getString("outcome")).isEqualTo("answered");
    assertThat(answered.getString("caller")).isEqualTo("13800138000");
    assertThat(answered.getString("calledNumber")).isEqualTo("12345");
    assertThat(answered.getString("agent")).isEqualTo("Agent 1001");
    assertThat(answered.getLong("waitSeconds")).isEqualTo(2);
    assertThat(answered.getLong("talkSeconds")).isEqualTo(3);

    JsonObject abandoned = rig.awaitRecord("1795888845.21");
    assertThat(abandoned.getString("outcome")).isEqualTo("abandoned");
    assertThat(abandoned.getLong("waitSeconds")).isEqualTo(12);
    assertThat(rig.awaitRecord("1795888865.26").getString("outcome")).isEqualTo("ivr");

    assertThat(rig.published(TelephonyAddresses.CALL_MISSED))
        .singleElement()
        .satisfies(m -> assertThat(m.getString("callId")).isEqualTo("1795888845.21"));
    assertThat(rig.published(TelephonyAddresses.AGENT_CONNECTED))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getString("agent")).isEqualTo("Agent 1001");
              assertThat(p.getString("callerNumber")).isEqualTo("13800138000");
            });

    JsonObject wb = rig.wallboard();
    assertThat(wb.getInteger("callsWaiting")).isZero();
    assertThat(wb.getLong("answeredToday")).isEqualTo(1);
    assertThat(wb.getLong("abandonedToday")).isEqualTo(1);
    assertThat(wb.getDouble("abandonRate")).isEqualTo(0.5);
    assertThat(wb.getLong("avgHandleSeconds")).isEqualTo(3);
    assertThat(wb.getJsonObject("agents").getInteger("loggedOut")).isEqualTo(2);
  }
}
