package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.ticketing.admin.AuditTrail;
import org.hotline.ticketing.auth.PasswordHasher;
import org.hotline.ticketing.calendar.WorkingHours;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * Administration of the reference data that deadlines and routing depend on: calendar days and
 * years, working hours, deadline rules, routing rules. Every change is audited (who, when, before →
 * after) and reloaded into memory at once.
 */
public final class AdminHandlers {

  private final Pool pool;
  private final Supplier<Future<Void>> reload;

  /** The other sections of the administration, each audited through the same trail. */
  public final UnitAdminHandlers units;

  public final UserAdminHandlers users;
  public final CategoryAdminHandlers categories;
  public final BlockedNumberHandlers blocked;
  public final AuditHandlers audit;

  public AdminHandlers(
      Vertx vertx, Pool pool, PasswordHasher hasher, Supplier<Future<Void>> reload) {
    this.pool = pool;
    this.reload = reload;
    AuditTrail trail = new AuditTrail(pool, reload);
    this.units = new UnitAdminHandlers(trail);
    this.users = new UserAdminHandlers(vertx, trail, hasher);
    this.categories = new CategoryAdminHandlers(trail);
    this.blocked = new BlockedNumberHandlers(trail);
    this.audit = new AuditHandlers(pool);
  }

  /** GET /api/admin/settings: the editable settings (working_hours, deadlines) as stored. */
  public void settings(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    pool.query("SELECT key, value FROM setting WHERE key IN ('working_hours', 'deadlines')")
        .execute()
        .onSuccess(
            rows -> {
              JsonObject out = new JsonObject();
              rows.forEach(r -> out.put(r.getString("key"), r.getValue("value")));
              Json.ok(ctx, out);
            })
        .onFailure(ctx::fail);
  }

  public void calendar(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    int year = Inputs.intParam(ctx, "year", LocalDate.now().getYear(), 2000, 2100);
    Future<JsonArray> days =
        pool.preparedQuery(
                "SELECT day, kind, name FROM calendar_day WHERE extract(year FROM day) = $1 ORDER BY day")
            .execute(Tuple.of(year))
            .map(
                rows -> {
                  JsonArray a = new JsonArray();
                  rows.forEach(
                      r ->
                          a.add(
                              new JsonObject()
                                  .put("day", r.getLocalDate("day").toString())
                                  .put("kind", r.getString("kind"))
                                  .put("name", r.getString("name"))));
                  return a;
                });
    Future<JsonObject> meta =
        pool.preparedQuery("SELECT official, source FROM calendar_year WHERE year = $1")
            .execute(Tuple.of(year))
            .map(
                rows ->
                    rows.size() == 0
                        ? new JsonObject().put("official", false).put("source", null)
                        : new JsonObject()
                            .put("official", rows.iterator().next().getBoolean("official"))
                            .put("source", rows.iterator().next().getString("source")));
    Future.all(days, meta)
        .onSuccess(
            v -> {
              JsonObject out = meta.result().put("year", year).put("days", days.result());
              if (!meta.result().getBoolean("official")) {
                out.put("warning", year + " 年的国务院放假调休安排尚未录入：期限只按周末和法定节日计算。");
              }
              Json.ok(ctx, out);
            })
        .onFailure(ctx::fail);
  }

  /** PUT /api/admin/calendar/days/{day} {kind: holiday|workday|normal, name}. */
  public void putDay(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    LocalDate day = date(ctx.pathParam("day"));
    JsonObject b = Inputs.body(ctx);
    String kind = Inputs.oneOf(b, "kind", List.of("holiday", "workday", "normal"), null);
    String name = kind.equals("normal") ? null : Inputs.reqString(b, "name", 50);
    change(
        actor,
        "calendar-day",
        tx ->
            kind.equals("normal")
                ? tx.preparedQuery("DELETE FROM calendar_day WHERE day = $1")
                    .execute(Tuple.of(day))
                    .mapEmpty()
                : tx.preparedQuery(
                        "INSERT INTO calendar_day (day, kind, name) VALUES ($1, $2, $3) ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name")
                    .execute(Tuple.of(day, kind, name))
                    .mapEmpty(),
        "SELECT kind, name FROM calendar_day WHERE day = $1",
        Tuple.of(day),
        new JsonObject().put("day", day.toString()).put("kind", kind).put("name", name),
        ctx);
  }

  /**
   * PUT /api/admin/calendar/years/{year} {official, source}: the State Council's notice entered.
   */
  public void putYear(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    int year;
    try {
      year = Integer.parseInt(ctx.pathParam("year"));
    } catch (NumberFormatException e) {
      throw WorkflowException.invalid("year", "year must be a number");
    }
    JsonObject b = Inputs.body(ctx);
    Boolean official = Inputs.optBool(b, "official");
    if (official == null) {
      throw WorkflowException.invalid("official", "official is required");
    }
    String source = Inputs.reqString(b, "source", 200);
    change(
        actor,
        "calendar-year",
        tx ->
            tx.preparedQuery(
                    "INSERT INTO calendar_year (year, official, source) VALUES ($1, $2, $3) ON CONFLICT (year) DO UPDATE SET official = EXCLUDED.official, source = EXCLUDED.source")
                .execute(Tuple.of(year, official, source))
                .mapEmpty(),
        "SELECT official, source FROM calendar_year WHERE year = $1",
        Tuple.of(year),
        new JsonObject().put("year", year).put("official", official).put("source", source),
        ctx);
  }

  /**
   * PUT /api/admin/settings/{key} {value}: working_hours ("09:00-12:00,13:30-17:30") or deadlines.
   */
  public void putSetting(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String key = ctx.pathParam("key");
    JsonObject b = Inputs.body(ctx);
    Object value = b.getValue("value");
    switch (key) {
      case "working_hours" -> {
        if (!(value instanceof String s)) {
          throw WorkflowException.invalid(
              "value", "working hours are a text like 09:00-12:00,13:30-17:30");
        }
        try {
          WorkingHours.parse(s);
        } catch (RuntimeException e) {
          throw WorkflowException.invalid("value", e.getMessage());
        }
      }
      case "deadlines" -> checkDeadlines(value);
      case "hot_issues", "evaluation_weights" -> checkReportSetting(key, value);
      case org.hotline.ticketing.callback.CallbackSettings.SETTING_KEY -> {
        if (!(value instanceof JsonObject j)) {
          throw WorkflowException.invalid("value", "the callback settings are a JSON object");
        }
        try {
          org.hotline.ticketing.callback.CallbackSettings.fromJson(j);
        } catch (IllegalArgumentException e) {
          throw WorkflowException.invalid("value", e.getMessage());
        }
      }
      default -> throw WorkflowException.notFound("no editable setting " + key);
    }
    String update =
        value instanceof String
            ? "UPDATE setting SET value = to_jsonb($2::text), updated_at = now() WHERE key = $1"
            : "UPDATE setting SET value = $2, updated_at = now() WHERE key = $1";
    change(
        actor,
        "setting",
        tx -> tx.preparedQuery(update).execute(Tuple.of(key, value)).mapEmpty(),
        "SELECT value FROM setting WHERE key = $1",
        Tuple.of(key),
        new JsonObject().put("key", key).put("value", value),
        ctx);
  }

  /** The report settings (issue 7): parsed as the reports will read them. */
  private static void checkReportSetting(String key, Object value) {
    if (!(value instanceof JsonObject o)) {
      throw WorkflowException.invalid("value", key + " is a JSON object");
    }
    try {
      if (key.equals("hot_issues")) {
        org.hotline.ticketing.report.HotIssueSettings.from(o);
      } else {
        org.hotline.ticketing.report.EvaluationRanking.fromSetting(o);
      }
    } catch (IllegalArgumentException e) {
      throw WorkflowException.invalid("value", e.getMessage());
    }
  }

  public void routingRules(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    pool.query(
            "SELECT id, category_code, unit, scope, fallback, note, priority FROM routing_rule ORDER BY category_code, priority, id")
        .execute()
        .onSuccess(
            rows -> {
              JsonArray a = new JsonArray();
              rows.forEach(r -> a.add(rule(r)));
              Json.ok(ctx, a);
            })
        .onFailure(ctx::fail);
  }

  /** POST /api/admin/routing {categoryCode, unit, scope, fallback?, note?, priority?}. */
  public void addRoutingRule(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    JsonObject b = Inputs.body(ctx);
    String category = Inputs.reqString(b, "categoryCode", 6);
    String unit = Inputs.reqString(b, "unit", 64);
    String scope = Inputs.oneOf(b, "scope", List.of("owner", "area"), null);
    String fallback = Inputs.optString(b, "fallback", 64);
    String note = Inputs.optString(b, "note", 200);
    Object p = b.getValue("priority");
    int priority = p == null ? 1 : Inputs.reqInt(b, "priority");
    change(
        actor,
        "routing-rule",
        tx ->
            tx.preparedQuery(
                    "INSERT INTO routing_rule (category_code, unit, scope, fallback, note, priority) VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(category, unit, scope, fallback, note, priority))
                .mapEmpty(),
        "SELECT NULL WHERE FALSE",
        Tuple.tuple(),
        b,
        ctx);
  }

  public void deleteRoutingRule(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    long id = Inputs.pathId(ctx);
    change(
        actor,
        "routing-rule-delete",
        tx ->
            tx.preparedQuery("DELETE FROM routing_rule WHERE id = $1")
                .execute(Tuple.of(id))
                .compose(
                    r ->
                        r.rowCount() == 0
                            ? Future.failedFuture(
                                WorkflowException.notFound("no routing rule " + id))
                            : Future.succeededFuture()),
        "SELECT category_code, unit, scope, fallback, note, priority FROM routing_rule WHERE id = $1",
        Tuple.of(id),
        new JsonObject().put("deleted", id),
        ctx);
  }

  /** One audited change: reads the before image, applies, writes the audit row, reloads. */
  private void change(
      Actor actor,
      String what,
      java.util.function.Function<SqlConnection, Future<Void>> apply,
      String beforeSql,
      Tuple beforeArgs,
      JsonObject after,
      RoutingContext ctx) {
    pool.withTransaction(
            tx ->
                tx.preparedQuery(beforeSql)
                    .execute(beforeArgs)
                    .compose(
                        rows -> {
                          JsonObject before =
                              rows.size() == 0 ? null : rows.iterator().next().toJson();
                          return apply
                              .apply(tx)
                              .compose(
                                  v ->
                                      tx.preparedQuery(
                                              "INSERT INTO audit_log (username, action, detail) VALUES ($1, $2, $3)")
                                          .execute(
                                              Tuple.of(
                                                  actor.username(),
                                                  "admin:" + what,
                                                  new JsonObject()
                                                      .put("before", before)
                                                      .put("after", after))));
                        }))
        .compose(v -> reload.get())
        .onSuccess(v -> Json.ok(ctx, after))
        .onFailure(ctx::fail);
  }

  private static void checkDeadlines(Object value) {
    if (!(value instanceof JsonObject j)) {
      throw WorkflowException.invalid("value", "deadline rules are an object");
    }
    for (String k : List.of("signWorkingDays", "urgentSignMinutes", "urgentDueHours")) {
      Object v = j.getValue(k);
      if (!(v instanceof Integer i) || i <= 0) {
        throw WorkflowException.invalid("value." + k, k + " must be a positive integer");
      }
    }
    JsonObject due = j.getJsonObject("dueWorkingDays");
    for (String t : List.of("consult", "help", "complaint", "report", "suggestion", "praise")) {
      Object v = due == null ? null : due.getValue(t);
      if (!(v instanceof Integer i) || i <= 0) {
        throw WorkflowException.invalid(
            "value.dueWorkingDays." + t, "working days for " + t + " must be a positive integer");
      }
    }
  }

  private static JsonObject rule(Row r) {
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("categoryCode", r.getString("category_code"))
        .put("unit", r.getString("unit"))
        .put("scope", r.getString("scope"))
        .put("fallback", r.getString("fallback"))
        .put("note", r.getString("note"))
        .put("priority", r.getInteger("priority"));
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw WorkflowException.invalid("day", "day must be a date like 2027-02-05");
    }
  }
}
