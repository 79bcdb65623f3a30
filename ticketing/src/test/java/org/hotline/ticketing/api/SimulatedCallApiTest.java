package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * /api/sim/*: a person places a simulated call into the IVR, presses keys, an agent answers and the
 * screen pop arrives; the call ends with a call record.
 */
class SimulatedCallApiTest {

  private final TestPlatform platform = TestPlatform.get();

  private JsonObject view(ApiClient who, String id) {
    ApiClient.Response r = who.get("/api/sim/calls/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void aSimulatedCallRunsTheIvrQueuesAndPopsTheCallersProfileWhenTheAgentAnswers() {
    ApiClient agent = platform.login("agent1");
    agent.post(
        "/api/tickets",
        new JsonObject()
            .put("channel", "phone")
            .put("requestType", "help")
            .put("categoryCode", "010101")
            .put("citizenPhone", "13700006661")
            .put("description", "路灯不亮"));
    assertThat(agent.get("/api/sim/status").json().getBoolean("simulated")).isTrue();

    ApiClient.Response placed = agent.post("/api/sim/calls", "{\"caller\":\"13700006661\"}");
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    String id = placed.json().getString("id");
    assertThat(placed.json().getString("state")).isEqualTo("ivr");

    // 0 during the greeting: straight to an agent
    assertThat(agent.post("/api/sim/calls/" + id + "/dtmf", "{\"digits\":\"0\"}").status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "queued".equals(view(agent, id).getString("state")));
    JsonObject queued = view(agent, id);
    assertThat(queued.getString("route")).isEqualTo("queue");
    assertThat(queued.getJsonArray("ivr").encode()).contains("hotline/welcome-").contains("查工单");

    ApiClient.Response answered = agent.post("/api/sim/calls/" + id + "/answer", "{}");
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(answered.json().getString("state")).isEqualTo("talking");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> view(agent, id).getJsonObject("screenPop") != null);
    JsonObject pop = view(agent, id).getJsonObject("screenPop");
    assertThat(pop.getString("agent")).isEqualTo("agent1");
    assertThat(pop.getString("callerNumber")).isEqualTo("13700006661");
    assertThat(pop.getJsonObject("profile").getJsonArray("openOrders")).isNotEmpty();

    assertThat(agent.post("/api/sim/calls/" + id + "/hangup", "{}").status()).isEqualTo(200);
    assertThat(view(agent, id).getString("state")).isEqualTo("ended");
    ApiClient sup = platform.login("supervisor1");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                sup.get("/api/calls?number=13700006661").json().getJsonArray("items").size() == 1);
    JsonObject record =
        sup.get("/api/calls?number=13700006661").json().getJsonArray("items").getJsonObject(0);
    assertThat(record.getString("id")).isEqualTo(id);
    assertThat(record.getString("outcome")).isEqualTo("answered");
    assertThat(record.getString("agent")).isEqualTo("agent1");
  }

  @Test
  void onlyCentreStaffPlaceCallsInputIsCheckedAndAgentsAnswerOnlyAsThemselves() {
    assertThat(
            platform.login("u-dc").post("/api/sim/calls", "{\"caller\":\"13700006662\"}").status())
        .isEqualTo(403);
    ApiClient agent = platform.login("agent1");
    ApiClient.Response bad = agent.post("/api/sim/calls", "{\"caller\":\"12ab\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("caller");
    assertThat(
            agent
                .post("/api/sim/calls", "{\"caller\":\"13700006662\",\"script\":\"menu\"}")
                .status())
        .isEqualTo(400);
    assertThat(agent.get("/api/sim/calls/no-such-call").status()).isEqualTo(404);

    String id = agent.post("/api/sim/calls", "{\"caller\":\"13700006662\"}").json().getString("id");
    ApiClient.Response keys = agent.post("/api/sim/calls/" + id + "/dtmf", "{\"digits\":\"9x\"}");
    assertThat(keys.status()).isEqualTo(400);
    assertThat(keys.json().getString("field")).isEqualTo("digits");
    assertThat(agent.post("/api/sim/calls/" + id + "/answer", "{\"agent\":\"agent2\"}").status())
        .isEqualTo(403);
    assertThat(agent.post("/api/sim/calls/" + id + "/answer", "{}").status())
        .as("not yet in the queue")
        .isEqualTo(409);
    assertThat(agent.post("/api/sim/calls/" + id + "/hangup", "{}").status()).isEqualTo(200);
    assertThat(agent.post("/api/sim/calls/" + id + "/hangup", "{}").status()).isEqualTo(409);
  }
}
