package org.hotline.telephony.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.agi.AgiTestBed;
import org.hotline.telephony.agi.FakeCore;
import org.hotline.telephony.sim.ami.SimulatedPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's simulated call: the IVR runs over a real FastAGI socket with keys pressed while it
 * plays, then the call waits in the simulated queue until an agent answers.
 */
class SimulatedCallsTest {
  private AgiTestBed bed;
  private FakeCore core;
  private final SimulatedPbx pbx = new SimulatedPbx(Clock.systemUTC(), "hotline");
  private SimulatedCalls calls;

  @BeforeEach
  void start() {
    bed = AgiTestBed.standard(new JsonObject().put("queueName", "hotline"));
    core = new FakeCore(bed.vertx).start();
    calls = new SimulatedCalls(bed.vertx, pbx, "127.0.0.1", bed.port(), 0.05, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private JsonObject view(String id) {
    return AgiTestBed.await(calls.get(id)).orElseThrow();
  }

  private void awaitState(String id, String state) {
    await().atMost(Duration.ofSeconds(10)).until(() -> state.equals(view(id).getString("state")));
  }

  private static boolean has(JsonArray log, String kind, String detail) {
    return log.stream()
        .map(JsonObject.class::cast)
        .anyMatch(
            e -> kind.equals(e.getString("kind")) && e.getString("detail").startsWith(detail));
  }

  @Test
  void keysPressedDuringTheGreetingReachTheIvrThenTheCallQueuesAndAnAgentAnswers() {
    core.answer(
        TelephonyAddresses.IVR_ORDER_STATUS,
        new JsonObject().put("found", true).put("state", "ACCEPTED").put("dueDate", "2026-12-05"));
    String id = AgiTestBed.await(calls.place("13800138000", null)).getString("id");
    assertThat(view(id).getString("state")).isEqualTo("ivr");
    // a person keys 2 during the greeting, then the order number (typed ahead of its prompt)
    AgiTestBed.await(calls.dtmf(id, "2"));
    AgiTestBed.await(calls.dtmf(id, "2026112800123#"));

    awaitState(id, "queued");
    JsonObject v = view(id);
    assertThat(v.getString("route")).isEqualTo("queue");
    assertThat(has(v.getJsonArray("ivr"), "play", "hotline/welcome-day")).isTrue();
    assertThat(
            v.getJsonArray("ivr").stream()
                .map(JsonObject.class::cast)
                .filter(e -> "play".equals(e.getString("kind")))
                .findFirst()
                .orElseThrow()
                .getString("text"))
        .contains("请按二");
    assertThat(has(v.getJsonArray("ivr"), "ask", "hotline/order-enter")).isTrue();
    assertThat(has(v.getJsonArray("ivr"), "say-digits", "2026112800123")).isTrue();
    assertThat(has(v.getJsonArray("ivr"), "play", "hotline/order-state-accepted")).isTrue();
    assertThat(core.received(TelephonyAddresses.IVR_ORDER_STATUS).get(0).getString("orderNumber"))
        .isEqualTo("2026112800123");
    assertThat(pbx.callsWaiting()).isEqualTo(1);

    JsonObject answered = AgiTestBed.await(calls.answer(id, "agent1"));
    assertThat(answered.getString("state")).isEqualTo("talking");
    assertThat(answered.getString("agent")).isEqualTo("agent1");
    assertThat(pbx.callsWaiting()).isZero();
    assertThat(pbx.activeChannels()).isEqualTo(2); // the caller and the agent's leg

    AgiTestBed.await(calls.hangup(id));
    assertThat(pbx.activeChannels()).isZero();
    assertThat(view(id).getString("state")).isEqualTo("ended");
  }

  @Test
  void withNoKeyTheCallGoesToTheQueue() {
    String id = AgiTestBed.await(calls.place("13800138001", "hotline")).getString("id");
    awaitState(id, "queued");
    assertThat(view(id).getJsonObject("variables").getString("HOTLINE_QUEUE")).isEqualTo("hotline");
  }

  @Test
  void hangingUpInTheIvrEndsTheAgiSessionAndTheChannel() {
    core.answer(TelephonyAddresses.IVR_ORDER_STATUS, new JsonObject().put("found", false));
    calls = new SimulatedCalls(bed.vertx, pbx, "127.0.0.1", bed.port(), 1.0, Clock.systemUTC());
    String id =
        AgiTestBed.await(
                calls.place("13800138002", null).compose(v -> calls.dtmf(v.getString("id"), "2")))
            .getString("id");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> has(view(id).getJsonArray("ivr"), "ask", "hotline/order-enter"));
    AgiTestBed.await(calls.hangup(id));
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.server().stats().activeSessions() == 0);
    assertThat(bed.server().stats().scriptFailures()).isZero();
    assertThat(pbx.activeChannels()).isZero();
    assertThat(view(id).getString("state")).isEqualTo("ended");
    assertThat(core.received(TelephonyAddresses.IVR_MISSED)).hasSize(1); // a callback is due
    assertThatThrownBy(() -> AgiTestBed.await(calls.answer(id, "agent1")))
        .hasMessageContaining("not waiting");
  }

  @Test
  void badRequestsAreRefusedAndUnknownCallsAreNotFound() {
    assertThatThrownBy(() -> AgiTestBed.await(calls.place("12ab", null)))
        .hasMessageContaining("caller");
    assertThatThrownBy(() -> AgiTestBed.await(calls.place("13800138000", "menu")))
        .hasMessageContaining("script");
    assertThatThrownBy(() -> AgiTestBed.await(calls.dtmf("nope", "1")))
        .hasRootCauseInstanceOf(NoSuchElementException.class);
    String id = AgiTestBed.await(calls.place("13800138003", null)).getString("id");
    assertThatThrownBy(() -> AgiTestBed.await(calls.dtmf(id, "12a")))
        .hasMessageContaining("digits");
  }
}
