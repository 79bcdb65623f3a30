package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The work-order API against the real platform and PostgreSQL. */
class TicketApiTest {

  static TestPlatform platform;
  static ApiClient agent;
  static ApiClient dispatcher;
  static ApiClient reviewer;
  static ApiClient supervisor;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    agent = platform.login("agent1");
    dispatcher = platform.login("dispatcher1");
    reviewer = platform.login("reviewer1");
    supervisor = platform.login("supervisor1");
  }

  @org.junit.jupiter.api.AfterAll
  static void noEventLoopWasBlocked() {
    assertThat(BlockedThreadWatch.install().eventLoopWarnings())
        .as("Vert.x blocked-thread warnings")
        .isEmpty();
  }

  static JsonObject newOrder() {
    return new JsonObject()
        .put("channel", "phone")
        .put("requestType", "complaint")
        .put("categoryCode", "010101")
        .put("citizenPhone", "13812345678")
        .put("citizenName", "张三")
        .put("location", "东城区建设路12号")
        .put("description", "路灯不亮已经三天")
        .put("urgency", "normal");
  }

  static JsonObject create() {
    ApiClient.Response r = agent.post("/api/tickets", newOrder());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  static JsonObject act(ApiClient who, JsonObject order, String action, JsonObject input) {
    ApiClient.Response r =
        who.post(
            "/api/tickets/" + order.getLong("id") + "/" + action,
            input.copy().put("version", order.getInteger("version")));
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  static String unitFor(String categoryCode, String location) {
    ApiClient.Response r =
        dispatcher.get(
            "/api/routing/suggest?categoryCode="
                + categoryCode
                + "&location="
                + ApiClient.q(location));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.array().getJsonObject(0).getString("unit");
  }

  @Test
  void aCreatedOrderCarriesTheContractFields() {
    JsonObject o = create();
    assertThat(o.fieldNames())
        .contains(
            "id",
            "number",
            "state",
            "version",
            "channel",
            "requestType",
            "categoryCode",
            "leadUnit",
            "coUnits",
            "signDeadline",
            "dueDeadline",
            "overdue",
            "createdAt");
    assertThat(o.getString("number")).matches("\\d{8}-\\d{6}");
    assertThat(o.getString("state")).isEqualTo("RECEIVED");
    assertThat(o.getString("createdAt")).matches(".*\\+08:00");
  }

  @Test
  void theWholeDayOfAnOrderFromIntakeToAClosedRatedOrder() {
    JsonObject o = create();
    String unit = unitFor("010101", "东城区建设路12号");
    o = act(dispatcher, o, "dispatch", new JsonObject().put("unit", unit));
    assertThat(o.getString("state")).isEqualTo("DISPATCHED");
    assertThat(o.getString("leadUnit")).isEqualTo(unit);
    assertThat(o.getString("signDeadline")).isNotNull();
    assertThat(o.getString("dueDeadline")).isNotNull();
    ApiClient handler = platform.login("u-" + unit);
    o = act(handler, o, "sign", new JsonObject());
    o = act(handler, o, "reply", new JsonObject().put("text", "已更换灯泡"));
    assertThat(o.getString("state")).isEqualTo("REPLIED");
    o = act(reviewer, o, "review-accept", new JsonObject());
    assertThat(o.getString("state")).isEqualTo("CALLBACK");
    o = act(agent, o, "callback", new JsonObject().put("result", "satisfied"));
    assertThat(o.getString("state")).isEqualTo("CLOSED");
    assertThat(o.getInteger("version")).isEqualTo(6);

    JsonArray events = agent.get("/api/tickets/" + o.getLong("id") + "/events").array();
    List<String> actions = new ArrayList<>();
    List<String> path = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      actions.add(events.getJsonObject(i).getString("action"));
      path.add(
          events.getJsonObject(i).getString("from")
              + ">"
              + events.getJsonObject(i).getString("to"));
    }
    assertThat(actions)
        .containsExactly("create", "dispatch", "sign", "reply", "review-accept", "callback");
    assertThat(path)
        .containsExactly(
            "null>RECEIVED",
            "RECEIVED>DISPATCHED",
            "DISPATCHED>ACCEPTED",
            "ACCEPTED>REPLIED",
            "REPLIED>CALLBACK",
            "CALLBACK>CLOSED");
    assertThat(events.getJsonObject(1).getString("actor")).isEqualTo("dispatcher1");
  }

  @Test
  void twoConcurrentSignsOfOneOrderLetExactlyOneWin() throws Exception {
    JsonObject o = act(dispatcher, create(), "dispatch", new JsonObject().put("unit", "dc"));
    ApiClient handler = platform.login("u-dc");
    ApiClient leader = platform.login("l-dc");
    String body = new JsonObject().put("version", o.getInteger("version")).encode();
    String path = "/api/tickets/" + o.getLong("id") + "/sign";
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<ApiClient.Response> a =
        CompletableFuture.supplyAsync(
            () -> {
              await(go);
              return handler.post(path, body);
            });
    CompletableFuture<ApiClient.Response> b =
        CompletableFuture.supplyAsync(
            () -> {
              await(go);
              return leader.post(path, body);
            });
    go.countDown();
    List<Integer> statuses = List.of(a.get().status(), b.get().status());
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    JsonArray events = agent.get("/api/tickets/" + o.getLong("id") + "/events").array();
    assertThat(
            events.stream()
                .filter(e -> ((JsonObject) e).getString("action").equals("sign"))
                .count())
        .isEqualTo(1);
    assertThat(agent.get("/api/tickets/" + o.getLong("id")).json().getInteger("version"))
        .isEqualTo(3);
  }

  @Test
  void badInputsAreRefusedWith400NamingTheFieldAndCreateNothing() throws Exception {
    long before = count("SELECT count(*) FROM work_order");
    assertField(agent.post("/api/tickets", "{not json"), "body");
    assertField(agent.post("/api/tickets", "[1,2]"), "body");
    assertField(agent.post("/api/tickets", newOrder().put("channel", "fax")), "channel");
    assertField(agent.post("/api/tickets", newOrder().put("requestType", 7)), "requestType");
    assertField(agent.post("/api/tickets", newOrder().putNull("description")), "description");
    assertField(
        agent.post("/api/tickets", newOrder().put("categoryCode", "999999")), "categoryCode");
    assertField(agent.post("/api/tickets", newOrder().put("citizenPhone", "abc")), "citizenPhone");
    assertField(agent.post("/api/tickets", newOrder().put("urgency", "panic")), "urgency");
    assertField(agent.post("/api/tickets", newOrder().put("latitude", 123.0)), "latitude");
    assertField(
        agent.post("/api/tickets", newOrder().encode(), "application/x-www-form-urlencoded"),
        "Content-Type");
    String huge = newOrder().put("description", "长".repeat(600_000)).encode();
    assertThat(agent.post("/api/tickets", huge).status()).isEqualTo(400);
    assertThat(count("SELECT count(*) FROM work_order")).isEqualTo(before);

    JsonObject o = create();
    String path = "/api/tickets/" + o.getLong("id") + "/";
    assertField(
        dispatcher.post(path + "dispatch", "{\"version\":\"one\",\"unit\":\"dc\"}"), "version");
    assertField(dispatcher.post(path + "dispatch", "{\"unit\":\"dc\"}"), "version");
    assertField(dispatcher.post(path + "dispatch", "{\"version\":1,\"unit\":\"nowhere\"}"), "unit");
    assertField(dispatcher.post(path + "teleport", "{\"version\":1}"), "action");
    assertField(
        dispatcher.post(path + "dispatch", "{\"version\":1,\"coUnits\":\"dc\",\"unit\":\"xc\"}"),
        "coUnits");
    JsonObject after = agent.get("/api/tickets/" + o.getLong("id")).json();
    assertThat(after.getString("state")).isEqualTo("RECEIVED");
    assertThat(after.getInteger("version")).isEqualTo(1);
    assertThat(agent.get("/api/tickets/" + o.getLong("id") + "/events").array()).hasSize(1);
  }

  @Test
  void illegalTransitionsAndStaleVersionsAre409AndChangeNothing() {
    JsonObject o = create();
    String path = "/api/tickets/" + o.getLong("id") + "/";
    ApiClient.Response r = agent.post(path + "review-accept", "{\"version\":1}");
    assertThat(r.status()).isEqualTo(403); // agents do not review
    r = reviewer.post(path + "review-accept", "{\"version\":1}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().getString("error")).isEqualTo("illegal_transition");
    JsonObject dispatched = act(dispatcher, o, "dispatch", new JsonObject().put("unit", "xc"));
    r = supervisor.post(path + "supervise", "{\"version\":1,\"note\":\"快\"}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().getString("error")).isEqualTo("stale_version");
    assertThat(agent.get("/api/tickets/" + o.getLong("id")).json().getInteger("version"))
        .isEqualTo(dispatched.getInteger("version"));
  }

  @Test
  void unitStaffSeeOnlyTheirUnitsOrdersWithTheCitizenMasked() {
    JsonObject o = act(dispatcher, create(), "dispatch", new JsonObject().put("unit", "xc"));
    ApiClient own = platform.login("u-xc");
    ApiClient other = platform.login("u-dc");
    JsonObject seen = own.get("/api/tickets/" + o.getLong("id")).json();
    assertThat(seen.getString("citizenPhone")).isEqualTo("138****5678");
    assertThat(seen.getString("citizenName")).isEqualTo("张*");
    assertThat(other.get("/api/tickets/" + o.getLong("id")).status()).isEqualTo(404);
    assertThat(other.get("/api/tickets/" + o.getLong("id") + "/events").status()).isEqualTo(404);
    assertThat(other.post("/api/tickets/" + o.getLong("id") + "/sign", "{\"version\":2}").status())
        .isEqualTo(404);
    JsonObject list =
        other.get("/api/tickets?size=200&q=" + ApiClient.q(o.getString("number"))).json();
    assertThat(list.getLong("total")).isZero();
    JsonObject mine =
        own.get("/api/tickets?size=200&q=" + ApiClient.q(o.getString("number"))).json();
    assertThat(mine.getLong("total")).isEqualTo(1);
    // a parent unit sees its child's orders after a sub-dispatch; the child cannot see the parent's
    // others
    assertThat(agent.get("/api/tickets/" + o.getLong("id")).json().getString("citizenPhone"))
        .isEqualTo("13812345678");
  }

  @Test
  void confidentialReportsHideTheReporterFromUnits() throws Exception {
    JsonObject body = newOrder().put("requestType", "report").put("confidential", true);
    JsonObject o = agent.post("/api/tickets", body).json();
    o = act(dispatcher, o, "dispatch", new JsonObject().put("unit", "xc"));
    JsonObject seen = platform.login("l-xc").get("/api/tickets/" + o.getLong("id")).json();
    assertThat(seen.getValue("citizenPhone")).isNull();
    assertThat(seen.getValue("citizenName")).isNull();
    assertThat(seen.getBoolean("confidential")).isTrue();
    supervisor.get("/api/tickets/" + o.getLong("id"));
    assertThat(
            count(
                "SELECT count(*) FROM personal_data_access WHERE username = 'supervisor1' AND order_id = "
                    + o.getLong("id")))
        .isEqualTo(1);
  }

  @Test
  void listsArePagedAndFiltered() {
    JsonObject o = create();
    JsonObject page = agent.get("/api/tickets?state=RECEIVED&size=5&page=0").json();
    assertThat(page.getJsonArray("items").size()).isLessThanOrEqualTo(5);
    assertThat(page.getLong("total")).isGreaterThanOrEqualTo(1);
    page.getJsonArray("items")
        .forEach(i -> assertThat(((JsonObject) i).getString("state")).isEqualTo("RECEIVED"));
    JsonObject byNumber = agent.get("/api/tickets?q=" + o.getString("number")).json();
    assertThat(byNumber.getLong("total")).isEqualTo(1);
    JsonObject byName = agent.get("/api/tickets?size=200&q=" + ApiClient.q("张三")).json();
    assertThat(byName.getLong("total")).isGreaterThanOrEqualTo(1);
    JsonObject overdue = agent.get("/api/tickets?overdue=true&size=200").json();
    overdue
        .getJsonArray("items")
        .forEach(i -> assertThat(((JsonObject) i).getBoolean("overdue")).isTrue());
    assertThat(agent.get("/api/tickets?state=NOPE").status()).isEqualTo(400);
    assertThat(agent.get("/api/tickets?size=0").status()).isEqualTo(400);
    assertThat(agent.get("/api/tickets?overdue=maybe").status()).isEqualTo(400);
  }

  @Test
  void returnRequestApprovedGoesBackToIntakeForRedispatch() {
    JsonObject o = act(dispatcher, create(), "dispatch", new JsonObject().put("unit", "xc"));
    ApiClient unit = platform.login("u-xc");
    o = act(unit, o, "return-request", new JsonObject().put("reason", "不属于本单位职责"));
    assertThat(o.getJsonObject("pending").getString("type")).isEqualTo("return");
    o = act(dispatcher, o, "return-approve", new JsonObject());
    assertThat(o.getString("state")).isEqualTo("RECEIVED");
    o =
        act(
            dispatcher,
            o,
            "dispatch",
            new JsonObject().put("unit", "dc").put("coUnits", new JsonArray().add("xc")));
    assertThat(o.getString("leadUnit")).isEqualTo("dc");
    assertThat(o.getJsonArray("coUnits").getList()).containsExactly("xc");
    // a co-unit sees the order but does not hold it
    assertThat(unit.get("/api/tickets/" + o.getLong("id")).status()).isEqualTo(200);
    assertThat(
            unit.post(
                    "/api/tickets/" + o.getLong("id") + "/sign",
                    new JsonObject().put("version", o.getInteger("version")))
                .status())
        .isEqualTo(403);
  }

  @Test
  void dissatisfiedCallbackSendsTheOrderBackAndSupervisorsReopenClosedOnes() {
    JsonObject o = act(dispatcher, create(), "dispatch", new JsonObject().put("unit", "dc"));
    ApiClient unit = platform.login("u-dc");
    o = act(unit, o, "sign", new JsonObject());
    o = act(unit, o, "reply", new JsonObject().put("text", "已处理"));
    o = act(reviewer, o, "review-reject", new JsonObject().put("reason", "答复不完整"));
    assertThat(o.getString("state")).isEqualTo("ACCEPTED");
    assertThat(o.getInteger("rehandleCount")).isEqualTo(1);
    o = act(unit, o, "reply", new JsonObject().put("text", "已全部处理"));
    o = act(reviewer, o, "review-accept", new JsonObject());
    o = act(agent, o, "callback", new JsonObject().put("result", "dissatisfied"));
    assertThat(o.getString("state")).isEqualTo("DISPATCHED");
    assertThat(o.getString("leadUnit")).isEqualTo("dc");
    o = act(unit, o, "sign", new JsonObject());
    o = act(unit, o, "reply", new JsonObject().put("text", "再次处理"));
    o = act(reviewer, o, "review-accept", new JsonObject());
    o = act(agent, o, "callback", new JsonObject().put("result", "unreachable"));
    assertThat(o.getInteger("callbackAttempts")).isEqualTo(1);
    o = act(agent, o, "close", new JsonObject());
    assertThat(o.getString("state")).isEqualTo("CLOSED");
    assertThat(
            dispatcher
                .post(
                    "/api/tickets/" + o.getLong("id") + "/reopen",
                    new JsonObject().put("version", o.getInteger("version")).put("reason", "x"))
                .status())
        .isEqualTo(403);
    o = act(supervisor, o, "reopen", new JsonObject().put("reason", "市民再次来电反映未解决"));
    assertThat(o.getString("state")).isEqualTo("DISPATCHED");
  }

  @Test
  void mergeFoldsADuplicateIntoAnOpenOrder() {
    JsonObject first = act(dispatcher, create(), "dispatch", new JsonObject().put("unit", "dc"));
    JsonObject dup = create();
    JsonObject merged =
        act(agent, dup, "merge", new JsonObject().put("into", first.getString("number")));
    assertThat(merged.getString("state")).isEqualTo("MERGED");
    assertThat(merged.getLong("parentId")).isEqualTo(first.getLong("id"));
    JsonArray targetEvents = agent.get("/api/tickets/" + first.getLong("id") + "/events").array();
    assertThat(targetEvents.getJsonObject(targetEvents.size() - 1).getString("action"))
        .isEqualTo("merged-in");
    ApiClient.Response self =
        agent.post(
            "/api/tickets/" + first.getLong("id") + "/merge",
            new JsonObject().put("version", 2).put("into", first.getString("number")));
    assertThat(self.status()).isEqualTo(409);
  }

  @Test
  void historyIsAppendOnly() throws Exception {
    JsonObject o = create();
    try (Connection c = platform.jdbc()) {
      try {
        c.createStatement()
            .executeUpdate("DELETE FROM order_event WHERE order_id = " + o.getLong("id"));
        throw new AssertionError("delete of history was allowed");
      } catch (java.sql.SQLException expected) {
        assertThat(expected.getMessage()).contains("append-only");
      }
    }
  }

  @Test
  void referenceDataHasTheContractShapes() {
    JsonArray units = agent.get("/api/units").array();
    assertThat(units.size()).isGreaterThanOrEqualTo(25);
    assertThat(units.getJsonObject(0).fieldNames()).contains("code", "name", "parent");
    JsonArray cats = agent.get("/api/categories").array();
    assertThat(cats.size()).isGreaterThanOrEqualTo(12);
    JsonObject top = cats.getJsonObject(0);
    assertThat(top.fieldNames()).contains("code", "name", "children");
    assertThat(top.getJsonArray("children").getJsonObject(0).getJsonArray("children").size())
        .isPositive();
    assertThat(agent.get("/api/routing/suggest?categoryCode=123").status()).isEqualTo(400);
    JsonArray s =
        agent
            .get("/api/routing/suggest?categoryCode=010101&location=" + ApiClient.q("东城区"))
            .array();
    assertThat(s.getJsonObject(0).fieldNames()).contains("unit", "name", "reason");
    assertThat(agent.get("/api/openapi.json").json().getString("openapi")).startsWith("3.");
    assertThat(platform.client().get("/health").status()).isEqualTo(200);
  }

  static long count(String sql) throws Exception {
    try (Connection c = platform.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void assertField(ApiClient.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getString("field")).as(r.body()).isEqualTo(field);
    assertThat(r.json().getString("error")).isNotBlank();
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
