package org.hotline.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.sms.outbox.SmsMessageQuery;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.support.TestDatabase;
import org.hotline.sms.templates.SmsTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With no SMSC host the gateway runs its own simulator, says so, and works end to end. */
class SmsGatewayVerticleTest {

  private Vertx vertx;
  private Pool pool;
  private final List<JsonObject> link = new CopyOnWriteArrayList<>();
  private final List<JsonObject> mo = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    TestDatabase.migrate(TestDatabase.NAME);
    TestDatabase.reset();
    vertx = Vertx.vertx();
    pool = TestDatabase.pool(vertx, TestDatabase.NAME, 4);
    vertx.eventBus().<JsonObject>consumer(SmsAddresses.LINK_STATUS, m -> link.add(m.body()));
    vertx.eventBus().<JsonObject>consumer(SmsAddresses.MO_RECEIVED, m -> mo.add(m.body()));
    JsonObject conf = new JsonObject().put("host", "").put("password", "pw").put("pollMillis", 50);
    TestDatabase.await(
        vertx.deployVerticle(
            new SmsGatewayVerticle(pool, new SmsTemplates()),
            new DeploymentOptions().setConfig(conf)));
  }

  @AfterEach
  void stop() {
    TestDatabase.await(vertx.close());
  }

  @Test
  void runsAgainstTheSimulatorAndSaysSo() {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> link.stream().anyMatch(l -> l.getBoolean("bound")));
    JsonObject status =
        TestDatabase.await(vertx.eventBus().<JsonObject>request(SmsAddresses.LINK_STATUS_GET, null))
            .body();
    assertThat(status.getBoolean("simulated")).isTrue();
    assertThat(status.getBoolean("bound")).isTrue();
    assertThat(status.getString("host")).isEqualTo("127.0.0.1");
  }

  @Test
  void aPersonCanTextThePlatformThroughTheSimulator() {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> link.stream().anyMatch(l -> l.getBoolean("bound")));
    JsonObject reply =
        TestDatabase.await(
                vertx
                    .eventBus()
                    .<JsonObject>request(
                        SmsAddresses.SIM_INJECT_MO,
                        new JsonObject().put("from", "13900000001").put("text", "小区门口的井盖丢了")))
            .body();
    assertThat(reply.getInteger("parts")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> mo.size() == 1);
    assertThat(mo.get(0).getString("kind")).isEqualTo("new_request");
    // the core answers with a receipt through the outbox
    SmsOutbox outbox = new SmsOutbox();
    TestDatabase.await(
        pool.withTransaction(
            tx ->
                outbox.enqueueAll(
                    tx,
                    List.of(
                        OutboundSms.of("13900000001", "【12345热线】已受理", SmsKind.RECEIPT, 5L, "r:5"),
                        OutboundSms.of(
                            "13900000001", "【12345热线】已受理", SmsKind.RECEIPT, 5L, "r:5")))));
    SmsMessageQuery query = new SmsMessageQuery(pool);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> TestDatabase.await(query.list("13900000001", "mt", "delivered", 10)).size() == 1);
    JsonArray all = TestDatabase.await(query.list("13900000001", null, null, 10));
    assertThat(all).hasSize(2);
    JsonObject mt = all.getJsonObject(0);
    assertThat(mt.getString("direction")).isEqualTo("mt");
    assertThat(mt.getString("smscId")).isNotBlank();
    assertThat(mt.getLong("ticketId")).isEqualTo(5L);
    assertThat(mt.getString("deliveredAt")).isNotNull();
    assertThat(all.getJsonObject(1).getString("direction")).isEqualTo("mo");
  }
}
