package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.sim.agi.DtmfInput;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.hotline.telephony.sim.agi.SimulatedAgiCall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's Asterisk bridge end to end: a simulated Asterisk dials the FastAGI IVR over a real
 * socket and the core answers it; the PBX simulator's AMI events become call records and callback
 * tasks.
 */
class TelephonyFlowTest {

  static TestPlatform platform;
  static NetClient client;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    client = platform.vertx.createNetClient();
  }

  static SimCallResult dial(SimCallPlan plan) {
    int port = platform.telephony().agiPort();
    return SimulatedAgiCall.dial(platform.vertx, client, "127.0.0.1", port, plan)
        .toCompletionStage()
        .toCompletableFuture()
        .join();
  }

  static String one(String sql) throws Exception {
    try (Connection c = platform.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void aCallerWithAnOpenOrderIsRecognisedAndQueuedWithPriority() {
    ApiClient agent = platform.login("agent1");
    agent.post(
        "/api/tickets",
        new JsonObject()
            .put("channel", "phone")
            .put("requestType", "help")
            .put("categoryCode", "010101")
            .put("citizenPhone", "13700001111")
            .put("description", "井盖丢失"));
    SimCallResult r =
        dial(
            SimCallPlan.builder("hotline")
                .callerId("13700001111")
                .uniqueId("1700000001.1")
                .timeScale(0.01)
                .build());
    assertThat(r.timedOut()).isFalse();
    assertThat(r.variable(TelephonyAddresses.VAR_ROUTE)).isEqualTo("queue");
    assertThat(r.variable(TelephonyAddresses.VAR_PRIORITY)).isEqualTo("5");
  }

  @Test
  void keyTwoReadsBackTheProgressOfTheCallersOwnOrder() {
    ApiClient agent = platform.login("agent1");
    JsonObject o =
        agent
            .post(
                "/api/tickets",
                new JsonObject()
                    .put("channel", "phone")
                    .put("requestType", "help")
                    .put("categoryCode", "010101")
                    .put("citizenPhone", "13700002222")
                    .put("description", "路灯不亮"))
            .json();
    String digits = o.getString("number").replace("-", "");
    SimCallResult r =
        dial(
            SimCallPlan.builder("hotline")
                .callerId("13700002222")
                .uniqueId("1700000002.1")
                .inputs(DtmfInput.keys("2"), DtmfInput.keys(digits + "#"))
                .timeScale(0.01)
                .build());
    assertThat(r.timedOut()).isFalse();
    assertThat(String.join("\n", r.commands())).contains("SAY DIGITS " + digits);
    assertThat(r.variable(TelephonyAddresses.VAR_ROUTE)).isEqualTo("queue");
  }

  @Test
  void anAbandonedQueueCallBecomesOneCallbackTaskAndACallRecord() throws Exception {
    var pbx = platform.telephony().simulator().pbx();
    String first = pbx.callerJoins("13700003333");
    pbx.callerAbandons(first);
    String second = pbx.callerJoins("13700003333");
    pbx.callerAbandons(second);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        one(
                            "SELECT count(*) FROM call_record WHERE caller = '13700003333' AND outcome = 'abandoned'"))
                    .isEqualTo("2"));
    assertThat(
            one(
                "SELECT count(*) FROM callback_task WHERE number = '13700003333' AND kind = 'missed'"))
        .isEqualTo("1");
    JsonObject calls = platform.login("supervisor1").get("/api/calls?number=13700003333").json();
    assertThat(calls.getJsonArray("items").getJsonObject(0).getString("outcome"))
        .isEqualTo("abandoned");
    JsonObject callbacks = platform.login("dispatcher1").get("/api/callbacks").json();
    assertThat(
            callbacks.getJsonArray("items").stream()
                .filter(t -> "13700003333".equals(((JsonObject) t).getString("number")))
                .count())
        .isEqualTo(1);
  }

  @Test
  void recordingsPlayOnlyFromTheRecordingsFolderAndEachPlaybackIsLogged() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of("target/test-data/recordings/20261128");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve("rec-1.wav"), new byte[] {'R', 'I', 'F', 'F'});
    try (Connection c = platform.jdbc()) {
      c.createStatement()
          .executeUpdate(
              "INSERT INTO call_record (id, caller, outcome, recording) VALUES"
                  + " ('rec-1', '13700004444', 'answered', '20261128/rec-1.wav'),"
                  + " ('rec-2', '13700004444', 'answered', '../../../../etc/passwd') ON CONFLICT DO NOTHING");
    }
    ApiClient sup = platform.login("supervisor1");
    ApiClient.Response ok = sup.get("/api/calls/rec-1/recording");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("RIFF");
    assertThat(sup.get("/api/calls/rec-2/recording").status()).isEqualTo(404);
    assertThat(platform.login("u-dc").get("/api/calls/rec-1/recording").status()).isEqualTo(403);
    assertThat(
            one(
                "SELECT count(*) FROM audit_log WHERE action = 'recording-playback' AND username = 'supervisor1'"))
        .isEqualTo("1");
    assertThat(sup.post("/api/calls/rec-1/transfer", "{\"target\":\"police\"}").status())
        .isEqualTo(400);
  }

  @Test
  void theWallboardAndAgentsAnswerThroughTheApi() {
    ApiClient sup = platform.login("supervisor1");
    ApiClient.Response wall = sup.get("/api/wallboard");
    assertThat(wall.status()).as(wall.body()).isEqualTo(200);
    assertThat(wall.json().getBoolean("simulated")).isTrue();
    ApiClient agent = platform.login("agent1");
    assertThat(agent.post("/api/agents/agent1/login", "{}").status()).isEqualTo(200);
    assertThat(agent.post("/api/agents/agent2/login", "{}").status()).isEqualTo(403);
    assertThat(agent.post("/api/agents/agent1/pause", "{}").status()).isEqualTo(400);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        sup.get("/api/agents").json().getJsonArray("agents").stream()
                            .anyMatch(a -> "agent1".equals(((JsonObject) a).getString("agent"))))
                    .isTrue());
  }
}
