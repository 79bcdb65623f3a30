package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import org.hotline.ticketing.attachment.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attachments over HTTP: stored safely and downloadable, refused when too big or not what they
 * claim, invisible to other units, and protected against cross-site uploads.
 */
class AttachmentApiTest {

  static final String UNIT = "dc-jx"; // a street office with a community below it
  static TestPlatform platform;
  static ApiClient agent;
  static ApiClient dispatcher;
  static ApiClient handler;
  static ApiClient otherUnit;
  static ApiClient parentUnit;
  JsonObject order;

  static int warningsAtStart;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    // Start-up on a loaded machine may be slow; what counts is nothing blocking after it.
    warningsAtStart = BlockedThreadWatch.install().eventLoopWarnings().size();
    agent = platform.login("agent1");
    dispatcher = platform.login("dispatcher1");
    handler = platform.login("u-" + UNIT);
    otherUnit = platform.login("u-xc-gl");
    parentUnit = platform.login("l-dc");
  }

  @AfterAll
  static void noEventLoopWasBlocked() {
    var warnings = BlockedThreadWatch.install().eventLoopWarnings();
    assertThat(warnings.subList(warningsAtStart, warnings.size()))
        .as("event loop blocked while uploading, checking or downloading")
        .isEmpty();
  }

  /** A fresh order dispatched to the unit and signed by it. */
  @BeforeEach
  void signedOrder() {
    order = dispatchedTo(UNIT);
    order = act(handler, order, "sign", new JsonObject());
  }

  static JsonObject dispatchedTo(String unit) {
    ApiClient.Response created =
        agent.post(
            "/api/tickets",
            new JsonObject()
                .put("channel", "phone")
                .put("requestType", "complaint")
                .put("categoryCode", "010101")
                .put("citizenPhone", "13812345678")
                .put("citizenName", "张三")
                .put("location", "东城区建新路8号")
                .put("description", "路灯不亮已经三天")
                .put("urgency", "normal"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return act(dispatcher, created.json(), "dispatch", new JsonObject().put("unit", unit));
  }

  static JsonObject act(ApiClient who, JsonObject order, String action, JsonObject input) {
    ApiClient.Response r =
        who.post(
            "/api/tickets/" + order.getLong("id") + "/" + action,
            input.copy().put("version", order.getInteger("version")));
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  /**
   * Uploads as the portal page does: the session cookie, the page's CSRF token in the header and
   * the browser's Origin.
   */
  static ApiClient.Response upload(ApiClient who, JsonObject order, Multipart body) {
    return who.post(
        "/api/tickets/" + order.getLong("id") + "/attachments",
        body.body(),
        body.contentType(),
        "Origin",
        platform.baseUrl,
        "X-CSRF-Token",
        TOKENS.computeIfAbsent(who, AttachmentApiTest::pageToken));
  }

  private static final java.util.Map<ApiClient, String> TOKENS = new java.util.IdentityHashMap<>();

  /** The CSRF token a page of the portal carries for this session ("" when not logged in). */
  static String pageToken(ApiClient who) {
    ApiClient.Response page = who.get("/unit");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
            .matcher(page.body());
    return m.find() ? m.group(1) : "";
  }

  static ApiClient.Response uploadOne(ApiClient who, JsonObject order, String name, byte[] data) {
    return upload(who, order, new Multipart().file("file", name, "application/octet-stream", data));
  }

  @Test
  void aGoodFileIsStoredUnderARandomNameAndComesBackAsADownload() throws Exception {
    byte[] png = TestFiles.png();
    ApiClient.Response r =
        upload(
            handler,
            order,
            new Multipart()
                .file("file", "../../现场照片.png", "image/png", png)
                .file("file", "回复函.docx", "application/msword", TestFiles.docx()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonArray added = r.array();
    assertThat(added).hasSize(2);
    JsonObject photo = added.getJsonObject(0);
    assertThat(photo.getString("name")).isEqualTo("现场照片.png"); // the path is gone
    assertThat(photo.getString("contentType")).isEqualTo("image/png"); // checked, not claimed
    assertThat(photo.getLong("size")).isEqualTo(png.length);
    assertThat(photo.getString("sha256"))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
    assertThat(photo.getString("uploadedBy")).isEqualTo("u-" + UNIT);
    assertThat(photo.containsKey("storedName")).isFalse();
    assertThat(added.getJsonObject(1).getString("contentType")).contains("wordprocessingml");

    // On disk: under the data directory, a random name, the same bytes.
    Path stored;
    try (Connection c = platform.jdbc();
        PreparedStatement s =
            c.prepareStatement("SELECT stored_name, uploader_unit FROM attachment WHERE id = ?")) {
      s.setLong(1, photo.getLong("id"));
      ResultSet rs = s.executeQuery();
      assertThat(rs.next()).isTrue();
      String name = rs.getString(1);
      assertThat(name).matches("[0-9a-f]{32}");
      assertThat(rs.getString(2)).isEqualTo(UNIT);
      stored =
          platform
              .config
              .dataDir()
              .resolve("attachments")
              .resolve(name.substring(0, 2))
              .resolve(name);
    }
    assertThat(Files.readAllBytes(stored)).isEqualTo(png);

    // The list, the order's own summary and its history know it.
    ApiClient.Response list = handler.get("/api/tickets/" + order.getLong("id") + "/attachments");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.array()).hasSize(2);
    JsonObject fresh = handler.get("/api/tickets/" + order.getLong("id")).json();
    assertThat(fresh.getJsonArray("attachments")).hasSize(2);
    assertThat(fresh.getInteger("version")).isEqualTo(order.getInteger("version"));
    JsonArray events = handler.get("/api/tickets/" + order.getLong("id") + "/events").array();
    assertThat(events.getJsonObject(events.size() - 1).getString("action")).isEqualTo("attach");

    HttpResponse<byte[]> d = handler.download(photo.getString("url"));
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(d.body()).isEqualTo(png);
    assertThat(d.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(d.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(d.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;")
        .contains("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png");
    // Centre staff read it too, and that view of a citizen's file is logged (the unit's is not).
    String purpose = "attachment:" + photo.getLong("id");
    assertThat(views(purpose)).isZero();
    assertThat(dispatcher.download(photo.getString("url")).statusCode()).isEqualTo(200);
    assertThat(views(purpose)).isEqualTo(1);
  }

  private static int views(String purpose) throws Exception {
    try (java.sql.Connection c = platform.jdbc();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM personal_data_access WHERE purpose = ?"
                    + " AND username = 'dispatcher1'")) {
      ps.setString(1, purpose);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedNamingTheField() {
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(TestFiles.png(), 0, big, 0, 8);
    ApiClient.Response r = uploadOne(handler, order, "big.png", big);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getString("field")).isEqualTo("file");
    assertThat(r.json().getString("message")).contains("10 MB");
    assertThat(handler.get("/api/tickets/" + order.getLong("id") + "/attachments").array())
        .isEmpty();
  }

  @Test
  void contentThatIsNotWhatItsNameSaysIsRefused() {
    for (String[] bad :
        new String[][] {
          {"photo.jpg", "html"}, {"page.html", "html"}, {"logo.svg", "svg"}, {"setup.exe", "exe"}
        }) {
      byte[] content =
          switch (bad[1]) {
            case "svg" ->
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                    .getBytes(StandardCharsets.UTF_8);
            case "exe" -> new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
            default -> TestFiles.html();
          };
      ApiClient.Response r = uploadOne(handler, order, bad[0], content);
      assertThat(r.status()).as(bad[0] + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().getString("field")).isEqualTo("file");
    }
    // One bad file among good ones: nothing is kept.
    ApiClient.Response mixed =
        upload(
            handler,
            order,
            new Multipart()
                .file("file", "ok.png", "image/png", TestFiles.png())
                .file("file", "fake.pdf", "application/pdf", TestFiles.html()));
    assertThat(mixed.status()).isEqualTo(400);
    assertThat(handler.get("/api/tickets/" + order.getLong("id") + "/attachments").array())
        .isEmpty();
  }

  @Test
  void otherUnitsFindNothingAndOnlyTheHoldingUnitAdds() {
    JsonObject added =
        uploadOne(handler, order, "photo.png", TestFiles.png()).array().getJsonObject(0);
    long id = order.getLong("id");
    // Another district's unit: the order and its files do not exist for it.
    assertThat(uploadOne(otherUnit, order, "x.png", TestFiles.png()).status()).isEqualTo(404);
    assertThat(otherUnit.get("/api/tickets/" + id + "/attachments").status()).isEqualTo(404);
    assertThat(otherUnit.download(added.getString("url")).statusCode()).isEqualTo(404);
    assertThat(otherUnit.get("/api/tickets/" + id).status()).isEqualTo(404);
    // The district above sees them but does not handle the order.
    assertThat(parentUnit.get("/api/tickets/" + id + "/attachments").array()).hasSize(1);
    assertThat(parentUnit.download(added.getString("url")).statusCode()).isEqualTo(200);
    assertThat(uploadOne(parentUnit, order, "x.png", TestFiles.png()).status()).isEqualTo(403);
    // Nobody logged in.
    assertThat(uploadOne(platform.client(), order, "x.png", TestFiles.png()).status())
        .isEqualTo(401);
    assertThat(platform.client().download(added.getString("url")).statusCode()).isEqualTo(401);
  }

  @Test
  void aMultipartPostFromABrowserWithoutTheTokenIsRefused() {
    Multipart body = new Multipart().file("file", "photo.png", "image/png", TestFiles.png());
    String path = "/api/tickets/" + order.getLong("id") + "/attachments";
    ApiClient.Response sameSite =
        handler.post(path, body.body(), body.contentType(), "Origin", platform.baseUrl);
    assertThat(sameSite.status()).as(sameSite.body()).isEqualTo(403);
    assertThat(sameSite.json().getString("error")).isEqualTo("csrf");
    ApiClient.Response foreign =
        handler.post(path, body.body(), body.contentType(), "Origin", "https://evil.example");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(handler.get(path).array()).isEmpty();
    // Without Origin the caller is not a browser (curl -F, an integration): no browser sends a
    // cross-site POST without Origin, and the cookie is SameSite=Strict. The upload goes through.
    assertThat(handler.post(path, body.body(), body.contentType()).status()).isEqualTo(201);
    assertThat(handler.get(path).array()).hasSize(1);
    // JSON is not an upload.
    ApiClient.Response json = handler.post(path, "{}");
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.json().getString("field")).isEqualTo("Content-Type");
  }

  @Test
  void aReplyCitesTheOrdersOwnAttachmentsOnly() {
    long mine =
        uploadOne(handler, order, "回复函.pdf", TestFiles.pdf())
            .array()
            .getJsonObject(0)
            .getLong("id");
    JsonObject other = act(handler, dispatchedTo(UNIT), "sign", new JsonObject());
    long foreign =
        uploadOne(handler, other, "x.png", TestFiles.png()).array().getJsonObject(0).getLong("id");

    ApiClient.Response wrong =
        handler.post(
            "/api/tickets/" + order.getLong("id") + "/reply",
            new JsonObject()
                .put("version", order.getInteger("version"))
                .put("text", "已修复")
                .put("attachments", new JsonArray().add(foreign)));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().getString("field")).isEqualTo("attachments");

    JsonObject replied =
        act(
            handler,
            order,
            "reply",
            new JsonObject().put("text", "路灯已修复").put("attachments", new JsonArray().add(mine)));
    assertThat(replied.getString("state")).isEqualTo("REPLIED");
    JsonArray events = handler.get("/api/tickets/" + order.getLong("id") + "/events").array();
    JsonObject reply = events.getJsonObject(events.size() - 1);
    assertThat(reply.getString("action")).isEqualTo("reply");
    assertThat(
            reply
                .getJsonObject("payload")
                .getJsonArray("attachments")
                .getJsonObject(0)
                .getLong("id"))
        .isEqualTo(mine);
    // A replied order is no longer the unit's to add to.
    assertThat(uploadOne(handler, replied, "late.png", TestFiles.png()).status()).isEqualTo(409);
  }
}
