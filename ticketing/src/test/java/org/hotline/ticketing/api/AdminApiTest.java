package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Administrators edit the calendar, deadline settings and routing; every change is audited. */
class AdminApiTest {

  static TestPlatform platform;
  static ApiClient admin;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    admin = platform.login("admin");
  }

  @Test
  void theYearWithoutAnOfficialArrangementWarnsAndCanBeCompleted() throws Exception {
    JsonObject y2027 = admin.get("/api/admin/calendar?year=2027").json();
    assertThat(y2027.getBoolean("official")).isFalse();
    assertThat(y2027.getString("warning")).contains("2027");
    ApiClient.Response put =
        admin.put("/api/admin/calendar/days/2027-02-07", "{\"kind\":\"holiday\",\"name\":\"春节\"}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonArray days = admin.get("/api/admin/calendar?year=2027").json().getJsonArray("days");
    assertThat(days.stream().map(d -> ((JsonObject) d).getString("day"))).contains("2027-02-07");
    try (Connection c = platform.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT detail FROM audit_log WHERE action = 'admin:calendar-day' ORDER BY id DESC LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).contains("2027-02-07").contains("after");
    }
    assertThat(
            admin
                .put("/api/admin/calendar/days/2027-02-30", "{\"kind\":\"holiday\",\"name\":\"x\"}")
                .status())
        .isEqualTo(400);
    assertThat(admin.put("/api/admin/calendar/days/2027-02-07", "{\"kind\":\"festival\"}").status())
        .isEqualTo(400);
  }

  @Test
  void settingsAreCheckedBeforeTheyAreStored() {
    assertThat(
            admin.put("/api/admin/settings/working_hours", "{\"value\":\"17:00-09:00\"}").status())
        .isEqualTo(400);
    assertThat(
            admin
                .put("/api/admin/settings/deadlines", "{\"value\":{\"signWorkingDays\":0}}")
                .status())
        .isEqualTo(400);
    assertThat(admin.put("/api/admin/settings/nope", "{\"value\":1}").status()).isEqualTo(404);
    ApiClient.Response ok =
        admin.put("/api/admin/settings/working_hours", "{\"value\":\"09:00-12:00,13:30-17:30\"}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
  }

  @Test
  void routingRulesAreEditedAndSuggestedAtOnce() {
    ApiClient.Response added =
        admin.post(
            "/api/admin/routing",
            "{\"categoryCode\":\"010101\",\"unit\":\"xc\",\"scope\":\"owner\",\"note\":\"试点\",\"priority\":0}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    ApiClient agent = platform.login("agent1");
    JsonArray s = agent.get("/api/routing/suggest?categoryCode=010101&location=x").array();
    assertThat(s.stream().map(x -> ((JsonObject) x).getString("unit"))).contains("xc");
    long id =
        admin.get("/api/admin/routing").array().stream()
            .map(r -> (JsonObject) r)
            .filter(
                r ->
                    "xc".equals(r.getString("unit"))
                        && "010101".equals(r.getString("categoryCode")))
            .findFirst()
            .orElseThrow()
            .getLong("id");
    assertThat(admin.delete("/api/admin/routing/" + id).status()).isEqualTo(200);
    assertThat(
            agent.get("/api/routing/suggest?categoryCode=010101&location=x").array().stream()
                .map(x -> ((JsonObject) x).getString("unit")))
        .doesNotContain("xc");
  }

  @Test
  void onlyAdministratorsAdminister() {
    ApiClient supervisor = platform.login("supervisor1");
    assertThat(supervisor.get("/api/admin/calendar").status()).isEqualTo(403);
    assertThat(
            supervisor.put("/api/admin/calendar/days/2027-02-07", "{\"kind\":\"normal\"}").status())
        .isEqualTo(403);
  }
}
