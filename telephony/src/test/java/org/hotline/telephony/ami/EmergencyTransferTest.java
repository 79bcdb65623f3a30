package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.hotline.telephony.TelephonyAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 紧急转接 over real sockets: the agent hands a caller to 110/119/120/122 by redirect, attended
 * transfer (Atxfer) or three-way conference (ConfBridge), and the call record lists it.
 */
class EmergencyTransferTest {
  private final AmiTestRig rig = new AmiTestRig();

  @BeforeEach
  void setUp() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.deploy();
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private String answeredCall() {
    String call = rig.pbx.callerJoins("13800138000");
    rig.awaitWaiting(1);
    rig.clock.advanceSeconds(3);
    rig.pbx.agentAnswers(call, "PJSIP/1001");
    rig.awaitAgent("1001", "onCall");
    return call;
  }

  private JsonObject transfer(String call, String target, String mode) {
    return rig.request(
        TelephonyAddresses.ACTION_TRANSFER,
        new JsonObject().put("callId", call).put("target", target).put("mode", mode));
  }

  private static JsonObject only(JsonArray transfers) {
    assertThat(transfers).hasSize(1);
    return transfers.getJsonObject(0);
  }

  @Test
  void attendedTransferIsAskedWithAtxferOnTheAgentLegAndRecordedWhenAsteriskReportsIt() {
    String call = answeredCall();
    rig.clock.advanceSeconds(10);

    JsonObject r = transfer(call, "110", "attended");
    assertThat(r.getBoolean("ok")).as(r.encode()).isTrue();
    assertThat(r.getString("agentChannel")).startsWith("PJSIP/1001-");
    assertThat(rig.server.actionsReceived()).contains("Atxfer");

    rig.clock.advanceSeconds(5); // the agent speaks to 110, then hangs up: the transfer completes
    rig.pbx.agentCompletesTransfer(call);
    rig.awaitAgent("1001", "available");
    rig.clock.advanceSeconds(60);
    rig.pbx.callerHangsUp(call);

    JsonObject record = rig.awaitRecord(call);
    assertThat(record.getString("outcome")).isEqualTo("answered");
    assertThat(record.getString("transferTarget")).isEqualTo("110");
    JsonObject t = only(record.getJsonArray("transfers"));
    assertThat(t.getString("kind")).isEqualTo("attended");
    assertThat(t.getString("target")).isEqualTo("110");
    assertThat(t.getString("result")).isEqualTo("success");
    assertThat(t.getString("at")).isEqualTo("2026-11-28T01:00:13Z");
  }

  @Test
  void attendedTransferThatIsNeverCompletedStaysRequested() {
    String call = answeredCall();
    assertThat(transfer(call, "122", "attended").getBoolean("ok")).isTrue();
    rig.pbx.callerHangsUp(call);
    JsonObject t = only(rig.awaitRecord(call).getJsonArray("transfers"));
    assertThat(t.getString("kind")).isEqualTo("attended");
    assertThat(t.getString("result")).isEqualTo("requested");
  }

  @Test
  void conferenceMovesCallerAndAgentIntoOneRoomAndBringsTheTargetIn() {
    String call = answeredCall();
    JsonObject r = transfer(call, "119", "conference");
    assertThat(r.getBoolean("ok")).as(r.encode()).isTrue();
    String room = r.getString("conference");
    assertThat(room).isEqualTo("hotline-" + call);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(rig.pbx.roomMembers(room))
                    .hasSize(3)
                    .anyMatch(n -> n.startsWith("PJSIP/trunk-"))
                    .anyMatch(n -> n.startsWith("PJSIP/1001-"))
                    .anyMatch(n -> n.startsWith("Local/119@hotline-transfer")));
    assertThat(rig.server.actionsReceived()).containsSubsequence("Redirect", "Originate");

    rig.clock.advanceSeconds(30);
    rig.pbx.callerHangsUp(call);
    JsonObject record = rig.awaitRecord(call);
    JsonObject t = only(record.getJsonArray("transfers"));
    assertThat(t.getString("kind")).isEqualTo("conference");
    assertThat(t.getString("target")).isEqualTo("119");
    assertThat(t.getString("result")).isEqualTo("success");
    assertThat(record.getString("outcome")).isEqualTo("answered");
    // the target's leg belongs to this call: no second record, no "outbound" call of its own
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(rig.published(TelephonyAddresses.CALL_ENDED)).hasSize(1);
    assertThat(rig.published(TelephonyAddresses.ORIGINATE_RESULT)).isEmpty();
  }

  @Test
  void conferenceWhoseTargetCannotBeReachedIsRecordedAsFailed() {
    rig.server.failOriginatesTo("120");
    String call = answeredCall();
    assertThat(transfer(call, "120", "conference").getBoolean("ok")).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> rig.server.actionsReceived().contains("Originate"));
    rig.clock.advanceSeconds(5);
    rig.pbx.callerHangsUp(call);
    JsonObject t = only(rig.awaitRecord(call).getJsonArray("transfers"));
    assertThat(t.getString("result")).isEqualTo("failed");
  }

  @Test
  void redirectIsRecordedAsARedirectAndUnknownModesAreRefused() {
    String call = answeredCall();
    assertThat(transfer(call, "120", "sideways").getString("error")).startsWith("mode:");
    assertThat(transfer(call, "120", "redirect").getBoolean("ok")).isTrue();
    rig.pbx.callerHangsUp(call);
    JsonObject t = only(rig.awaitRecord(call).getJsonArray("transfers"));
    assertThat(t.getString("kind")).isEqualTo("redirect");
    assertThat(t.getString("result")).isEqualTo("success");
  }

  @Test
  void attendedTransferNeedsAnAgentOnTheCall() {
    String call = rig.pbx.callerJoins("13900139000");
    rig.awaitWaiting(1);
    JsonObject r = transfer(call, "110", "attended");
    assertThat(r.getBoolean("ok")).isFalse();
    assertThat(r.getString("error")).startsWith("callId:").contains("no agent leg");
  }
}
