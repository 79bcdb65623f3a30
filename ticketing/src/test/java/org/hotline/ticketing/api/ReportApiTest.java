package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report API over HTTP on the running platform: role scoping, 400s on bad periods, the appeal
 * flow, CSV and XLSX exports read back with commons-csv and POI, and the daily brief. The data set
 * lives in March 2020, long before the demo city's orders, so the figures are exactly its own.
 */
class ReportApiTest {

  static final String MARCH = "?period=month&date=2020-03-15";
  static TestPlatform platform;
  static ApiClient agent;
  static ApiClient supervisor;
  static ApiClient cgj;
  static ApiClient dc;
  static long cgjOrder;
  static long cgjOrder2;
  static long dcOrder;

  static OffsetDateTime t(String local) {
    return LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(8));
  }

  @BeforeAll
  static void start() throws Exception {
    platform = TestPlatform.get();
    agent = platform.login("agent1");
    supervisor = platform.login("supervisor1");
    cgj = platform.login("u-cgj");
    dc = platform.login("u-dc");
    try (Connection c = platform.jdbc()) {
      // cgj: one order signed and replied on time, one never signed (both late by now).
      cgjOrder =
          order(
              c,
              "CLOSED",
              "cgj",
              "010101",
              null,
              t("2020-03-02T09:00"),
              t("2020-03-02T17:00"),
              t("2020-03-02T10:00"),
              t("2020-03-10T17:30"),
              t("2020-03-05T10:00"));
      event(c, cgjOrder, "dispatch", t("2020-03-02T09:00"), "{\"unit\":\"cgj\"}");
      event(c, cgjOrder, "review-accept", t("2020-03-05T11:00"), "{}");
      event(c, cgjOrder, "callback", t("2020-03-02T16:00"), "{\"result\":\"satisfied\"}");
      cgjOrder2 =
          order(
              c,
              "DISPATCHED",
              "cgj",
              "010101",
              null,
              t("2020-03-02T09:30"),
              t("2020-03-02T17:00"),
              null,
              t("2020-03-10T17:30"),
              null);
      event(c, cgjOrder2, "dispatch", t("2020-03-02T09:30"), "{\"unit\":\"cgj\"}");
      // dc and its street dc-jx: one order each.
      dcOrder =
          order(
              c,
              "DISPATCHED",
              "dc",
              "010102",
              null,
              t("2020-03-03T09:00"),
              t("2020-03-03T17:00"),
              null,
              t("2020-03-13T17:30"),
              null);
      event(c, dcOrder, "dispatch", t("2020-03-03T09:00"), "{\"unit\":\"dc\"}");
      long jx =
          order(
              c,
              "ACCEPTED",
              "dc-jx",
              "010102",
              null,
              t("2020-03-04T09:00"),
              t("2020-03-04T17:00"),
              t("2020-03-04T09:10"),
              t("2020-03-14T17:30"),
              null);
      event(c, jx, "dispatch", t("2020-03-04T09:00"), "{\"unit\":\"dc-jx\"}");
      // Five orders on 2020-03-02 from one area whose name is markup: a hot issue that the brief
      // must print escaped.
      for (int i = 0; i < 5; i++) {
        order(
            c,
            "RECEIVED",
            null,
            "010103",
            "<script>alert(1)</script>",
            t("2020-03-02T1" + i + ":00"),
            null,
            null,
            null,
            null);
      }
    }
  }

  @AfterAll
  static void noEventLoopWasBlocked() {
    assertThat(BlockedThreadWatch.install().eventLoopWarnings())
        .as("Vert.x blocked-thread warnings")
        .isEmpty();
  }

  static long order(
      Connection c,
      String state,
      String unit,
      String category,
      String area,
      OffsetDateTime created,
      OffsetDateTime signDeadline,
      OffsetDateTime signed,
      OffsetDateTime due,
      OffsetDateTime replied)
      throws Exception {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO work_order (number, state, channel, request_type, category_code, area,"
                + " description, urgency, lead_unit, sign_deadline, signed_at, due_deadline,"
                + " replied_at, created_by, created_at, citizen_phone)"
                + " VALUES ('R' || nextval('work_order_number_seq'), ?, 'phone', 'complaint', ?, ?,"
                + " '报表测试', 'normal', ?, ?, ?, ?, ?, 'agent1', ?, '13812345678') RETURNING id")) {
      p.setString(1, state);
      p.setString(2, category);
      p.setString(3, area);
      p.setString(4, unit);
      p.setObject(5, signDeadline);
      p.setObject(6, signed);
      p.setObject(7, due);
      p.setObject(8, replied);
      p.setObject(9, created);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static void event(Connection c, long order, String action, OffsetDateTime at, String payload)
      throws Exception {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO order_event (order_id, action, actor, at, to_state, payload)"
                + " VALUES (?, ?, 'test', ?, 'X', ?::jsonb)")) {
      p.setLong(1, order);
      p.setString(2, action);
      p.setObject(3, at);
      p.setString(4, payload);
      p.executeUpdate();
    }
  }

  static List<String> units(ApiClient.Response r) {
    return r.json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("unit"))
        .toList();
  }

  @Test
  void centreStaffSeeEveryUnitAndUnitStaffTheirOwnSubtree() {
    ApiClient.Response all = agent.get("/api/reports/units" + MARCH);
    assertThat(all.status()).isEqualTo(200);
    assertThat(units(all)).containsExactlyInAnyOrder("cgj", "dc", "dc-jx");
    JsonObject period = all.json().getJsonObject("period");
    assertThat(period.getString("from")).isEqualTo("2020-03-01");
    assertThat(period.getString("to")).isEqualTo("2020-03-31");

    ApiClient.Response mine = dc.get("/api/reports/units" + MARCH);
    assertThat(units(mine)).containsExactlyInAnyOrder("dc", "dc-jx");
    // Ranks stay those of the whole ranking: a unit sees its own place among all.
    assertThat(
            mine.json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getInteger("rank")))
        .allSatisfy(rank -> assertThat(rank).isBetween(1, 3));
    assertThat(cgj.get("/api/reports/units" + MARCH + "&unit=dc").status()).isEqualTo(403);
    assertThat(units(cgj.get("/api/reports/units" + MARCH + "&unit=cgj"))).containsExactly("cgj");

    for (String path :
        List.of(
            "/api/reports/hotline",
            "/api/reports/agents",
            "/api/reports/hot-issues",
            "/api/reports/daily-brief?date=2020-03-02")) {
      assertThat(cgj.get(path).status()).as(path).isEqualTo(403);
    }
    assertThat(platform.login("kbeditor1").get("/api/reports/units").status()).isEqualTo(403);
  }

  @Test
  void badPeriodsAndFormatsAre400NamingTheParameter() {
    assertField(agent.get("/api/reports/units?period=year"), "period");
    assertField(agent.get("/api/reports/units?period=custom&to=2020-03-01"), "from");
    assertField(agent.get("/api/reports/units?period=custom&from=2020-03-05&to=2020-03-01"), "to");
    assertField(agent.get("/api/reports/units?period=custom&from=2019-01-01&to=2020-03-01"), "to");
    assertField(agent.get("/api/reports/hotline?period=day&date=2020-13-01"), "date");
    assertField(agent.get("/api/reports/agents?period=day&from=2020-03-01"), "from");
    assertField(agent.get("/api/reports/units?format=pdf"), "format");
    assertField(agent.get("/api/reports/hotline?table=weeks"), "table");
    assertField(agent.get("/api/appeals?state=open"), "state");
    assertField(
        supervisor.get("/api/reports/daily-brief?date=" + LocalDate.now().plusDays(2)), "date");
  }

  static void assertField(ApiClient.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getString("field")).isEqualTo(field);
    assertThat(r.json().getString("message")).isNotBlank();
  }

  @Test
  void aUnitAppealsTheCentreDecidesAndTheOrderLeavesTheScoring() {
    JsonObject before = row(agent.get("/api/reports/units" + MARCH), "cgj");
    assertThat(before.getInteger("received")).isEqualTo(2);
    assertThat(before.getInteger("excluded")).isZero();

    assertThat(
            cgj.post("/api/appeals", new JsonObject().put("orderId", dcOrder).put("reason", "x"))
                .status())
        .isEqualTo(404); // not an order of cgj
    assertThat(
            agent
                .post("/api/appeals", new JsonObject().put("orderId", cgjOrder2).put("reason", "x"))
                .status())
        .isEqualTo(403);
    assertField(cgj.post("/api/appeals", new JsonObject().put("orderId", cgjOrder2)), "reason");
    assertField(
        cgj.post("/api/appeals", new JsonObject().put("orderId", "1").put("reason", "x")),
        "orderId");

    ApiClient.Response filed =
        cgj.post(
            "/api/appeals",
            new JsonObject().put("orderId", cgjOrder2).put("reason", "=该路段由区级养护，非本单位职责"));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    long id = filed.json().getLong("id");
    assertThat(filed.json().getString("state")).isEqualTo("pending");
    assertThat(
            cgj.post(
                    "/api/appeals",
                    new JsonObject().put("orderId", cgjOrder2).put("reason", "again"))
                .status())
        .isEqualTo(409);

    assertThat(agent.post("/api/appeals/" + id + "/approve", "{}").status()).isEqualTo(403);
    assertThat(cgj.post("/api/appeals/" + id + "/approve", "{}").status()).isEqualTo(403);
    assertField(supervisor.post("/api/appeals/" + id + "/reject", "{}"), "note");
    ApiClient.Response approved =
        supervisor.post("/api/appeals/" + id + "/approve", new JsonObject().put("note", "情况属实"));
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().getString("state")).isEqualTo("approved");
    assertThat(
            supervisor
                .post("/api/appeals/" + id + "/reject", new JsonObject().put("note", "x"))
                .status())
        .isEqualTo(409);
    assertThat(supervisor.post("/api/appeals/999999/approve", "{}").status()).isEqualTo(404);

    JsonObject after = row(agent.get("/api/reports/units" + MARCH), "cgj");
    assertThat(after.getInteger("received")).isEqualTo(2);
    assertThat(after.getInteger("excluded")).isEqualTo(1);
    // Left: the on-time order: signed and completed on time, 100 %.
    assertThat(after.getInteger("signDue")).isEqualTo(1);
    assertThat(after.getDouble("signedOnTimePct")).isEqualTo(100.0);
    assertThat(after.getDouble("completedOnTimePct")).isEqualTo(100.0);

    JsonObject trail = cgj.get("/api/appeals/" + id).json();
    JsonArray events = trail.getJsonArray("events");
    assertThat(events).hasSize(2);
    assertThat(events.getJsonObject(1).getString("actor")).isEqualTo("supervisor1");
    assertThat(events.getJsonObject(1).getString("fromState")).isEqualTo("pending");
    assertThat(events.getJsonObject(1).getString("toState")).isEqualTo("approved");
    assertThat(dc.get("/api/appeals/" + id).status()).isEqualTo(404);
    assertThat(ids(dc.get("/api/appeals"))).doesNotContain(id);
    assertThat(ids(cgj.get("/api/appeals"))).contains(id);
    assertThat(ids(supervisor.get("/api/appeals?state=approved"))).contains(id);

    // The export keeps a citizen's leading '=' from becoming a spreadsheet formula.
    String csv = text(supervisor.export("/api/appeals?format=csv"));
    assertThat(csv).contains("'=该路段由区级养护");
  }

  static List<Long> ids(ApiClient.Response r) {
    return r.json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getLong("id"))
        .toList();
  }

  static JsonObject row(ApiClient.Response r, String unit) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(o -> unit.equals(o.getString("unit")))
        .findFirst()
        .orElseThrow();
  }

  static String text(ApiClient.Download d) {
    assertThat(d.status()).isEqualTo(200);
    return new String(d.body(), StandardCharsets.UTF_8);
  }

  @Test
  void everyTableExportsToCsvAndXlsxWithTheFiguresOfTheJson() throws Exception {
    JsonObject json = row(agent.get("/api/reports/units" + MARCH), "dc-jx");

    ApiClient.Download csv = agent.export("/api/reports/units" + MARCH + "&format=csv");
    assertThat(csv.contentType()).startsWith("text/csv");
    String text = text(csv);
    assertThat(text).startsWith("\uFEFF");
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text.substring(1)))
            .getRecords();
    CSVRecord jx =
        records.stream().filter(r -> r.get("单位编码 Unit").equals("dc-jx")).findFirst().orElseThrow();
    assertThat(jx.get("派件量 Received")).isEqualTo(String.valueOf(json.getInteger("received")));
    assertThat(jx.get("单位名称 Unit name")).isEqualTo("东城区建新街道办事处");
    assertThat(jx.get("签收及时率% Signed on time"))
        .isEqualTo(String.valueOf(json.getDouble("signedOnTimePct")));
    assertThat(records)
        .hasSize(agent.get("/api/reports/units" + MARCH).json().getJsonArray("items").size());

    ApiClient.Download xlsx = agent.export("/api/reports/units" + MARCH + "&format=xlsx");
    assertThat(xlsx.contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheetAt(0);
      Row header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("排名 Rank");
      assertThat(header.getCell(2).getStringCellValue()).isEqualTo("单位编码 Unit");
      assertThat(header.getCell(4).getStringCellValue()).isEqualTo("派件量 Received");
      Row found = null;
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        if ("dc-jx".equals(sheet.getRow(i).getCell(2).getStringCellValue())) {
          found = sheet.getRow(i);
        }
      }
      assertThat(found).isNotNull();
      assertThat(found.getCell(4).getNumericCellValue()).isEqualTo(1.0);
      assertThat(found.getCell(9).getNumericCellValue())
          .isEqualTo(json.getDouble("signedOnTimePct"));
    }

    // The other tables export too, each a workbook POI reads.
    for (String path :
        List.of(
            "/api/reports/hotline" + MARCH,
            "/api/reports/hotline" + MARCH + "&table=channels",
            "/api/reports/agents" + MARCH,
            "/api/reports/hot-issues?x=1",
            "/api/appeals?x=1")) {
      ApiClient.Download d = supervisor.export(path + "&format=xlsx");
      assertThat(d.status()).as(path).isEqualTo(200);
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(d.body()))) {
        assertThat((int) book.getSheetAt(0).getRow(0).getLastCellNum()).as(path).isGreaterThan(2);
      }
      assertThat(text(supervisor.export(path + "&format=csv"))).as(path).startsWith("\uFEFF");
    }
    List<CSVRecord> channels =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(
                new StringReader(
                    text(supervisor.export(
                            "/api/reports/hotline" + MARCH + "&table=channels&format=csv"))
                        .substring(1)))
            .getRecords();
    // March 2020 intake: the four unit orders and the five hot-area orders, all by phone.
    assertThat(channels).hasSize(1);
    assertThat(channels.get(0).get("受理量 Orders")).isEqualTo("9");
  }

  @Test
  void administratorsSetTheHotIssueRuleAndTheReportUsesIt() {
    ApiClient admin = platform.login("admin");
    assertField(
        admin.put("/api/admin/settings/hot_issues", "{\"value\":{\"windowHours\":48}}"), "value");
    assertField(
        admin.put("/api/admin/settings/evaluation_weights", "{\"value\":{\"satisfaction\":-1}}"),
        "value");
    String rule = "{\"windowHours\":12,\"baselineDays\":14,\"marginPercent\":80,\"minCount\":4}";
    try {
      assertThat(admin.put("/api/admin/settings/hot_issues", "{\"value\":" + rule + "}").status())
          .isEqualTo(200);
      JsonObject settings = agent.get("/api/reports/hot-issues").json().getJsonObject("settings");
      assertThat(settings).isEqualTo(new JsonObject(rule));
    } finally {
      admin.put(
          "/api/admin/settings/hot_issues",
          "{\"value\":{\"windowHours\":24,\"baselineDays\":7,\"marginPercent\":50,\"minCount\":5}}");
    }
  }

  @Test
  void theDailyBriefIsOneStandalonePrintableDocumentWithItsSections() throws Exception {
    ApiClient.Response r = supervisor.get("/api/reports/daily-brief?date=2020-03-02");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String html = r.body();
    // Kept for a look in a browser (target/report-samples/).
    java.nio.file.Path sample = java.nio.file.Path.of("target/report-samples/daily-brief.html");
    java.nio.file.Files.createDirectories(sample.getParent());
    java.nio.file.Files.writeString(sample, html);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("每日简情", "2020-03-02");
    assertThat(html)
        .contains(
            "id=\"volumes\"",
            "id=\"categories\"",
            "id=\"hot-issues\"",
            "id=\"overdue\"",
            "id=\"satisfaction\"");
    // Charts are inline SVG; nothing is loaded from elsewhere and nothing runs.
    assertThat(html).contains("<svg").doesNotContain("<script").doesNotContain("src=\"http");
    // That day: 7 orders created (two for cgj, five in the hot area), 路灯 and 道路桥梁 on top.
    assertThat(html).contains("路灯", "道路桥梁");
    // The hot area is printed escaped, never as markup.
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    // cgj's unsigned order was past its sign deadline at the day's end: cgj is a late unit.
    String overdue =
        html.substring(html.indexOf("id=\"overdue\""), html.indexOf("id=\"satisfaction\""));
    assertThat(overdue).contains("市城市管理局").doesNotContain("东城区人民政府");
    // One 满意 rating recorded that day.
    assertThat(html).contains("当日评价 1 件", "满意率 100%");
    assertThat(supervisor.get("/api/reports/daily-brief?date=2020-02-30").status()).isEqualTo(400);
  }
}
