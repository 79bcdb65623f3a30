package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.hotline.telephony.TelephonyAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The AMI verticle against the simulated Asterisk, over real sockets with asterisk-java. */
class AmiBridgeTest {
  private final AmiTestRig rig = new AmiTestRig();

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void resyncAfterLoginBuildsTheExactState() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.pbx.addAgent("PJSIP/1002", "1002");
    rig.pbx.pauseAgent(null, "PJSIP/1002", true, "lunch");
    String waiting = rig.pbx.callerJoins("13800138000");
    rig.clock.advanceSeconds(20);

    rig.deploy();

    JsonObject wb = rig.wallboard();
    assertThat(wb.getInteger("callsWaiting")).isEqualTo(1);
    assertThat(wb.getLong("longestWaitSeconds")).isEqualTo(20);
    assertThat(wb.getJsonObject("agents").getInteger("available")).isEqualTo(1);
    assertThat(wb.getJsonObject("agents").getInteger("paused")).isEqualTo(1);
    assertThat(wb.getBoolean("simulated")).isTrue();
    assertThat(rig.agent("1002").getString("state")).isEqualTo("paused");
    assertThat(rig.agent("1002").getString("pausedReason")).isEqualTo("lunch");
    assertThat(waiting).isNotBlank();
  }

  @Test
  void callerJoiningShowsOnTheWallboard() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.deploy();
    rig.pbx.callerJoins("13800138000");
    rig.pbx.callerJoins("13900139000");
    rig.awaitWaiting(2);
    rig.clock.advanceSeconds(9);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              JsonObject wb = rig.wallboard();
              assertThat(wb.getInteger("callsWaiting")).isEqualTo(2);
              assertThat(wb.getLong("longestWaitSeconds")).isEqualTo(9);
            });
    JsonObject published =
        rig.published(TelephonyAddresses.WALLBOARD)
            .get(rig.published(TelephonyAddresses.WALLBOARD).size() - 1);
    assertThat(published.fieldNames())
        .contains(
            "callsWaiting",
            "longestWaitSeconds",
            "agents",
            "answeredWithin15sToday",
            "answeredToday",
            "abandonedToday",
            "abandonRate",
            "avgHandleSeconds",
            "simulated");
  }

  @Test
  void answeredCallPopsTheScreenAndEndsWithAnExactRecord() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.pbx.recordCalls("/var/spool/asterisk/monitor/{id}.wav");
    rig.deploy();
    String call = rig.pbx.callerJoins("13800138000");
    rig.awaitWaiting(1);
    rig.clock.advanceSeconds(7);
    rig.pbx.ringAgent(call, "PJSIP/1001");
    rig.awaitAgent("1001", "ringing");
    rig.clock.advanceSeconds(3);
    rig.pbx.agentAnswers(call, "PJSIP/1001");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !rig.published(TelephonyAddresses.AGENT_CONNECTED).isEmpty());
    JsonObject pop = rig.published(TelephonyAddresses.AGENT_CONNECTED).get(0);
    assertThat(pop.getString("agent")).isEqualTo("1001");
    assertThat(pop.getString("callerNumber")).isEqualTo("13800138000");
    assertThat(pop.getString("callId")).isEqualTo(call);
    assertThat(pop.getString("queue")).isEqualTo("hotline");
    await()
        .untilAsserted(() -> assertThat(rig.agent("1001").getString("state")).isEqualTo("onCall"));

    rig.clock.advanceSeconds(42);
    rig.pbx.agentHangsUp(call);
    rig.clock.advanceSeconds(5);
    rig.pbx.callerHangsUp(call);

    JsonObject r = rig.awaitRecord(call);
    assertThat(r.getString("caller")).isEqualTo("13800138000");
    assertThat(r.getString("calledNumber")).isEqualTo("12345");
    assertThat(r.getString("queue")).isEqualTo("hotline");
    assertThat(r.getString("outcome")).isEqualTo("answered");
    assertThat(r.getString("agent")).isEqualTo("1001");
    assertThat(r.getLong("waitSeconds")).isEqualTo(10);
    assertThat(r.getLong("talkSeconds")).isEqualTo(42);
    assertThat(r.getString("enteredAt")).isEqualTo("2026-11-28T01:00:00Z");
    assertThat(r.getString("answeredAt")).isEqualTo("2026-11-28T01:00:10Z");
    assertThat(r.getString("endedAt")).isEqualTo("2026-11-28T01:00:57Z");
    assertThat(r.getString("recording")).isEqualTo("/var/spool/asterisk/monitor/" + call + ".wav");
    assertThat(r.getBoolean("partial")).isFalse();
    await()
        .untilAsserted(
            () -> {
              JsonObject wb = rig.wallboard();
              assertThat(wb.getLong("answeredToday")).isEqualTo(1);
              assertThat(wb.getLong("answeredWithin15sToday")).isEqualTo(1);
              assertThat(wb.getLong("avgHandleSeconds")).isEqualTo(42);
            });
  }

  @Test
  void abandonedCallIsMissedExactlyOnce() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.deploy();
    String call = rig.pbx.callerJoins("13700137000");
    rig.pbx.ringAgent(call, "PJSIP/1001");
    rig.awaitAgent("1001", "ringing");
    rig.clock.advanceSeconds(15);
    rig.pbx.agentRingNoAnswer(call, "PJSIP/1001");
    rig.awaitAgent("1001", "available");
    rig.clock.advanceSeconds(6);
    rig.pbx.callerAbandons(call);

    JsonObject r = rig.awaitRecord(call);
    assertThat(r.getString("outcome")).isEqualTo("abandoned");
    assertThat(r.getLong("waitSeconds")).isEqualTo(21);
    assertThat(rig.published(TelephonyAddresses.CALL_MISSED))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getString("callId")).isEqualTo(call);
              assertThat(m.getString("number")).isEqualTo("13700137000");
              assertThat(m.getString("queue")).isEqualTo("hotline");
              assertThat(m.getString("at")).isEqualTo("2026-11-28T01:00:21Z");
            });
    await()
        .untilAsserted(
            () -> {
              JsonObject wb = rig.wallboard();
              assertThat(wb.getLong("abandonedToday")).isEqualTo(1);
              assertThat(wb.getDouble("abandonRate")).isEqualTo(1.0);
              assertThat(wb.getJsonObject("agents").getInteger("available")).isEqualTo(1);
            });
  }

  @Test
  void simulatedModeConnectsOnLoopbackAndSaysSo() {
    org.hotline.telephony.sim.ami.SimulatedPbx pbx =
        new org.hotline.telephony.sim.ami.SimulatedPbx(rig.clock, "hotline");
    pbx.addAgent("PJSIP/1001", "1001");
    try (org.hotline.telephony.sim.ami.SimulatedAmiServer sim =
        org.hotline.telephony.sim.ami.SimulatedAmiServer.onLoopback(pbx)) {
      rig.deploy(sim.verticleConfig().put("wallboardIntervalMs", 50), false);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                JsonObject wb = rig.wallboard();
                assertThat(wb.getBoolean("connected")).isTrue();
                assertThat(wb.getBoolean("simulated")).isTrue();
                assertThat(wb.getJsonObject("agents").getInteger("available")).isEqualTo(1);
              });
    }
  }
}
