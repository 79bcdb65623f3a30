package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsKind;
import org.hotline.sms.sim.SimulatedSmsc;
import org.hotline.sms.support.GatewayHarness;
import org.hotline.sms.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox when things go wrong: SMSC drops, node crashes, throttling. */
class OutboxResilienceTest {

  private SimulatedSmsc smsc;
  private GatewayHarness node;

  @BeforeAll
  static void migrate() throws Exception {
    TestDatabase.migrate(TestDatabase.NAME);
  }

  @BeforeEach
  void start() throws Exception {
    smsc = new SimulatedSmsc(SimulatedSmsc.Options.defaults()).start();
    try (GatewayHarness cleaner =
        new GatewayHarness(smsc, new JsonObject().put("host", "127.0.0.1"))) {
      TestDatabase.reset(cleaner.pool);
    }
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    smsc.close();
  }

  static List<OutboundSms> burst(int n, String prefix) {
    List<OutboundSms> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text =
          i % 3 == 0
              ? "【12345热线】您反映的问题已受理，工单号2026-" + i + "。" + "请保持电话畅通，承办单位将与您联系。".repeat(4)
              : i % 3 == 1 ? "【12345热线】工单2026-" + i + "已办结。" : "Order 2026-" + i + " received.";
      out.add(
          OutboundSms.of(String.format("139%08d", i), text, SmsKind.RECEIPT, (long) i, prefix + i));
    }
    return out;
  }

  @Test
  void smscDropsMidBurstAndEveryMessageIsDeliveredOnceByReceipts() {
    node = new GatewayHarness(smsc, new JsonObject());
    await().atMost(Duration.ofSeconds(10)).until(() -> smsc.boundSessions() > 0);
    int bindsBefore = smsc.bindsAccepted();
    smsc.dropAfterSubmits(60);
    List<OutboundSms> burst = burst(200, "drop:");
    node.enqueue(burst);
    await()
        .atMost(Duration.ofSeconds(25))
        .until(() -> Map.of("delivered", 200).equals(node.mtStates()));
    assertThat(node.receiptAccountingErrors()).isZero();
    // the drop really happened mid-burst: the sender had to bind again to finish
    assertThat(smsc.bindsAccepted()).isGreaterThan(bindsBefore);
    // duplicates at the SMSC are only the segments in flight at the drop, detected by tag
    assertThat(smsc.duplicateTags()).isLessThanOrEqualTo(20);
    assertThat(node.statuses).hasSize(200);
  }

  @Test
  void senderCrashMidBurstThenRestartDeliversEverythingOnceByReceipts() {
    // the first node is paced (100 segments/s) so the crash surely happens mid-burst
    JsonObject conf = new JsonObject().put("leaseSeconds", 2);
    GatewayHarness first = new GatewayHarness(smsc, conf.copy().put("ratePerSecond", 100));
    first.enqueue(burst(300, "crash:"));
    await().atMost(Duration.ofSeconds(10)).until(() -> smsc.segments().size() >= 50);
    first.crash();
    node = new GatewayHarness(smsc, conf);
    int stuck = node.count("SELECT count(*) FROM sms_message WHERE state <> 'delivered'");
    assertThat(stuck).isPositive();
    await()
        .atMost(Duration.ofSeconds(25))
        .until(() -> Map.of("delivered", 300).equals(node.mtStates()));
    assertThat(node.receiptAccountingErrors()).isZero();
    int distinctSegments = node.count("SELECT count(*) FROM sms_segment");
    assertThat(smsc.tagCounts()).hasSize(distinctSegments);
    // At-least-once: only what the dead node had in flight (at most 4 × window = 80 messages handed
    // to its SMPP client, results not yet committed) may reach the SMSC twice; how many of those
    // there are depends on timing (a loaded machine commits later), so the bound is the allowance.
    assertThat(smsc.duplicateTags()).isLessThanOrEqualTo(4 * 20);
  }

  @Test
  void throttlingSlowsTheSenderDownWithoutFailingMessages() {
    node = new GatewayHarness(smsc, new JsonObject().put("ratePerSecond", 300));
    smsc.throttle(0.4, Duration.ofSeconds(1));
    node.enqueue(burst(60, "throttle:"));
    await()
        .atMost(Duration.ofSeconds(25))
        .until(() -> Map.of("delivered", 60).equals(node.mtStates()));
    assertThat(smsc.throttledCount()).isPositive();
    assertThat(node.count("SELECT count(*) FROM sms_message WHERE attempts > 1")).isZero();
    assertThat(smsc.duplicateTags()).isZero();
  }
}
