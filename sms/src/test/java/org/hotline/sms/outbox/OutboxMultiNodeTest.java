package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.hotline.sms.sim.SimulatedSmsc;
import org.hotline.sms.support.GatewayHarness;
import org.hotline.sms.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several nodes drain one outbox: FOR UPDATE SKIP LOCKED keeps them apart. */
class OutboxMultiNodeTest {

  private SimulatedSmsc smsc;
  private GatewayHarness node;

  @BeforeAll
  static void migrate() throws Exception {
    TestDatabase.migrate(TestDatabase.NAME);
  }

  @BeforeEach
  void start() throws Exception {
    smsc = new SimulatedSmsc(SimulatedSmsc.Options.defaults()).start();
    TestDatabase.reset();
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    smsc.close();
  }

  @Test
  void twoNodesShareTheOutboxWithoutSendingAnythingTwice() {
    GatewayHarness other = new GatewayHarness(smsc, new JsonObject());
    try {
      node = new GatewayHarness(smsc, new JsonObject());
      node.enqueue(OutboxResilienceTest.burst(300, "pair:"));
      await()
          .atMost(Duration.ofSeconds(25))
          .until(() -> Map.of("delivered", 300).equals(node.mtStates()));
      assertThat(smsc.duplicateTags()).isZero();
      assertThat(node.receiptAccountingErrors()).isZero();
      assertThat(node.count("SELECT count(*) FROM sms_message WHERE attempts <> 1")).isZero();
    } finally {
      other.close();
    }
  }
}
