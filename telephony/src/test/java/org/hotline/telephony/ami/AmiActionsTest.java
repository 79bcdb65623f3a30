package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.hotline.telephony.TelephonyAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request/reply actions over the event bus, answered by the simulated Asterisk. */
class AmiActionsTest {
  private final AmiTestRig rig = new AmiTestRig();

  @BeforeEach
  void setUp() {
    rig.deploy();
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private JsonObject ask(String address, JsonObject body) {
    return rig.request(address, body);
  }

  @Test
  void agentLogsInPausesWithAReasonUnpausesAndLogsOut() {
    JsonObject added =
        ask(
            TelephonyAddresses.ACTION_QUEUE_ADD,
            new JsonObject().put("agent", "1001").put("interface", "PJSIP/1001"));
    assertThat(added.getBoolean("ok")).isTrue();
    rig.awaitAgent("1001", "available");

    JsonObject dup =
        ask(
            TelephonyAddresses.ACTION_QUEUE_ADD,
            new JsonObject().put("agent", "1001").put("interface", "PJSIP/1001"));
    assertThat(dup.getBoolean("ok")).isFalse();
    assertThat(dup.getString("error")).isEqualTo("Unable to add interface: Already there");

    assertThat(
            ask(
                    TelephonyAddresses.ACTION_PAUSE,
                    new JsonObject().put("agent", "1001").put("reason", "training"))
                .getBoolean("ok"))
        .isTrue();
    rig.awaitAgent("1001", "paused");
    assertThat(rig.agent("1001").getString("pausedReason")).isEqualTo("training");

    assertThat(
            ask(TelephonyAddresses.ACTION_UNPAUSE, new JsonObject().put("agent", "1001"))
                .getBoolean("ok"))
        .isTrue();
    rig.awaitAgent("1001", "available");

    assertThat(
            ask(TelephonyAddresses.ACTION_QUEUE_REMOVE, new JsonObject().put("agent", "1001"))
                .getBoolean("ok"))
        .isTrue();
    rig.awaitAgent("1001", "loggedOut");
    JsonObject again =
        ask(TelephonyAddresses.ACTION_QUEUE_REMOVE, new JsonObject().put("agent", "1001"));
    assertThat(again.getString("error")).isEqualTo("Unable to remove interface: Not there");
  }

  @Test
  void originateRepliesWithItsActionIdThenPublishesTheOutcome() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    JsonObject r =
        ask(
            TelephonyAddresses.ACTION_ORIGINATE,
            new JsonObject()
                .put("number", "13800138000")
                .put("agent", "1001")
                .put("ticketId", "T-2026-0001"));
    assertThat(r.getBoolean("ok")).isTrue();
    String actionId = r.getString("actionId");
    assertThat(actionId).startsWith("orig-");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !rig.published(TelephonyAddresses.ORIGINATE_RESULT).isEmpty());
    JsonObject result = rig.published(TelephonyAddresses.ORIGINATE_RESULT).get(0);
    assertThat(result.getString("actionId")).isEqualTo(actionId);
    assertThat(result.getBoolean("ok")).isTrue();
    assertThat(result.getInteger("reason")).isEqualTo(4);
    assertThat(result.getString("ticketId")).isEqualTo("T-2026-0001");
    String uid = result.getString("uniqueId");
    rig.awaitAgent("1001", "onCall");

    rig.clock.advanceSeconds(65);
    rig.pbx.callerHangsUp(uid);
    JsonObject record = rig.awaitRecord(uid);
    assertThat(record.getString("direction")).isEqualTo("outbound");
    assertThat(record.getString("caller")).isEqualTo("13800138000");
    assertThat(record.getJsonArray("ticketIds").getList()).containsExactly("T-2026-0001");
    rig.awaitAgent("1001", "available");
  }

  @Test
  void failedOriginateIsPublishedAsNotOk() {
    rig.server.failOriginatesTo("13000000000");
    JsonObject r =
        ask(
            TelephonyAddresses.ACTION_ORIGINATE,
            new JsonObject().put("number", "13000000000").put("survey", true).put("taskId", 77));
    assertThat(r.getBoolean("ok")).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !rig.published(TelephonyAddresses.ORIGINATE_RESULT).isEmpty());
    JsonObject result = rig.published(TelephonyAddresses.ORIGINATE_RESULT).get(0);
    assertThat(result.getBoolean("ok")).isFalse();
    assertThat(result.getInteger("reason")).isZero();
    assertThat(result.getBoolean("survey")).isTrue();
    assertThat(result.getString("actionId")).isEqualTo(r.getString("actionId"));
  }

  @Test
  void badRequestsAreRefusedWithTheField() {
    assertThat(
            ask(TelephonyAddresses.ACTION_ORIGINATE, new JsonObject().put("number", "12ab"))
                .getString("error"))
        .startsWith("number:");
    assertThat(
            ask(TelephonyAddresses.ACTION_ORIGINATE, new JsonObject().put("number", "13800138000"))
                .getString("error"))
        .contains("agent or survey");
    assertThat(
            ask(
                    TelephonyAddresses.ACTION_TRANSFER,
                    new JsonObject().put("callId", "1.1").put("target", "12345678"))
                .getString("error"))
        .startsWith("target:");
    assertThat(
            ask(
                    TelephonyAddresses.ACTION_TRANSFER,
                    new JsonObject().put("callId", "nope").put("target", "110"))
                .getString("error"))
        .startsWith("callId:");
    assertThat(
            ask(TelephonyAddresses.ACTION_QUEUE_ADD, new JsonObject().put("agent", "a b"))
                .getBoolean("ok"))
        .isFalse();
  }

  @Test
  void emergencyTransferRedirectsTheCallerAndTheRecordNotesIt() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    String call = rig.pbx.callerJoins("13800138000");
    rig.awaitWaiting(1);
    rig.pbx.agentAnswers(call, "PJSIP/1001");
    rig.awaitAgent("1001", "onCall");

    JsonObject r =
        ask(
            TelephonyAddresses.ACTION_TRANSFER,
            new JsonObject().put("callId", call).put("target", "120"));
    assertThat(r.getBoolean("ok")).isTrue();
    assertThat(rig.pbx.channelLocation(call)).contains("hotline-transfer,120");
    rig.awaitAgent("1001", "available");

    rig.pbx.callerHangsUp(call);
    JsonObject record = rig.awaitRecord(call);
    assertThat(record.getString("transferTarget")).isEqualTo("120");
    assertThat(record.getString("outcome")).isEqualTo("answered");
  }

  @Test
  void hangupEndsTheCall() {
    String call = rig.pbx.callerArrives("13800138000");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                ask(TelephonyAddresses.ACTION_HANGUP, new JsonObject().put("callId", call))
                    .getBoolean("ok"));
    JsonObject record = rig.awaitRecord(call);
    assertThat(record.getString("outcome")).isEqualTo("ivr");
    assertThat(rig.pbx.activeChannels()).isZero();
  }
}
