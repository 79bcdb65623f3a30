package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsKind;
import org.hotline.sms.sim.SimulatedSmsc;
import org.hotline.sms.sim.StoredMessage;
import org.hotline.sms.support.GatewayHarness;
import org.hotline.sms.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox end to end: real PostgreSQL, real sockets to the simulator. */
class OutboxSenderTest {

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
  void longChineseMessageIsDeliveredIntactAndReported() {
    node = new GatewayHarness(smsc, new JsonObject());
    String text = "【12345热线】您反映的问题（工单号2026-000123）已办理完毕：" + "经核实，路灯已于今日修复。".repeat(10);
    long id = node.enqueue(OutboundSms.of("13800000001", text, SmsKind.RESULT, 123L, "result:123"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "delivered".equals(node.message(id).getString("state")));
    assertThat(smsc.messages()).containsExactly(new StoredMessage("13800000001", text, 3));
    assertThat(node.message(id).getArrayOfStrings("smsc_ids")).hasSize(3);
    assertThat(node.message(id).getInteger("segments")).isEqualTo(3);
    await().atMost(Duration.ofSeconds(5)).until(() -> !node.statuses.isEmpty());
    assertThat(node.statuses.get(0))
        .isEqualTo(
            new JsonObject()
                .put("id", id)
                .put("ticketId", 123L)
                .put("kind", "result")
                .put("state", "delivered"));
  }

  @Test
  void enqueueIsIdempotentByDedupeKeyAndCommitsWithTheCaller() {
    node = new GatewayHarness(smsc, new JsonObject().put("pollMillis", 60_000));
    OutboundSms m = OutboundSms.of("13800000002", "受理回执", SmsKind.RECEIPT, 1L, "receipt:1");
    long a = node.enqueue(m);
    long b = node.enqueue(m);
    assertThat(b).isEqualTo(a);
    // a rolled-back business transaction leaves no message behind
    SmsOutbox outbox = new SmsOutbox();
    var rolledBack =
        node.pool.withTransaction(
            tx ->
                outbox
                    .enqueue(
                        tx, OutboundSms.of("13800000002", "x", SmsKind.RECEIPT, 2L, "receipt:2"))
                    .compose(id -> io.vertx.core.Future.failedFuture("business rule failed")));
    assertThat(rolledBack.toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(5));
    assertThat(node.count("SELECT count(*) FROM sms_message")).isEqualTo(1);
  }

  @Test
  void quietHoursDeferNonUrgentUnitNoticesOnly() {
    LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai"));
    String quiet =
        now.minusHours(1).withSecond(0).withNano(0).toString().substring(0, 5)
            + "-"
            + now.plusHours(1).withSecond(0).withNano(0).toString().substring(0, 5);
    node = new GatewayHarness(smsc, new JsonObject().put("quietHours", quiet));
    long notice =
        node.enqueue(OutboundSms.of("13700000001", "派单通知", SmsKind.DISPATCH_NOTICE, 1L, "d:1"));
    long urgent =
        node.enqueue(
            new OutboundSms("13700000001", "紧急派单", SmsKind.DISPATCH_NOTICE, true, 2L, "d:2"));
    long receipt = node.enqueue(OutboundSms.of("13700000002", "受理回执", SmsKind.RECEIPT, 3L, "r:3"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "delivered".equals(node.message(urgent).getString("state"))
                    && "delivered".equals(node.message(receipt).getString("state")));
    var deferred = node.message(notice);
    assertThat(deferred.getString("state")).isEqualTo("queued");
    assertThat(deferred.getString("last_error")).startsWith("quiet hours");
    assertThat(deferred.getOffsetDateTime("not_before").toInstant())
        .isAfter(java.time.Instant.now().plus(Duration.ofMinutes(30)));
    assertThat(deferred.getInteger("attempts")).isZero();
  }

  @Test
  void optOutBlocksNonEssentialMessagesVisibly() {
    node = new GatewayHarness(smsc, new JsonObject());
    TestDatabase.await(
        node.pool.query("INSERT INTO sms_opt_out (number) VALUES ('13600000001')").execute());
    long survey = node.enqueue(OutboundSms.of("13600000001", "回访", SmsKind.SURVEY, 1L, "s:1"));
    long result = node.enqueue(OutboundSms.of("13600000001", "办理结果", SmsKind.RESULT, 1L, "res:1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "delivered".equals(node.message(result).getString("state")));
    assertThat(node.message(survey).getString("state")).isEqualTo("failed");
    assertThat(node.message(survey).getString("last_error")).contains("opted out");
    await().atMost(Duration.ofSeconds(5)).until(() -> node.statuses.size() == 2);
    assertThat(node.statuses).anySatisfy(s -> assertThat(s.getString("state")).isEqualTo("failed"));
    assertThat(smsc.messages()).extracting(StoredMessage::text).containsExactly("办理结果");
  }

  @Test
  void undeliverableReceiptsFailTheMessage() {
    smsc.failReceipts(1.0);
    node = new GatewayHarness(smsc, new JsonObject());
    long id = node.enqueue(OutboundSms.of("13500000001", "会失败", SmsKind.RECEIPT, 9L, "f:1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "failed".equals(node.message(id).getString("state")));
    assertThat(node.message(id).getString("last_error")).contains("UNDELIV");
  }

  @Test
  void perNumberRateLimitDefersTheExcess() {
    node = new GatewayHarness(smsc, new JsonObject().put("perNumberPerHour", 3));
    for (int i = 0; i < 5; i++) {
      node.enqueue(OutboundSms.of("13400000001", "消息" + i, SmsKind.RECEIPT, null, "rl:" + i));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> node.mtStates().getOrDefault("delivered", 0) == 3);
    assertThat(
            node.count(
                "SELECT count(*) FROM sms_message WHERE state = 'queued'"
                    + " AND last_error LIKE 'rate limit%'"))
        .isEqualTo(2);
  }

  @Test
  void tooLongTextIsRefusedAndNothingIsWritten() {
    node = new GatewayHarness(smsc, new JsonObject().put("pollMillis", 60_000));
    SmsOutbox outbox = new SmsOutbox();
    String text = "长".repeat(67 * OutboundSms.MAX_SEGMENTS + 1);
    var f =
        node.pool.withTransaction(
            tx ->
                outbox.enqueue(
                    tx, OutboundSms.of("13800000009", text, SmsKind.MANUAL, null, "m:1")));
    assertThat(f.toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableThat()
        .withMessageContaining("segments");
    assertThat(node.count("SELECT count(*) FROM sms_message")).isZero();
  }
}
