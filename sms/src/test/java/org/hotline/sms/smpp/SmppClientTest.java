package org.hotline.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.sms.sim.SimulatedSmsc;
import org.hotline.sms.sim.StoredSegment;
import org.hotline.sms.text.DecodedPart;
import org.hotline.sms.text.DeliveryReceipt;
import org.hotline.sms.text.EncodedMessage;
import org.hotline.sms.text.Segment;
import org.hotline.sms.text.Segmenter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ESME against the simulator over a real loopback socket; no database. */
class SmppClientTest {

  private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
  private final List<String> mo = new CopyOnWriteArrayList<>();
  private final InboundHandler handler =
      new InboundHandler() {
        @Override
        public void onReceipt(DeliveryReceipt receipt) {
          receipts.add(receipt);
        }

        @Override
        public void onMo(String from, DecodedPart part) {
          mo.add(from + "|" + part.seq() + "/" + part.total() + "|" + part.text());
        }
      };
  private SimulatedSmsc smsc;
  private SmppClient client;

  @BeforeEach
  void startSmsc() throws Exception {
    smsc = new SimulatedSmsc(SimulatedSmsc.Options.defaults()).start();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    smsc.close();
  }

  private SmppClient connect(JsonObject extra) {
    JsonObject conf =
        new JsonObject()
            .put("host", "127.0.0.1")
            .put("port", smsc.port())
            .put("systemId", "hotline")
            .put("password", "secret")
            .put("window", 10)
            .put("ratePerSecond", 0)
            .put("rebindMinMillis", 100)
            .mergeIn(extra);
    client = new SmppClient(SmppConfig.fromJson(conf), handler, bound -> {});
    client.start();
    return client;
  }

  private SubmitOutcome send(long id, String number, String text) throws Exception {
    return client
        .submit(id, number, Segmenter.split(text, (int) id), Set.of())
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void longChineseMessageArrivesIntactAndInOrderWithReceipts() throws Exception {
    connect(new JsonObject());
    await().atMost(Duration.ofSeconds(5)).until(client::isBound);
    String text = "您反映的西湖区文三路路灯损坏问题已由区城管局处理完毕，".repeat(6) + "😀";
    SubmitOutcome outcome = send(42, "13800000001", text);
    assertThat(outcome.complete()).isTrue();
    int parts = Segmenter.count(text);
    assertThat(outcome.smscIds())
        .hasSize(parts)
        .containsOnlyKeys(java.util.stream.IntStream.rangeClosed(1, parts).boxed().toList());
    assertThat(smsc.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.text()).isEqualTo(text);
              assertThat(m.destination()).isEqualTo("13800000001");
            });
    assertThat(smsc.segments())
        .extracting(StoredSegment::seq)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, parts).boxed().toList());
    assertThat(smsc.segments()).extracting(StoredSegment::tag).contains("42:1");
    await().atMost(Duration.ofSeconds(5)).until(() -> receipts.size() == parts);
    assertThat(receipts).allMatch(DeliveryReceipt::isDelivered);
    assertThat(receipts)
        .extracting(DeliveryReceipt::messageId)
        .containsExactlyInAnyOrderElementsOf(outcome.smscIds().values());
  }

  @Test
  void alreadySentSegmentsAreSkipped() throws Exception {
    connect(new JsonObject());
    await().atMost(Duration.ofSeconds(5)).until(client::isBound);
    EncodedMessage m = Segmenter.split("长".repeat(200), 1);
    SubmitOutcome o = client.submit(7, "13800000002", m, Set.of(1, 2)).get(10, TimeUnit.SECONDS);
    assertThat(o.smscIds()).containsOnlyKeys(3);
    assertThat(smsc.segments()).extracting(StoredSegment::seq).containsExactly(3);
  }

  @Test
  void badCredentialsAreRejected() {
    connect(new JsonObject().put("password", "wrong"));
    await()
        .during(Duration.ofMillis(700))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !client.isBound());
    assertThat(smsc.boundSessions()).isZero();
  }

  @Test
  void throttlingSlowsDownButEverySegmentIsAccepted() throws Exception {
    connect(new JsonObject().put("ratePerSecond", 500));
    await().atMost(Duration.ofSeconds(5)).until(client::isBound);
    smsc.throttle(0.5, Duration.ofSeconds(1));
    List<java.util.concurrent.CompletableFuture<SubmitOutcome>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add(
          client.submit(
              i,
              "1390000" + String.format("%04d", i),
              Segmenter.split("throttle test " + i, i),
              Set.of()));
    }
    for (var f : all) {
      assertThat(f.get(20, TimeUnit.SECONDS).complete()).isTrue();
    }
    assertThat(client.throttledCount()).isPositive();
    assertThat(client.currentRate()).isLessThan(500);
    assertThat(smsc.tagCounts()).hasSize(60).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
  }

  @Test
  void rebindsAfterTheSmscDropsTheConnection() throws Exception {
    connect(new JsonObject());
    await().atMost(Duration.ofSeconds(5)).until(client::isBound);
    smsc.dropConnections();
    await().atMost(Duration.ofSeconds(5)).until(() -> !client.isBound());
    await().atMost(Duration.ofSeconds(10)).until(client::isBound);
    assertThat(send(1, "13800000003", "after rebind").complete()).isTrue();
  }

  @Test
  void transmitterPlusReceiverModeSendsAndReceives() throws Exception {
    connect(new JsonObject().put("bindMode", "TX_RX"));
    await().atMost(Duration.ofSeconds(5)).until(client::isBound);
    assertThat(smsc.boundSessions()).isEqualTo(2);
    assertThat(send(5, "13800000004", "两个绑定").complete()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> receipts.size() == 1);
    smsc.injectMo("13800000004", "CX 123");
    await().atMost(Duration.ofSeconds(5)).until(() -> mo.contains("13800000004|1/1|CX 123"));
  }

  @Test
  void receivesConcatenatedMoPartsOutOfOrder() throws Exception {
    connect(new JsonObject());
    await().atMost(Duration.ofSeconds(5)).until(client::isBound);
    EncodedMessage m = Segmenter.split("楼上装修噪音扰民".repeat(20), 99);
    List<Segment> parts = m.segments();
    for (int i = parts.size() - 1; i >= 0; i--) {
      smsc.injectRaw("13800000005", (byte) 8, true, parts.get(i).payload());
    }
    assertThat(mo).hasSize(parts.size());
    assertThat(mo.get(0)).startsWith("13800000005|" + parts.size() + "/" + parts.size() + "|");
  }
}
