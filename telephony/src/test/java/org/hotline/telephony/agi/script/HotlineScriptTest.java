package org.hotline.telephony.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.telephony.TelephonyAddresses.IVR_CALLER;
import static org.hotline.telephony.TelephonyAddresses.IVR_MISSED;
import static org.hotline.telephony.TelephonyAddresses.IVR_ORDER_STATUS;
import static org.hotline.telephony.TelephonyAddresses.IVR_VOICEMAIL;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hotline.telephony.agi.AgiTestBed;
import org.hotline.telephony.agi.FakeCore;
import org.hotline.telephony.sim.agi.DtmfInput;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of the {@code hotline} IVR, over real sockets, with a fake core on the event bus. */
class HotlineScriptTest {
  private AgiTestBed bed;
  private FakeCore core;

  @BeforeEach
  void start() {
    bed =
        AgiTestBed.standard(
            new JsonObject()
                .put("coreTimeoutMs", 300)
                .put("recordingsDir", "/var/spool/asterisk/hotline-test")
                .put("queueName", "hotline"));
    core = new FakeCore(bed.vertx).start();
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private static SimCallPlan.Builder call(DtmfInput... inputs) {
    return SimCallPlan.builder("hotline?lang=zh").inputs(inputs).timeScale(0.01);
  }

  private void assertNoSessionLeft() {
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.server().stats().activeSessions() == 0);
    assertThat(bed.server().stats().scriptFailures()).isZero();
  }

  @Test
  void noKeyReturnsToTheDialplanWithinFiveSecondsWithQueueVariables() {
    long started = System.nanoTime();
    SimCallResult result =
        bed.call(
            SimCallPlan.builder("hotline?lang=zh").prompt("hotline/welcome-day", 3000).build());
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(elapsedMs).isLessThan(5000);
    assertThat(result.timedOut()).isFalse();
    assertThat(result.variables())
        .containsEntry("HOTLINE_ROUTE", "queue")
        .containsEntry("HOTLINE_PROFILE", "P-42")
        .containsEntry("HOTLINE_PRIORITY", "3")
        .containsEntry("QUEUE_PRIORITY", "3")
        .containsEntry("QUEUE_PRIO", "3")
        .containsEntry("HOTLINE_LANG", "zh")
        .containsEntry("HOTLINE_QUEUE", "hotline");
    assertThat(result.commands())
        .contains("ANSWER", "STREAM FILE hotline/welcome-day \"20\"")
        .noneMatch(c -> c.contains("Queue"));
    assertThat(result.hungUp()).isFalse();
    JsonObject asked = core.received(IVR_CALLER).get(0);
    assertThat(asked.getString("number")).isEqualTo("13800138000");
    assertThat(asked.getString("callId")).startsWith("1795888827.");
    assertThat(core.received(IVR_MISSED)).isEmpty();
    assertNoSessionLeft();
  }

  @Test
  void greetingFollowsTheCoresCalendar() {
    core.answer(IVR_CALLER, FakeCore.caller().put("greeting", "holiday"));
    SimCallResult result = bed.call(call().build());
    assertThat(result.commands()).contains("STREAM FILE hotline/welcome-holiday \"20\"");
    assertThat(result.variable("HOTLINE_ROUTE")).isEqualTo("queue");
  }

  @Test
  void keyTwoReadsBackTheOrderStateAndDeadlineThenQueues() {
    core.answer(
        IVR_ORDER_STATUS,
        body ->
            new JsonObject()
                .put("found", body.getString("orderNumber").equals("2026112800123"))
                .put("state", "DISPATCHED")
                .put("stateText", "已派发")
                .put("dueDate", "2026-12-05"));

    SimCallResult result =
        bed.call(call(DtmfInput.keys("2", 500), DtmfInput.keys("2026112800123#")).build());

    long due =
        LocalDate.parse("2026-12-05").atStartOfDay(ZoneId.of("Asia/Shanghai")).toEpochSecond();
    assertThat(result.commands())
        .containsSubsequence(
            "GET DATA hotline/order-enter 5000 20",
            "STREAM FILE hotline/order-number-is \"\"",
            "SAY DIGITS 2026112800123 \"\"",
            "STREAM FILE hotline/order-state-dispatched \"\"",
            "STREAM FILE hotline/order-due \"\"",
            "SAY DATE " + due + " \"\"",
            "SET VARIABLE HOTLINE_ROUTE queue");
    assertThat(core.received(IVR_ORDER_STATUS).get(0).getString("orderNumber"))
        .isEqualTo("2026112800123");
    assertThat(core.received(IVR_MISSED)).isEmpty();
    assertNoSessionLeft();
  }

  @Test
  void invalidOrMissingInputRepromptsTwiceThenFallsToAnAgent() {
    SimCallResult result =
        bed.call(
            call(DtmfInput.keys("2"), DtmfInput.keys("12#"), DtmfInput.none(), DtmfInput.keys("9#"))
                .build());

    assertThat(result.commands().stream().filter(c -> c.startsWith("GET DATA hotline/order-enter")))
        .hasSize(3);
    assertThat(
            result.commands().stream()
                .filter(c -> c.startsWith("STREAM FILE hotline/input-invalid")))
        .hasSize(2);
    assertThat(result.commands())
        .containsSubsequence(
            "STREAM FILE hotline/transfer-agent \"\"", "SET VARIABLE HOTLINE_ROUTE queue");
    assertThat(core.received(IVR_ORDER_STATUS)).isEmpty();
  }

  @Test
  void unknownOrderRepromptsAndTheNextTryIsReadBack() {
    core.answer(
        IVR_ORDER_STATUS,
        body ->
            new JsonObject()
                .put("found", body.getString("orderNumber").equals("20261128001"))
                .put("state", "CLOSED"));

    SimCallResult result =
        bed.call(
            call(DtmfInput.keys("2"), DtmfInput.keys("11112222#"), DtmfInput.keys("20261128001#"))
                .build());

    assertThat(result.commands())
        .containsSubsequence(
            "STREAM FILE hotline/order-not-found \"\"",
            "SAY DIGITS 20261128001 \"\"",
            "STREAM FILE hotline/order-state-closed \"\"",
            "SET VARIABLE HOTLINE_ROUTE queue")
        .noneMatch(c -> c.startsWith("SAY DATE"));
    assertThat(core.received(IVR_ORDER_STATUS)).hasSize(2);
  }

  @Test
  void blockedCallerHearsAPoliteNoticeAndIsHungUp() {
    core.answer(IVR_CALLER, FakeCore.caller().put("blocked", true));

    SimCallResult result = bed.call(call().build());

    assertThat(result.commands())
        .containsExactly(
            "ANSWER",
            "SET VARIABLE HOTLINE_ROUTE blocked",
            "STREAM FILE hotline/blocked \"\"",
            "HANGUP");
    assertThat(result.variables()).doesNotContainKey("HOTLINE_QUEUE");
    assertThat(result.hungUp()).isTrue();
    assertThat(core.received(IVR_MISSED)).isEmpty();
    assertNoSessionLeft();
  }

  @Test
  void noAgentStaffedLeavesAVoicemailThatTheCoreTurnsIntoAnOrder() {
    core.answer(IVR_CALLER, FakeCore.caller().put("staffed", false).put("greeting", "night"));

    SimCallResult result = bed.call(call(DtmfInput.none(), DtmfInput.keys("#", 6000)).build());

    assertThat(result.commands())
        .containsSubsequence(
            "STREAM FILE hotline/welcome-night \"20\"",
            "STREAM FILE hotline/voicemail-no-agent \"\"",
            "SET VARIABLE HOTLINE_ROUTE voicemail",
            "STREAM FILE hotline/voicemail-thanks \"\"",
            "HANGUP");
    assertThat(result.commands())
        .anyMatch(
            c ->
                c.matches(
                    "RECORD FILE /var/spool/asterisk/hotline-test/voicemail-1795888827\\.\\d+-\\d+ wav \"#\" 120000 0 BEEP"));
    JsonObject voicemail = core.received(IVR_VOICEMAIL).get(0);
    assertThat(voicemail.getLong("durationSeconds")).isEqualTo(6);
    assertThat(voicemail.getString("recording")).isEqualTo(result.recordings().get(0));
    assertThat(voicemail.getString("number")).isEqualTo("13800138000");
    assertThat(result.variable("HOTLINE_ROUTE")).isEqualTo("voicemail");
    assertThat(core.received(IVR_MISSED)).isEmpty();
    assertNoSessionLeft();
  }

  @Test
  void longWaitOffersVoicemailAndKeyOneRecords() {
    core.answer(IVR_CALLER, FakeCore.caller().put("expectedWaitSeconds", 900));

    SimCallResult result =
        bed.call(call(DtmfInput.none(), DtmfInput.keys("1"), DtmfInput.keys("#", 3000)).build());

    assertThat(result.commands()).contains("GET DATA hotline/voicemail-offer 3000 1");
    assertThat(core.received(IVR_VOICEMAIL)).hasSize(1);
    assertThat(result.variable("HOTLINE_ROUTE")).isEqualTo("voicemail");
  }

  @Test
  void longWaitWithoutKeyStillQueues() {
    core.answer(IVR_CALLER, FakeCore.caller().put("expectedWaitSeconds", 900));

    SimCallResult result = bed.call(call().build());

    assertThat(result.commands()).contains("GET DATA hotline/voicemail-offer 3000 1");
    assertThat(result.variable("HOTLINE_ROUTE")).isEqualTo("queue");
    assertThat(core.received(IVR_VOICEMAIL)).isEmpty();
  }

  @Test
  void silentCoreFallsBackToDefaultsAndTheCallGoesOn() {
    core.answer(IVR_CALLER, body -> null);

    SimCallResult result = bed.call(call().build());

    assertThat(result.variables())
        .containsEntry("HOTLINE_ROUTE", "queue")
        .containsEntry("HOTLINE_PRIORITY", "0")
        .containsEntry("HOTLINE_PROFILE", "");
    assertThat(result.commands())
        .contains("STREAM FILE hotline/welcome-day \"20\"", "SET VARIABLE HOTLINE_PROFILE \"\"");
    assertNoSessionLeft();
  }

  @Test
  void noCoreAtAllFallsBackToo() {
    AgiTestBed.await(core.stop());

    SimCallResult result =
        bed.call(call(DtmfInput.keys("2"), DtmfInput.keys("20261128001#")).build());

    assertThat(result.commands()).contains("STREAM FILE hotline/order-unavailable \"\"");
    assertThat(result.variable("HOTLINE_ROUTE")).isEqualTo("queue");
    assertNoSessionLeft();
  }

  @Test
  void hangUpDuringTheGreetingIsReportedAsMissed() {
    SimCallResult result = bed.call(call().hangupOnCommand("STREAM FILE hotline/welcome").build());

    await().atMost(Duration.ofSeconds(5)).until(() -> core.received(IVR_MISSED).size() == 1);
    JsonObject missed = core.received(IVR_MISSED).get(0);
    assertThat(missed.getString("stage")).isEqualTo("greeting");
    assertThat(missed.getString("number")).isEqualTo("13800138000");
    assertThat(missed.getString("at")).isNotBlank();
    assertThat(result.variables()).doesNotContainKey("HOTLINE_ROUTE");
    assertThat(result.commands()).endsWith("CHANNEL STATUS");
    assertNoSessionLeft();
  }

  @Test
  void hangUpWhileKeyingTheOrderNumberIsMissedToo() {
    bed.call(call(DtmfInput.keys("2")).hangupOnCommand("GET DATA").build());

    await().atMost(Duration.ofSeconds(5)).until(() -> core.received(IVR_MISSED).size() == 1);
    assertThat(core.received(IVR_MISSED).get(0).getString("stage")).isEqualTo("order-status");
  }

  @Test
  void unexpectedRefusalStillSendsTheCallerToTheQueue() {
    SimCallResult result = bed.call(call().refuseCommand("STREAM FILE hotline/welcome").build());

    assertThat(result.variable("HOTLINE_ROUTE")).isEqualTo("queue");
    assertThat(result.timedOut()).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.server().stats().activeSessions() == 0);
    assertThat(bed.server().stats().scriptFailures()).isEqualTo(1);
  }

  @Test
  void hangUpBeforeTheGreetingIsNotAMissedCall() {
    bed.call(call().hangupAtCommand(1).build());

    assertNoSessionLeft();
    assertThat(core.received(IVR_MISSED)).isEmpty();
  }

  @Test
  void commandsHaveTheShapeOfTheRecordedPeer() {
    core.answer(
        IVR_ORDER_STATUS,
        new JsonObject()
            .put("found", true)
            .put("state", "ACCEPTED")
            .put("dueDate", "2026-12-05T18:00:00+08:00"));
    SimCallResult result =
        bed.call(call(DtmfInput.keys("2"), DtmfInput.keys("2026112800123#")).build());

    String verbs =
        "(ANSWER|CHANNEL STATUS|STREAM FILE \\S+ \"[0-9#*]*\"|GET DATA \\S+ \\d+ \\d+|SAY DIGITS \\d+ \"\"|SAY DATE \\d+ \"\"|SET VARIABLE \\S+ (\\S+|\"[^\"]*\")|HANGUP)";
    assertThat(result.transcript().bytesToAsterisk().toString())
        .doesNotContain("\r")
        .endsWith("\n");
    assertThat(result.commands()).allMatch(c -> c.matches(verbs), "matches " + verbs);
  }
}
