package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.telephony.sim.agi.DtmfInput;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallPlan.UsageStyle;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad peers: garbage, truncated or oversized input, silence, socket drops, 520 in both forms,
 * unknown scripts and too many sessions. Every session must end, nothing may hang.
 */
class FastAgiServerRobustnessTest {
  private final List<Object> seen = new CopyOnWriteArrayList<>();
  private AgiTestBed bed;

  @BeforeEach
  void start() {
    AgiScript probe =
        ch ->
            ch.answer()
                .compose(r -> ch.sendCommand("GET DATA"))
                .recover(
                    err -> {
                      seen.add(err);
                      return Future.succeededFuture();
                    })
                .compose(r -> ch.verbose("after 520", 1))
                .onSuccess(seen::add)
                .compose(r -> ch.getData("probe/prompt", 5000, 4))
                .onSuccess(seen::add)
                .mapEmpty();
    bed =
        AgiTestBed.withScripts(
            Map.of("probe", probe),
            new JsonObject()
                .put("commandTimeoutMs", 400)
                .put("mediaTimeoutMs", 100)
                .put("environmentTimeoutMs", 1000)
                .put("maxLineLength", 1024)
                .put("maxSessions", 3));
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  private SimCallPlan.Builder probe() {
    return SimCallPlan.builder("probe").timeScale(0.01).maxCallMs(5000);
  }

  private void assertEnded() {
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.server().stats().activeSessions() == 0);
  }

  @Test
  void singleLine520FailsTheCommandAtOnceAndTheScriptGoesOn() {
    long started = System.nanoTime();
    SimCallResult result =
        bed.call(probe().usageStyle(UsageStyle.SINGLE_LINE).inputs(DtmfInput.keys("12#")).build());

    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
    assertThat(seen.get(0))
        .isInstanceOfSatisfying(
            AgiCommandException.class, e -> assertThat(e.reply().code()).isEqualTo(520));
    assertThat(((AgiReply) seen.get(1)).text()).isEqualTo("result=1");
    assertThat(((AgiReply) seen.get(2)).result()).isEqualTo("12");
    assertThat(result.transcript().toString())
        .contains("520 Invalid command syntax.  Proper usage not available.");
    assertEnded();
  }

  @Test
  void multiLine520IsReadToItsEnd() {
    bed.call(probe().usageStyle(UsageStyle.MULTI_LINE).inputs(DtmfInput.keys("7#")).build());

    assertThat(seen.get(0))
        .isInstanceOfSatisfying(
            AgiCommandException.class,
            e -> {
              assertThat(e.reply().usage())
                  .hasSize(3)
                  .first()
                  .asString()
                  .contains("Proper usage follows");
              assertThat(e.reply().text()).isEqualTo("End of proper usage.");
            });
    assertThat(((AgiReply) seen.get(2)).result()).isEqualTo("7");
  }

  @Test
  void environmentSentInManySmallWritesStillWorks() {
    SimCallResult result =
        bed.call(probe().environmentWrites(30).inputs(DtmfInput.keys("1#")).build());
    assertThat(result.commands()).hasSize(4);
    assertThat(bed.server().stats().protocolErrors()).isZero();
  }

  @Test
  void garbageInTheEnvironmentClosesTheSession() {
    SimCallResult result = bed.call(probe().garbageInEnvironment("<html>hello</html>").build());
    assertThat(result.commands()).isEmpty();
    assertThat(result.timedOut()).isFalse();
    assertThat(bed.server().stats().protocolErrors()).isEqualTo(1);
    assertEnded();
  }

  @Test
  void truncatedEnvironmentEndsTheSession() {
    SimCallResult result = bed.call(probe().truncateEnvironmentAfter(7).build());
    assertThat(result.commands()).isEmpty();
    assertEnded();
    assertThat(bed.server().stats().totalSessions()).isEqualTo(1);
  }

  @Test
  void environmentThatNeverEndsTimesOut() {
    NetSocket socket = AgiTestBed.await(bed.client.connect(bed.port(), "127.0.0.1"));
    Promise<Void> closed = Promise.promise();
    socket.closeHandler(v -> closed.tryComplete());
    socket.write("agi_network: yes\nagi_network_script: probe\n");

    AgiTestBed.await(closed.future(), Duration.ofSeconds(3));
    assertThat(bed.server().stats().protocolErrors()).isEqualTo(1);
    assertEnded();
  }

  @Test
  void oversizedLineClosesTheSession() {
    NetSocket socket = AgiTestBed.await(bed.client.connect(bed.port(), "127.0.0.1"));
    Promise<Void> closed = Promise.promise();
    socket.closeHandler(v -> closed.tryComplete());
    socket.write("agi_network: " + "x".repeat(5000));

    AgiTestBed.await(closed.future(), Duration.ofSeconds(3));
    assertThat(bed.server().stats().protocolErrors()).isEqualTo(1);
    assertEnded();
  }

  @Test
  void garbageReplyClosesTheSession() {
    SimCallResult result = bed.call(probe().garbageAtCommand(1).build());
    assertThat(result.commands()).containsExactly("ANSWER");
    assertThat(bed.server().stats().protocolErrors()).isEqualTo(1);
    assertEnded();
  }

  @Test
  void silentPeerHitsTheCommandTimeout() {
    long started = System.nanoTime();
    SimCallResult result = bed.call(probe().silentAtCommand(3).build());
    assertThat(result.timedOut()).isFalse();
    assertThat((System.nanoTime() - started) / 1_000_000).isBetween(400L, 3000L);
    assertThat(bed.server().stats().commandTimeouts()).isEqualTo(1);
    assertEnded();
  }

  @Test
  void socketDroppedWhileACommandIsPendingEndsTheSession() {
    SimCallResult result = bed.call(probe().silentAtCommand(1).maxCallMs(100).build());
    assertThat(result.timedOut()).isTrue();
    assertEnded();
    assertThat(bed.server().stats().commandTimeouts()).isZero();
  }

  @Test
  void unknownScriptIsClosedWithoutCommands() {
    SimCallResult result = bed.call(SimCallPlan.builder("no-such-script?x=1").build());
    assertThat(result.commands()).isEmpty();
    assertThat(result.timedOut()).isFalse();
    assertEnded();
  }

  @Test
  void sessionsBeyondTheLimitAreRefused() {
    List<NetSocket> idle =
        List.of(
            AgiTestBed.await(bed.client.connect(bed.port(), "127.0.0.1")),
            AgiTestBed.await(bed.client.connect(bed.port(), "127.0.0.1")),
            AgiTestBed.await(bed.client.connect(bed.port(), "127.0.0.1")));
    await().atMost(Duration.ofSeconds(2)).until(() -> bed.server().stats().activeSessions() == 3);

    SimCallResult refused = bed.call(probe().build());

    assertThat(refused.commands()).isEmpty();
    assertThat(bed.server().stats().rejectedSessions()).isEqualTo(1);
    idle.forEach(NetSocket::close);
    assertEnded();
  }
}
