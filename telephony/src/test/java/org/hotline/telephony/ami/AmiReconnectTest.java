package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.hotline.telephony.TelephonyAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Login retries, and state that is exact again after the link drops and comes back. */
class AmiReconnectTest {
  private final AmiTestRig rig = new AmiTestRig();

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private long queueStatusCount() {
    return rig.server.actionsReceived().stream().filter("QueueStatus"::equalsIgnoreCase).count();
  }

  @Test
  void droppedMidCallTheClientReconnectsAndResyncsToTheExactState() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.pbx.addAgent("PJSIP/1002", "1002");
    rig.deploy();
    String talking = rig.pbx.callerJoins("13800138000");
    rig.awaitWaiting(1);
    rig.clock.advanceSeconds(4);
    rig.pbx.agentAnswers(talking, "PJSIP/1001");
    rig.awaitAgent("1001", "onCall");
    assertThat(queueStatusCount()).isEqualTo(1);

    rig.server.refuseLogins(true); // keep the link down while the outage changes are made
    rig.server.dropConnections();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                rig.published(TelephonyAddresses.AMI_STATUS).stream()
                    .anyMatch(s -> !s.getBoolean("connected")));
    // While the link is down: a caller joins, agent 1002 pauses. No events reach the client.
    String waiting = rig.pbx.callerJoins("13900139000");
    rig.pbx.pauseAgent(null, "PJSIP/1002", true, "meeting");
    rig.clock.advanceSeconds(6);
    rig.server.refuseLogins(false);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> queueStatusCount() >= 2 && rig.server.connections() == 1);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              JsonObject wb = rig.wallboard();
              assertThat(wb.getBoolean("connected")).isTrue();
              assertThat(wb.getInteger("callsWaiting")).isEqualTo(1);
              assertThat(wb.getLong("longestWaitSeconds")).isEqualTo(6);
              assertThat(wb.getJsonObject("agents").getInteger("onCall")).isEqualTo(1);
              assertThat(wb.getJsonObject("agents").getInteger("paused")).isEqualTo(1);
              assertThat(wb.getJsonObject("agents").getInteger("available")).isZero();
            });
    assertThat(rig.agent("1001").getString("callId")).isEqualTo(talking);
    assertThat(rig.agent("1002").getString("pausedReason")).isEqualTo("meeting");

    // The call that spanned the outage still ends with a whole record.
    rig.clock.advanceSeconds(30);
    rig.pbx.callerHangsUp(talking);
    JsonObject r = rig.awaitRecord(talking);
    assertThat(r.getString("outcome")).isEqualTo("answered");
    assertThat(r.getLong("waitSeconds")).isEqualTo(4);
    assertThat(r.getLong("talkSeconds")).isEqualTo(36);
    assertThat(r.getBoolean("partial")).isFalse();

    // The caller who joined during the outage is adopted and tracked from then on.
    rig.pbx.callerAbandons(waiting);
    JsonObject abandoned = rig.awaitRecord(waiting);
    assertThat(abandoned.getString("outcome")).isEqualTo("abandoned");
    assertThat(abandoned.getBoolean("partial")).as(abandoned.encode()).isTrue();
    assertThat(rig.published(TelephonyAddresses.CALL_MISSED)).hasSize(1);
  }

  @Test
  void callThatEndedDuringTheOutageIsClosedAtResync() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.deploy();
    String call = rig.pbx.callerJoins("13800138000");
    rig.awaitWaiting(1);
    rig.server.refuseLogins(true);
    rig.server.dropConnections();
    rig.pbx.callerAbandons(call);
    rig.server.refuseLogins(false);
    JsonObject r = rig.awaitRecord(call);
    assertThat(r.getBoolean("partial")).isTrue();
    // Asterisk counted an abandon we never saw: the vanished waiting caller abandoned
    assertThat(r.getString("outcome")).isEqualTo("abandoned");
    assertThat(r.getString("queue")).isEqualTo("hotline");
    assertThat(rig.published(TelephonyAddresses.CALL_MISSED))
        .singleElement()
        .satisfies(m -> assertThat(m.getString("number")).isEqualTo("13800138000"));
    assertThat(rig.wallboard().getInteger("callsWaiting")).isZero();
  }

  @Test
  void callAnsweredDuringTheOutageEndsAsAnsweredWithAsterisksFigures() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.deploy();
    String call = rig.pbx.callerJoins("13800138000");
    rig.awaitWaiting(1);
    rig.server.refuseLogins(true);
    rig.server.dropConnections();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                rig.published(TelephonyAddresses.AMI_STATUS).stream()
                    .anyMatch(s -> !s.getBoolean("connected")));
    rig.clock.advanceSeconds(8);
    rig.pbx.agentAnswers(call, "PJSIP/1001"); // AgentConnect is lost
    rig.clock.advanceSeconds(20);
    rig.server.refuseLogins(false);
    rig.awaitConnected();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(rig.agent("1001").getString("state")).isEqualTo("onCall"));

    rig.clock.advanceSeconds(40);
    rig.pbx.callerHangsUp(call);
    JsonObject r = rig.awaitRecord(call);
    assertThat(r.getString("outcome")).isEqualTo("answered");
    assertThat(r.getString("agent")).isEqualTo("1001");
    assertThat(r.getLong("waitSeconds")).isEqualTo(8);
    assertThat(r.getLong("talkSeconds")).isEqualTo(60);
    assertThat(r.getBoolean("partial")).isTrue();
    assertThat(rig.published(TelephonyAddresses.CALL_MISSED)).isEmpty();
  }

  @Test
  void callThatBeganAndIsLiveAfterTheOutageIsOpenedAndClosedWhole() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.deploy();
    rig.server.refuseLogins(true);
    rig.server.dropConnections();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                rig.published(TelephonyAddresses.AMI_STATUS).stream()
                    .anyMatch(s -> !s.getBoolean("connected")));
    String call = rig.pbx.callerJoins("13700137000");
    rig.clock.advanceSeconds(5);
    rig.pbx.agentAnswers(call, "PJSIP/1001");
    rig.clock.advanceSeconds(10);
    rig.server.refuseLogins(false);
    rig.awaitConnected();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(rig.agent("1001").getString("callId")).isEqualTo(call));

    rig.clock.advanceSeconds(30);
    rig.pbx.callerHangsUp(call);
    JsonObject r = rig.awaitRecord(call);
    assertThat(r.getString("caller")).isEqualTo("13700137000");
    assertThat(r.getString("queue")).isEqualTo("hotline");
    assertThat(r.getString("outcome")).isEqualTo("answered");
    assertThat(r.getString("agent")).isEqualTo("1001");
    assertThat(r.getLong("talkSeconds")).isEqualTo(40);
    assertThat(r.getString("enteredAt")).isEqualTo("2026-11-28T01:00:00Z");
    assertThat(r.getBoolean("partial")).isTrue();
    assertThat(rig.published(TelephonyAddresses.CALL_ENDED)).hasSize(1);
  }

  @Test
  void refusedLoginIsRetriedWithBackoffUntilAsteriskAcceptsIt() {
    rig.server.refuseLogins(true);
    rig.deploy(rig.config(), false);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                rig.server.actionsReceived().stream().filter("Login"::equalsIgnoreCase).count()
                    >= 3);
    assertThat(rig.wallboard().getBoolean("connected")).isFalse();
    assertThat(rig.published(TelephonyAddresses.AMI_STATUS))
        .anySatisfy(
            s -> {
              assertThat(s.getBoolean("connected")).isFalse();
              assertThat(s.getString("error")).isNotBlank();
            });

    rig.server.refuseLogins(false);
    rig.awaitConnected();
    assertThat(rig.server.connections()).isEqualTo(1);
  }

  @Test
  void wrongSecretNeverConnects() {
    rig.deploy(rig.config().put("amiSecret", "wrong"), false);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                rig.server.actionsReceived().stream().filter("Login"::equalsIgnoreCase).count()
                    >= 2);
    assertThat(rig.server.connections()).isZero();
    assertThat(rig.wallboard().getBoolean("connected")).isFalse();
  }

  @Test
  void aSilentDeadLinkIsDetectedByTheHeartbeatAndRemade() {
    rig.pbx.addAgent("PJSIP/1001", "1001");
    rig.deploy(rig.config().put("heartbeatMs", 200), true);
    rig.server.silence(true);
    String call = rig.pbx.callerJoins("13800138000"); // lost: the link is dead
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                rig.published(TelephonyAddresses.AMI_STATUS).stream()
                    .anyMatch(s -> !s.getBoolean("connected")));
    rig.server.silence(false);
    rig.awaitConnected();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(rig.wallboard().getInteger("callsWaiting")).isEqualTo(1));
    assertThat(call).isNotBlank();
  }
}
