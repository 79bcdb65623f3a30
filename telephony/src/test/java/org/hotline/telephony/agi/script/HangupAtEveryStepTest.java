package org.hotline.telephony.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.telephony.TelephonyAddresses.IVR_CALLER;
import static org.hotline.telephony.TelephonyAddresses.IVR_ORDER_STATUS;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.hotline.telephony.agi.AgiServerStats;
import org.hotline.telephony.agi.AgiTestBed;
import org.hotline.telephony.agi.FakeCore;
import org.hotline.telephony.sim.agi.DtmfInput;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caller hangs up at each command of each hotline path in turn: every session must end (socket
 * closed by the server, script finished, no timer left waiting), with no command timeout, no
 * protocol error and no script failure.
 */
class HangupAtEveryStepTest {
  private AgiTestBed bed;
  private FakeCore core;

  @BeforeEach
  void start() {
    bed =
        AgiTestBed.standard(
            new JsonObject().put("coreTimeoutMs", 300).put("commandTimeoutMs", 2000));
    core =
        new FakeCore(bed.vertx)
            .answer(
                IVR_ORDER_STATUS,
                new JsonObject()
                    .put("found", true)
                    .put("state", "REPLIED")
                    .put("dueDate", "2026-12-05"))
            .start();
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void noKeyPath() {
    hangUpAtEveryStep(n -> plan().hangupAtCommand(n).build());
  }

  @Test
  void orderStatusPath() {
    hangUpAtEveryStep(
        n ->
            plan(DtmfInput.keys("2"), DtmfInput.keys("2026112800123#")).hangupAtCommand(n).build());
  }

  @Test
  void voicemailPath() {
    core.answer(IVR_CALLER, FakeCore.caller().put("staffed", false));
    hangUpAtEveryStep(
        n -> plan(DtmfInput.none(), DtmfInput.keys("#", 5000)).hangupAtCommand(n).build());
  }

  private static SimCallPlan.Builder plan(DtmfInput... inputs) {
    return SimCallPlan.builder("hotline").inputs(inputs).timeScale(0.002).maxCallMs(10_000);
  }

  private void hangUpAtEveryStep(IntFunction<SimCallPlan> planHangingUpAt) {
    List<String> full = bed.call(planHangingUpAt.apply(0)).commands();
    assertThat(full.size()).isGreaterThan(5);
    for (int n = 1; n <= full.size(); n++) {
      SimCallResult result = bed.call(planHangingUpAt.apply(n));
      assertThat(result.timedOut())
          .as("hang-up at command %d: server closed the call", n)
          .isFalse();
      assertThat(result.hungUp()).isTrue();
      assertThat(result.commands().size())
          .as("commands after hang-up at %d", n)
          .isLessThanOrEqualTo(n + 8);
    }
    AgiServerStats stats = bed.server().stats();
    await().atMost(Duration.ofSeconds(5)).until(() -> stats.activeSessions() == 0);
    assertThat(stats.totalSessions()).isEqualTo(full.size() + 1L);
    assertThat(stats.commandTimeouts()).isZero();
    assertThat(stats.protocolErrors()).isZero();
    assertThat(stats.scriptFailures()).isZero();
  }
}
