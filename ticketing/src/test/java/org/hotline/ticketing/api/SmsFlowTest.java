package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.hotline.sms.SmsAddresses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Order changes send SMS through the outbox to the SMSC simulator; citizens' messages come back in.
 */
class SmsFlowTest {

  static TestPlatform platform;
  static ApiClient agent;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    agent = platform.login("agent1");
  }

  static String one(String sql) throws Exception {
    try (Connection c = platform.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static void injectMo(String from, String text) {
    platform
        .vertx
        .eventBus()
        .request(SmsAddresses.SIM_INJECT_MO, new JsonObject().put("from", from).put("text", text))
        .toCompletionStage()
        .toCompletableFuture()
        .join();
  }

  static JsonObject order(String phone) {
    JsonObject body =
        new JsonObject()
            .put("channel", "phone")
            .put("requestType", "complaint")
            .put("categoryCode", "010101")
            .put("citizenPhone", phone)
            .put("location", "东城区建设路3号")
            .put("description", "路灯不亮")
            .put("urgency", "normal");
    ApiClient.Response r = agent.post("/api/tickets", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  @Test
  void aNewOrderSendsItsReceiptWhichIsDelivered() throws Exception {
    JsonObject o = order("13900001111");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        one(
                            "SELECT state FROM sms_message WHERE ticket_id = "
                                + o.getLong("id")
                                + " AND kind = 'receipt'"))
                    .isEqualTo("delivered"));
    assertThat(
            one(
                "SELECT text FROM sms_message WHERE ticket_id = "
                    + o.getLong("id")
                    + " AND kind = 'receipt'"))
        .contains(o.getString("number"));
    JsonObject log = platform.login("supervisor1").get("/api/sms?number=13900001111").json();
    assertThat(log.getJsonArray("items").size()).isPositive();
  }

  @Test
  void aCitizensTextBecomesAnOrderOfChannelSms() throws Exception {
    injectMo("13900002222", "我家小区门口的路灯坏了好几天了，请派人修一下");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        one("SELECT channel FROM work_order WHERE citizen_phone = '13900002222'"))
                    .isEqualTo("sms"));
    assertThat(one("SELECT state FROM work_order WHERE citizen_phone = '13900002222'"))
        .isEqualTo("RECEIVED");
  }

  @Test
  void aSurveyReplyRatesTheOrderAwaitingItsCallback() throws Exception {
    String phone = "13900003333";
    JsonObject o = order(phone);
    ApiClient dispatcher = platform.login("dispatcher1");
    o =
        dispatcher
            .post(
                "/api/tickets/" + o.getLong("id") + "/dispatch",
                new JsonObject().put("version", o.getInteger("version")).put("unit", "dc"))
            .json();
    ApiClient unit = platform.login("u-dc");
    o =
        unit.post(
                "/api/tickets/" + o.getLong("id") + "/sign",
                new JsonObject().put("version", o.getInteger("version")))
            .json();
    o =
        unit.post(
                "/api/tickets/" + o.getLong("id") + "/reply",
                new JsonObject().put("version", o.getInteger("version")).put("text", "已修复"))
            .json();
    o =
        platform
            .login("reviewer1")
            .post(
                "/api/tickets/" + o.getLong("id") + "/review-accept",
                new JsonObject().put("version", o.getInteger("version")))
            .json();
    assertThat(o.getString("state")).isEqualTo("CALLBACK");
    ApiClient staff = platform.login("agent1");
    ApiClient.Response survey = staff.post("/api/tickets/" + o.getLong("id") + "/sms-survey", "{}");
    assertThat(survey.status()).as(survey.body()).isEqualTo(200);
    assertThat(survey.json().getString("text")).contains("回复1满意");
    assertThat(
            one(
                "SELECT count(*) FROM sms_message WHERE kind = 'survey' AND ticket_id = "
                    + o.getLong("id")))
        .isEqualTo("1");
    injectMo(phone, "1");
    long id = o.getLong("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(one("SELECT state || ':' || rating FROM work_order WHERE id = " + id))
                    .isEqualTo("CLOSED:satisfied"));
    assertThat(
            one(
                "SELECT count(*) FROM sms_message WHERE ticket_id = "
                    + id
                    + " AND kind = 'result'"))
        .isEqualTo("1");
    assertThat(
            one(
                "SELECT count(*) FROM sms_message WHERE number = '13800000001' AND kind = 'dispatch_notice' AND ticket_id = "
                    + id))
        .isNotNull();
  }

  @Test
  void administratorsEditTemplatesWithAPreviewAndTheEditIsUsed() throws Exception {
    ApiClient admin = platform.login("admin");
    JsonObject bad =
        admin.put("/api/admin/sms-templates/receipt", "{\"source\":\"工单${orderNumber\"}").json();
    assertThat(bad.getString("field")).isEqualTo("source");
    ApiClient.Response ok =
        admin.put(
            "/api/admin/sms-templates/receipt", "{\"source\":\"【12345热线】已受理，工单号${orderNumber}。\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().getInteger("segments")).isEqualTo(1);
    assertThat(ok.json().getString("text")).contains("20261128-000123");
    assertThat(admin.get("/api/admin/sms-templates").array().size()).isGreaterThanOrEqualTo(10);
    JsonObject o = order("13900006666");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        one(
                            "SELECT text FROM sms_message WHERE ticket_id = "
                                + o.getLong("id")
                                + " AND kind = 'receipt'"))
                    .isEqualTo("【12345热线】已受理，工单号" + o.getString("number") + "。"));
    assertThat(
            platform
                .login("agent1")
                .put("/api/admin/sms-templates/receipt", "{\"source\":\"x\"}")
                .status())
        .isEqualTo(403);
  }

  @Test
  void aPersonCanTextThePlatformThroughTheSimulator() throws Exception {
    ApiClient.Response r =
        platform
            .login("supervisor1")
            .post("/api/sms/simulate", "{\"from\":\"13900007777\",\"text\":\"楼下烧烤油烟太大\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        one(
                            "SELECT description FROM work_order WHERE citizen_phone = '13900007777'"))
                    .isEqualTo("楼下烧烤油烟太大"));
  }

  @Test
  void progressIsToldOnlyToTheReporter() throws Exception {
    JsonObject o = order("13900004444");
    assertThat(agent.post("/api/tickets/" + o.getLong("id") + "/sms-survey", "{}").status())
        .isEqualTo(409);
    String digits = o.getString("number").replace("-", "");
    injectMo("13900004444", "CX " + digits);
    injectMo("13900005555", "CX " + digits);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(
                      one(
                          "SELECT text FROM sms_message WHERE number = '13900004444' AND kind = 'status_reply'"))
                  .contains(o.getString("number"));
              assertThat(
                      one(
                          "SELECT text FROM sms_message WHERE number = '13900005555' AND kind = 'status_reply'"))
                  .contains("仅能查询本机号码");
            });
  }
}
