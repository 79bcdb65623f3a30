package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * 紧急转接 through the API: an agent transfers or conferences a caller to 110/119/120/122 in one
 * request, the simulated Asterisk does it, and GET /api/calls lists the transfer on the record.
 */
class EmergencyTransferApiTest {

  private final TestPlatform platform = TestPlatform.get();

  private String answeredCall(String number, String agent) {
    var pbx = platform.telephony().simulator().pbx();
    pbx.addAgent("hotline", "PJSIP/" + agent, agent, false, "");
    String call = pbx.callerJoins(number);
    pbx.agentAnswers(call, "PJSIP/" + agent);
    ApiClient sup = platform.login("supervisor1");
    await() // the AMI bridge has seen the connect: the agent is on this call
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                sup.get("/api/agents").json().getJsonArray("agents").stream()
                    .map(JsonObject.class::cast)
                    .anyMatch(
                        a ->
                            agent.equals(a.getString("agent"))
                                && call.equals(a.getString("callId"))));
    return call;
  }

  private JsonArray transfersOf(String number) {
    ApiClient sup = platform.login("supervisor1");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> sup.get("/api/calls?number=" + number).json().getJsonArray("items").size() == 1);
    JsonObject call =
        sup.get("/api/calls?number=" + number).json().getJsonArray("items").getJsonObject(0);
    assertThat(call.getString("outcome")).isEqualTo("answered");
    return call.getJsonArray("transfers");
  }

  @Test
  void attendedTransferTo110IsListedOnTheCallRecord() {
    String call = answeredCall("13700005551", "agent-tx1");
    ApiClient agent = platform.login("agent1");
    ApiClient.Response r =
        agent.post(
            "/api/calls/" + call + "/transfer", "{\"target\":\"110\",\"mode\":\"attended\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    var pbx = platform.telephony().simulator().pbx();
    pbx.agentCompletesTransfer(call);
    pbx.callerHangsUp(call);

    JsonArray transfers = transfersOf("13700005551");
    assertThat(transfers).hasSize(1);
    JsonObject t = transfers.getJsonObject(0);
    assertThat(t.getString("kind")).isEqualTo("attended");
    assertThat(t.getString("target")).isEqualTo("110");
    assertThat(t.getString("result")).isEqualTo("success");
    assertThat(t.getString("at")).isNotBlank();
  }

  @Test
  void conferenceWith119IsListedAndAnUnknownModeIsRefused() {
    String call = answeredCall("13700005552", "agent-tx2");
    ApiClient agent = platform.login("agent1");
    ApiClient.Response bad =
        agent.post("/api/calls/" + call + "/transfer", "{\"target\":\"119\",\"mode\":\"loud\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("mode");
    ApiClient.Response ok =
        agent.post(
            "/api/calls/" + call + "/transfer", "{\"target\":\"119\",\"mode\":\"conference\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    var pbx = platform.telephony().simulator().pbx();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pbx.roomMembers("hotline-" + call).size() == 3);
    pbx.callerHangsUp(call);

    JsonArray transfers = transfersOf("13700005552");
    assertThat(transfers).hasSize(1);
    assertThat(transfers.getJsonObject(0).getString("kind")).isEqualTo("conference");
    assertThat(transfers.getJsonObject(0).getString("result")).isEqualTo("success");
  }
}
