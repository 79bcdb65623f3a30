package org.hotline.ticketing.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.SmsMessageQuery;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/** GET /api/sms (the message log) and POST /api/sms (a manual message), for centre staff. */
public final class SmsHandlers {

  private static final String TEMPLATE_SETTING = "sms_template:";

  /** The shipped template sources, read once (not on the event loop at request time). */
  private static final java.util.Map<String, String> SHIPPED =
      org.hotline.sms.templates.SmsTemplates.NAMES.stream()
          .collect(java.util.stream.Collectors.toMap(n -> n, SmsHandlers::readShipped));

  private final io.vertx.core.Vertx vertx;
  private final Pool pool;
  private final SmsMessageQuery query;
  private final SmsOutbox outbox = new SmsOutbox();
  private final org.hotline.sms.templates.SmsTemplates templates;

  public SmsHandlers(
      io.vertx.core.Vertx vertx, Pool pool, org.hotline.sms.templates.SmsTemplates templates) {
    this.vertx = vertx;
    this.pool = pool;
    this.query = new SmsMessageQuery(pool);
    this.templates = templates;
  }

  /** Applies the administrators' stored template edits (at start). */
  public io.vertx.core.Future<Void> loadTemplateOverrides() {
    return pool.query(
            "SELECT key, value #>> '{}' AS source FROM setting WHERE key LIKE '"
                + TEMPLATE_SETTING
                + "%'")
        .execute()
        .map(
            rows -> {
              rows.forEach(
                  r ->
                      templates.override(
                          r.getString("key").substring(TEMPLATE_SETTING.length()),
                          r.getString("source")));
              return null;
            });
  }

  /**
   * GET /api/admin/sms-templates: every template with its source (the administrators' edit, else
   * the shipped text), its text for a sample order and its cost.
   */
  public void templates(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    storedSources(pool)
        .onSuccess(
            stored -> {
              io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
              for (String name : org.hotline.sms.templates.SmsTemplates.NAMES) {
                out.add(
                    preview(name, null)
                        .put("source", stored.getOrDefault(name, SHIPPED.get(name)))
                        .put("edited", stored.containsKey(name)));
              }
              Json.ok(ctx, out);
            })
        .onFailure(ctx::fail);
  }

  private static io.vertx.core.Future<java.util.Map<String, String>> storedSources(
      io.vertx.sqlclient.SqlClient client) {
    return client
        .query(
            "SELECT key, value #>> '{}' AS source FROM setting WHERE key LIKE '"
                + TEMPLATE_SETTING
                + "%'")
        .execute()
        .map(
            rows -> {
              java.util.Map<String, String> m = new java.util.HashMap<>();
              rows.forEach(
                  r ->
                      m.put(
                          r.getString("key").substring(TEMPLATE_SETTING.length()),
                          r.getString("source")));
              return m;
            });
  }

  private static String readShipped(String name) {
    try (java.io.InputStream in =
        org.hotline.sms.templates.SmsTemplates.class.getResourceAsStream(
            "/org/hotline/sms/templates/" + name + ".ftl")) {
      return in == null
          ? ""
          : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** PUT /api/admin/sms-templates/{name} {source}: checked by rendering a sample, then stored. */
  public void putTemplate(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String name = ctx.pathParam("name");
    if (!org.hotline.sms.templates.SmsTemplates.NAMES.contains(name)) {
      throw WorkflowException.notFound("no SMS template " + name);
    }
    String source = Inputs.reqString(Inputs.body(ctx), "source", 2000);
    JsonObject preview;
    try {
      preview = preview(name, source);
    } catch (RuntimeException e) {
      throw WorkflowException.invalid("source", "the template does not render: " + e.getMessage());
    }
    pool.withTransaction(
            tx ->
                storedSources(tx)
                    .compose(
                        stored ->
                            tx.preparedQuery(
                                    "INSERT INTO setting (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()")
                                .execute(
                                    io.vertx.sqlclient.Tuple.of(TEMPLATE_SETTING + name, source))
                                .compose(
                                    v ->
                                        tx.preparedQuery(
                                                "INSERT INTO audit_log (username, action, detail) VALUES ($1, 'admin:sms-template', $2)")
                                            .execute(
                                                io.vertx.sqlclient.Tuple.of(
                                                    actor.username(),
                                                    new JsonObject()
                                                        .put("name", name)
                                                        .put("target", name)
                                                        .put(
                                                            "before",
                                                            stored.getOrDefault(
                                                                name, SHIPPED.get(name)))
                                                        .put("after", source))))))
        .onSuccess(
            v -> {
              templates.override(name, source);
              Json.ok(ctx, preview);
            })
        .onFailure(ctx::fail);
  }

  private JsonObject preview(String name, String source) {
    java.util.Map<String, Object> sample =
        java.util.Map.of(
            "orderNumber",
            "20261128-000123",
            "category",
            "路灯",
            "signDeadline",
            "11月29日10:00",
            "deadline",
            "12月12日17:30",
            "result",
            "经现场核查，已安排人员更换灯泡。",
            "state",
            "办理中");
    var p =
        source == null ? templates.preview(name, sample) : templates.previewSource(source, sample);
    return new JsonObject()
        .put("name", name)
        .put("text", p.text())
        .put("segments", p.cost().segments())
        .put("encoding", String.valueOf(p.cost().encoding()));
  }

  /**
   * POST /api/tickets/{id}/sms-survey: sends the 满意度回访 SMS for an order awaiting its callback; the
   * citizen's reply (1/2/3) rates and closes it. Sent once per order version.
   */
  public void survey(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    long id = Inputs.pathId(ctx);
    pool.withTransaction(
            tx ->
                tx.preparedQuery(
                        "SELECT number, state, version, citizen_phone FROM work_order WHERE id = $1 FOR UPDATE")
                    .execute(io.vertx.sqlclient.Tuple.of(id))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) {
                            return io.vertx.core.Future.<JsonObject>failedFuture(
                                WorkflowException.notFound("no such order"));
                          }
                          var r = rows.iterator().next();
                          if (!"CALLBACK".equals(r.getString("state"))) {
                            return io.vertx.core.Future.<JsonObject>failedFuture(
                                WorkflowException.illegal(
                                    "order "
                                        + r.getString("number")
                                        + " does not await a callback"));
                          }
                          String phone = r.getString("citizen_phone");
                          if (!org.hotline.ticketing.sms.OrderNotices.mobile(phone)) {
                            return io.vertx.core.Future.<JsonObject>failedFuture(
                                WorkflowException.invalid(
                                    "citizenPhone", "the citizen has no mobile number"));
                          }
                          String text =
                              templates.render(
                                  "survey", java.util.Map.of("orderNumber", r.getString("number")));
                          return outbox
                              .enqueue(
                                  tx,
                                  new OutboundSms(
                                      phone,
                                      text,
                                      SmsKind.SURVEY,
                                      false,
                                      id,
                                      "survey:" + id + ":" + r.getInteger("version")))
                              .map(
                                  smsId ->
                                      new JsonObject()
                                          .put("id", smsId)
                                          .put("number", phone)
                                          .put("text", text));
                        }))
        .onSuccess(j -> Json.ok(ctx, j))
        .onFailure(ctx::fail);
  }

  /**
   * POST /api/sms/simulate {from, text}: a citizen's message into the SMSC simulator (for trying).
   */
  public void simulate(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    JsonObject b = Inputs.body(ctx);
    String from = Inputs.reqString(b, "from", 20);
    if (!from.matches("\\+?[0-9]{3,20}")) {
      throw WorkflowException.invalid("from", "from must be digits");
    }
    String text = Inputs.reqString(b, "text", 1000);
    vertx
        .eventBus()
        .<JsonObject>request(
            org.hotline.sms.SmsAddresses.SIM_INJECT_MO,
            new JsonObject().put("from", from).put("text", text))
        .onSuccess(r -> Json.ok(ctx, r.body()))
        .onFailure(
            e ->
                ApiErrors.send(
                    ctx,
                    409,
                    "not_simulated",
                    "the SMSC is not simulated here: " + e.getMessage(),
                    null));
  }

  public void list(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    String direction = Inputs.param(ctx, "direction");
    if (direction != null && !List.of("mo", "mt").contains(direction)) {
      throw WorkflowException.invalid("direction", "direction must be mo or mt");
    }
    query
        .list(
            Inputs.param(ctx, "number"),
            direction,
            Inputs.param(ctx, "state"),
            Inputs.intParam(ctx, "size", 100, 1, 500))
        .onSuccess(
            items -> Json.ok(ctx, new JsonObject().put("items", items).put("total", items.size())))
        .onFailure(ctx::fail);
  }

  public void send(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    JsonObject b = Inputs.body(ctx);
    String number = Inputs.reqString(b, "number", 20);
    if (!number.matches("\\+?[0-9]{3,20}")) {
      throw WorkflowException.invalid("number", "number must be digits");
    }
    String text = Inputs.reqString(b, "text", 670);
    String key = "manual:" + actor.username() + ":" + java.util.UUID.randomUUID();
    pool.withTransaction(
            tx ->
                outbox.enqueue(tx, new OutboundSms(number, text, SmsKind.MANUAL, true, null, key)))
        .onSuccess(
            id ->
                Json.created(
                    ctx,
                    new JsonObject().put("id", id).put("number", number).put("state", "queued")))
        .onFailure(ctx::fail);
  }
}
