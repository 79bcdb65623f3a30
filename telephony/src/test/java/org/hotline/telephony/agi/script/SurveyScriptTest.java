package org.hotline.telephony.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.telephony.TelephonyAddresses.SURVEY_RESULT;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.hotline.telephony.agi.AgiTestBed;
import org.hotline.telephony.agi.FakeCore;
import org.hotline.telephony.sim.agi.DtmfInput;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The post-call and callback surveys over real sockets, with a fake core on the event bus. */
class SurveyScriptTest {
  private AgiTestBed bed;
  private FakeCore core;

  @BeforeEach
  void start() {
    bed = AgiTestBed.standard(new JsonObject().put("coreTimeoutMs", 300));
    core = new FakeCore(bed.vertx).start();
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private static SimCallPlan.Builder survey(DtmfInput... inputs) {
    return SimCallPlan.builder("survey")
        .uniqueId("1795888827.17")
        .args("1795888827.17", "13800138000")
        .inputs(inputs)
        .timeScale(0.01);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void scoreGoesToTheCoreThenThanksAndHangup(int score) {
    SimCallResult result = bed.call(survey(DtmfInput.keys(String.valueOf(score))).build());

    assertThat(result.commands())
        .containsExactly(
            "GET DATA survey/rate 5000 1",
            "SET VARIABLE SURVEY_SCORE " + score,
            "STREAM FILE survey/thanks \"\"",
            "HANGUP");
    JsonObject stored = core.received(SURVEY_RESULT).get(0);
    assertThat(stored.getInteger("score")).isEqualTo(score);
    assertThat(stored.getString("kind")).isEqualTo("call");
    assertThat(stored.getString("callId")).isEqualTo("1795888827.17");
    assertThat(stored.getString("ref")).isEqualTo("1795888827.17");
    assertThat(stored.getString("number")).isEqualTo("13800138000");
    assertThat(result.variable("SURVEY_SCORE")).isEqualTo(String.valueOf(score));
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.server().stats().activeSessions() == 0);
  }

  @Test
  void invalidAndMissingKeysArePromptedAgain() {
    SimCallResult result =
        bed.call(survey(DtmfInput.keys("7"), DtmfInput.none(), DtmfInput.keys("2")).build());

    assertThat(result.commands().stream().filter(c -> c.startsWith("STREAM FILE survey/invalid")))
        .hasSize(2);
    assertThat(core.received(SURVEY_RESULT))
        .singleElement()
        .satisfies(m -> assertThat(m.getInteger("score")).isEqualTo(2));
  }

  @Test
  void noValidKeyAfterTwoRepromptsEndsWithoutScore() {
    SimCallResult result =
        bed.call(survey(DtmfInput.keys("9"), DtmfInput.keys("0"), DtmfInput.none()).build());

    assertThat(result.commands().stream().filter(c -> c.startsWith("GET DATA survey/rate")))
        .hasSize(3);
    assertThat(result.commands())
        .endsWith("SET VARIABLE SURVEY_SCORE none", "STREAM FILE survey/goodbye \"\"", "HANGUP");
    assertThat(core.received(SURVEY_RESULT)).isEmpty();
  }

  @Test
  void callbackSurveyRatesTheOrderWithItsReference() {
    SimCallResult result =
        bed.call(
            SimCallPlan.builder("callback-survey")
                .uniqueId("1795890000.5")
                .args("T-20261128-0007", "13900139000")
                .inputs(DtmfInput.keys("3"))
                .timeScale(0.01)
                .build());

    assertThat(result.commands()).startsWith("GET DATA survey/callback-rate 5000 1");
    JsonObject stored = core.received(SURVEY_RESULT).get(0);
    assertThat(stored.getString("kind")).isEqualTo("callback");
    assertThat(stored.getString("ref")).isEqualTo("T-20261128-0007");
    assertThat(stored.getString("callId")).isEqualTo("1795890000.5");
    assertThat(stored.getString("number")).isEqualTo("13900139000");
    assertThat(stored.getInteger("score")).isEqualTo(3);
  }

  @Test
  void callbackSurveyAcceptsTheSampleDialplansThreeArguments() {
    bed.call(
        SimCallPlan.builder("callback-survey")
            .uniqueId("1795890000.9")
            .args("1795890000.9", "13900139000", "CB-77")
            .inputs(DtmfInput.keys("1"))
            .timeScale(0.01)
            .build());

    JsonObject stored = core.received(SURVEY_RESULT).get(0);
    assertThat(stored.getString("ref")).isEqualTo("CB-77");
    assertThat(stored.getString("callId")).isEqualTo("1795890000.9");
    assertThat(stored.getString("number")).isEqualTo("13900139000");
  }

  @Test
  void hangUpDuringTheQuestionStoresNothingAndEndsTheSession() {
    SimCallResult result = bed.call(survey().hangupOnCommand("GET DATA").build());

    assertThat(result.commands()).containsExactly("GET DATA survey/rate 5000 1", "CHANNEL STATUS");
    assertThat(core.received(SURVEY_RESULT)).isEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.server().stats().activeSessions() == 0);
    assertThat(bed.server().stats().scriptFailures()).isZero();
  }

  @Test
  void silentCoreStillThanksTheCaller() {
    core.answer(SURVEY_RESULT, body -> null);
    SimCallResult result = bed.call(survey(DtmfInput.keys("1")).build());
    assertThat(result.commands()).endsWith("STREAM FILE survey/thanks \"\"", "HANGUP");
    assertThat(core.received(SURVEY_RESULT)).hasSize(1);
  }
}
