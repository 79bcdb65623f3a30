package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.hotline.ticketing.api.ApiClient;
import org.hotline.ticketing.api.TestPlatform;
import org.junit.jupiter.api.Test;

/** An urgent order the scheduler flagged as unsigned is listed for the wallboard, until signed. */
class WallboardUrgentTest {

  @Test
  void flaggedUrgentOrderIsListedUntilSigned() throws Exception {
    TestPlatform platform = TestPlatform.get();
    ApiClient agent = platform.login("agent1");
    ApiClient dispatcher = platform.login("dispatcher1");
    ApiClient unit = platform.login("u-cgj");
    JsonObject order =
        agent
            .post(
                "/api/tickets",
                new JsonObject()
                    .put("channel", "phone")
                    .put("requestType", "complaint")
                    .put("categoryCode", "010101")
                    .put("citizenPhone", "13812340000")
                    .put("location", "东城区建设路1号")
                    .put("description", "井盖缺失，有行人掉落危险")
                    .put("urgency", "urgent"))
            .json();
    long id = order.getLong("id");
    JsonObject dispatched =
        dispatcher
            .post(
                "/api/tickets/" + id + "/dispatch",
                new JsonObject().put("version", order.getInteger("version")).put("unit", "cgj"))
            .json();
    assertThat(urgentIds(dispatcher)).doesNotContain(id);

    // What the scheduler writes when the 30 minutes pass (its own tests cover the timing).
    try (Connection c = platform.jdbc();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO deadline_notice (order_id, kind, deadline, level, at)"
                    + " SELECT id, 'sign', sign_deadline, 'urgent-unsigned', now()"
                    + " FROM work_order WHERE id = ?")) {
      ps.setLong(1, id);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertThat(urgentIds(dispatcher)).contains(id);
    assertThat(unit.get("/api/wallboard/urgent").status()).isEqualTo(403);

    unit.post(
        "/api/tickets/" + id + "/sign",
        new JsonObject().put("version", dispatched.getInteger("version")));
    assertThat(urgentIds(dispatcher)).doesNotContain(id);
  }

  private static java.util.List<Long> urgentIds(ApiClient who) {
    ApiClient.Response r = who.get("/api/wallboard/urgent");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getJsonArray("orders").stream()
        .map(o -> ((JsonObject) o).getLong("id"))
        .toList();
  }
}
