package org.hotline.sms.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.hotline.sms.sim.SimulatedSmsc;
import org.hotline.sms.sim.StoredMessage;
import org.hotline.sms.support.GatewayHarness;
import org.hotline.sms.support.TestDatabase;
import org.hotline.sms.text.Segment;
import org.hotline.sms.text.Segmenter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MO messages end to end: simulator → SMPP → stored row → event, replies through the outbox. */
class MoIntakeTest {

  private static SimulatedSmsc smsc;
  private static GatewayHarness node;

  @BeforeAll
  static void start() throws Exception {
    TestDatabase.migrate(TestDatabase.NAME);
    TestDatabase.reset();
    smsc = new SimulatedSmsc(SimulatedSmsc.Options.defaults()).start();
    node = new GatewayHarness(smsc, new JsonObject().put("inboundPerNumberPerHour", 5));
    await().atMost(Duration.ofSeconds(5)).until(() -> smsc.boundSessions() == 1);
  }

  @AfterAll
  static void stop() {
    node.close();
    smsc.close();
  }

  @BeforeEach
  void clearEvents() {
    node.moEvents.clear();
  }

  private JsonObject eventFrom(String number) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> node.moEvents.stream().anyMatch(e -> number.equals(e.getString("number"))));
    return node.moEvents.stream()
        .filter(e -> number.equals(e.getString("number")))
        .findFirst()
        .orElseThrow();
  }

  private List<String> textsTo(String number) {
    return smsc.messages().stream()
        .filter(m -> m.destination().equals(number))
        .map(StoredMessage::text)
        .toList();
  }

  @Test
  void statusQueryIsStoredThenPublishedWithTheOrderNumber() throws Exception {
    smsc.injectMo("13800000011", "CX 2026-000123");
    JsonObject e = eventFrom("13800000011");
    assertThat(e.getString("kind")).isEqualTo("status_query");
    assertThat(e.getString("orderNumber")).isEqualTo("2026-000123");
    var row = node.message(e.getLong("id"));
    assertThat(row.getString("direction")).isEqualTo("mo");
    assertThat(row.getString("state")).isEqualTo("received");
    assertThat(row.getString("text")).isEqualTo("CX 2026-000123");
  }

  @Test
  void surveyDigitCarriesTheScore() throws Exception {
    smsc.injectMo("13800000012", "3");
    JsonObject e = eventFrom("13800000012");
    assertThat(e.getString("kind")).isEqualTo("survey_reply");
    assertThat(e.getInteger("score")).isEqualTo(3);
  }

  @Test
  void optOutIsRecordedAndConfirmed() throws Exception {
    smsc.injectMo("13800000013", "退订");
    assertThat(eventFrom("13800000013").getString("kind")).isEqualTo("opt_out");
    assertThat(node.count("SELECT count(*) FROM sms_opt_out WHERE number = '13800000013'"))
        .isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> !textsTo("13800000013").isEmpty());
    assertThat(textsTo("13800000013")).singleElement().asString().contains("退订");
  }

  @Test
  void binaryGarbageIsKeptAndAnsweredWithHelp() throws Exception {
    smsc.injectRaw("13800000014", (byte) 4, false, new byte[] {0, 1, 2, (byte) 0xFF});
    JsonObject e = eventFrom("13800000014");
    assertThat(e.getString("kind")).isEqualTo("help");
    assertThat(node.message(e.getLong("id")).getString("kind")).isEqualTo("help");
    await().atMost(Duration.ofSeconds(5)).until(() -> !textsTo("13800000014").isEmpty());
    assertThat(textsTo("13800000014").get(0)).contains("CX");
  }

  @Test
  void longChineseRequestArrivesWholeEvenOutOfOrder() throws Exception {
    String text = "我家楼下的餐馆每天凌晨两点还在营业，油烟和噪音严重影响休息，".repeat(5);
    List<Segment> parts = Segmenter.split(text, 200).segments();
    assertThat(parts.size()).isGreaterThan(2);
    for (int i = parts.size() - 1; i >= 0; i--) {
      smsc.injectRaw("13800000015", (byte) 8, true, parts.get(i).payload());
    }
    JsonObject e = eventFrom("13800000015");
    assertThat(e.getString("kind")).isEqualTo("new_request");
    assertThat(e.getString("text")).isEqualTo(text);
    assertThat(node.message(e.getLong("id")).getInteger("segments")).isEqualTo(parts.size());
  }

  @Test
  void aFloodingNumberIsStoredButNotPublished() throws Exception {
    for (int i = 0; i < 8; i++) {
      smsc.injectMo("13800000016", "刷屏" + i);
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> node.count("SELECT count(*) FROM sms_message WHERE number = '13800000016'") == 8);
    assertThat(
            node.count(
                "SELECT count(*) FROM sms_message WHERE number = '13800000016'"
                    + " AND kind = 'flooded'"))
        .isEqualTo(3);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                node.moEvents.stream()
                        .filter(x -> "13800000016".equals(x.getString("number")))
                        .count()
                    == 5);
  }
}
