package org.hotline.telephony.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.agi.AgiTestBed;
import org.hotline.telephony.agi.FakeCore;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With no key pressed, the {@code hotline} script hands the call back to the dialplan within 5 s
 * (issue 4, GB/T 33358: no menu on intake), measured on the simulated timeline: every prompt lasts
 * as long as prompts.tsv says (what the generated files last), and the core answers the caller
 * lookup slowly or not at all (then the script waits out the default timeout).
 */
class HandBackTimelineTest {
  private static final long CORE_TIMEOUT_MS = 800; // IvrSettings' default

  /**
   * A slow core, answering well inside the timeout so that a loaded test machine's timer lag cannot
   * turn it into a timeout (the silent-core case covers the full timeout).
   */
  private static final long CORE_SLOW_REPLY_MS = 600;

  private AgiTestBed bed;

  @BeforeEach
  void start() {
    bed = AgiTestBed.standard(new JsonObject().put("queueName", "hotline"));
    // a served platform is warm: one call first, so that class loading is not counted as IVR time
    FakeCore warmUp = new FakeCore(bed.vertx).start();
    bed.call(SimCallPlan.builder("hotline").timeScale(0.01).build());
    AgiTestBed.await(warmUp.stop());
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private static SimCallPlan planWithRealPromptLengths() {
    SimCallPlan.Builder plan = SimCallPlan.builder("hotline?lang=zh").timeScale(0.05);
    IvrPrompts.lengths().forEach(plan::prompt);
    return plan.build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"day", "night", "holiday"})
  void slowestCoreAndTheGreetingTogetherStayWithinFiveSeconds(String greeting) {
    bed.vertx
        .eventBus()
        .<JsonObject>consumer(
            TelephonyAddresses.IVR_CALLER,
            m ->
                bed.vertx.setTimer(
                    CORE_SLOW_REPLY_MS, t -> m.reply(FakeCore.caller().put("greeting", greeting))));

    SimCallResult r = bed.call(planWithRealPromptLengths());

    assertThat(r.variable(TelephonyAddresses.VAR_ROUTE)).isEqualTo("queue");
    assertThat(r.commands()).contains("STREAM FILE " + IvrPrompts.welcome(greeting) + " \"20\"");
    assertThat(r.hungUp()).isFalse();
    System.out.printf("hand-back (%s greeting) after %d ms%n", greeting, r.simulatedMs());
    assertThat(r.simulatedMs())
        .as("hand-back after %d ms on the simulated timeline", r.simulatedMs())
        .isGreaterThanOrEqualTo(
            CORE_SLOW_REPLY_MS + IvrPrompts.lengthMs(IvrPrompts.welcome(greeting)))
        .isLessThanOrEqualTo(IvrPrompts.HAND_BACK_MS);
  }

  @Test
  void aSilentCoreFallsBackInTimeToo() {
    new FakeCore(bed.vertx).answer(TelephonyAddresses.IVR_CALLER, body -> null).start();
    SimCallResult r = bed.call(planWithRealPromptLengths());
    assertThat(r.variable(TelephonyAddresses.VAR_ROUTE)).isEqualTo("queue");
    assertThat(r.simulatedMs()).isBetween(CORE_TIMEOUT_MS, IvrPrompts.HAND_BACK_MS);
  }

  @Test
  void everyGreetingFitsWithTheDefaultCoreTimeout() {
    for (String name :
        new String[] {
          IvrPrompts.WELCOME_DAY, IvrPrompts.WELCOME_NIGHT, IvrPrompts.WELCOME_HOLIDAY
        }) {
      assertThat(CORE_TIMEOUT_MS + IvrPrompts.lengthMs(name)).as(name).isLessThanOrEqualTo(4800);
    }
  }

  @Test
  void aConfigurationThatCannotHandBackInTimeIsRefusedAtStart() {
    Vertx vertx = Vertx.vertx();
    try {
      assertThatThrownBy(
              () -> IvrScripts.standard(vertx, new JsonObject().put("coreTimeoutMs", 2000)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("5000 ms");
      assertThat(IvrScripts.standard(vertx, new JsonObject())).containsKey("hotline");
    } finally {
      vertx.close();
    }
  }

  @Test
  void promptLengthsCoverEveryPromptTheScriptsPlay() {
    Map<String, Long> lengths = IvrPrompts.lengths();
    assertThat(lengths)
        .containsKeys(
            IvrPrompts.WELCOME_DAY, IvrPrompts.SURVEY_RATE, IvrPrompts.orderState("CLOSED"));
    assertThat(lengths.values()).allMatch(ms -> ms > 0 && ms < 30_000);
  }
}
