package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.reference.ReferenceData;
import org.hotline.ticketing.report.AgentStats;
import org.hotline.ticketing.report.AppealRepository;
import org.hotline.ticketing.report.BriefTemplates;
import org.hotline.ticketing.report.DailyBrief;
import org.hotline.ticketing.report.EvaluationQuery;
import org.hotline.ticketing.report.HotIssues;
import org.hotline.ticketing.report.HotlineStats;
import org.hotline.ticketing.report.ReportPeriod;
import org.hotline.ticketing.report.ReportSettings;
import org.hotline.ticketing.report.ReportTable;
import org.hotline.ticketing.report.TableExport;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * /api/reports/* and /api/appeals: evaluation (考核), hotline and agent figures, hot issues, the
 * daily brief, and appeals. Centre staff see everything; unit staff see their own unit's subtree in
 * the evaluation and in appeals, and nothing else. Tables answer {@code ?format=csv|xlsx} too.
 */
public final class ReportHandlers {

  private static final List<String> FORMATS = List.of("json", "csv", "xlsx");
  private static final List<String> APPEAL_STATES = List.of("pending", "approved", "rejected");

  private final Vertx vertx;
  private final ReferenceData reference;
  private final Clock clock;
  private final EvaluationQuery evaluation;
  private final HotlineStats hotline;
  private final AgentStats agents;
  private final HotIssues hotIssues;
  private final AppealRepository appeals;
  private final ReportSettings settings;
  private final DailyBrief brief;
  private BriefTemplates templates; // created on a worker thread at first use (class loading)

  public ReportHandlers(Vertx vertx, Pool pool, ReferenceData reference, Clock clock) {
    this.vertx = vertx;
    this.reference = reference;
    this.clock = clock;
    this.evaluation = new EvaluationQuery(pool);
    this.hotline = new HotlineStats(pool);
    this.agents = new AgentStats(pool);
    this.hotIssues = new HotIssues(pool);
    this.appeals = new AppealRepository(pool);
    this.settings = new ReportSettings(pool);
    this.brief = new DailyBrief(pool, settings);
  }

  /** GET /api/reports/units?period=&date=&from=&to=&unit=&format=: evaluation and ranking. */
  public void units(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    Set<String> visible = visibleUnits(actor);
    String unit = Inputs.param(ctx, "unit");
    if (unit != null && !reference.units().exists(unit)) {
      throw WorkflowException.invalid("unit", "no member unit with code " + unit);
    }
    if (unit != null && visible != null && !visible.contains(unit)) {
      throw WorkflowException.forbidden("unit staff see only their own unit's figures");
    }
    ReportPeriod period = period(ctx);
    String format = format(ctx);
    OffsetDateTime asOf = now();
    var figures = evaluation.evaluate(period.start(), period.end(), asOf);
    var ranking = settings.ranking();
    Future.all(figures, ranking)
        .map(
            all -> {
              // Ranked over all units, then narrowed: a unit sees its own place in the ranking.
              var ranked = ranking.result().rank(figures.result());
              ReportTable.Builder t = unitColumns();
              ranked.stream()
                  .filter(r -> visible == null || visible.contains((String) r.get("unit")))
                  .filter(r -> unit == null || unit.equals(r.get("unit")))
                  .forEach(t::row);
              return t.build();
            })
        .onSuccess(
            table ->
                respond(
                    ctx,
                    format,
                    table,
                    period,
                    () ->
                        new JsonObject()
                            .put("period", periodJson(period))
                            .put("asOf", asOf.toString())
                            .put("rankedUnits", table.rows().size())
                            .put("items", table.items())))
        .onFailure(ctx::fail);
  }

  /** GET /api/reports/hotline?period=...&table=days|channels&format=. */
  public void hotline(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    ReportPeriod period = period(ctx);
    String format = format(ctx);
    String which = Inputs.param(ctx, "table");
    if (which != null && !List.of("days", "channels").contains(which)) {
      throw WorkflowException.invalid("table", "table must be days or channels");
    }
    hotline
        .compute(period)
        .onSuccess(
            r ->
                respond(
                    ctx,
                    format,
                    "channels".equals(which) ? r.channels() : r.days(),
                    period,
                    () ->
                        new JsonObject()
                            .put("period", periodJson(period))
                            .put("summary", r.summary())
                            .put("days", r.days().items())
                            .put("channels", r.channels().items())))
        .onFailure(ctx::fail);
  }

  /** GET /api/reports/agents?period=...&format=. */
  public void agents(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    ReportPeriod period = period(ctx);
    String format = format(ctx);
    agents
        .compute(period)
        .onSuccess(
            t ->
                respond(
                    ctx,
                    format,
                    t,
                    period,
                    () ->
                        new JsonObject()
                            .put("period", periodJson(period))
                            .put("pausesNote", AgentStats.PAUSES_NOTE)
                            .put("items", t.items())))
        .onFailure(ctx::fail);
  }

  /** GET /api/reports/hot-issues?format=: hot categories and areas now, with their orders. */
  public void hotIssues(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    String format = format(ctx);
    OffsetDateTime asOf = now();
    settings
        .hotIssues()
        .compose(s -> hotIssues.find(asOf, s))
        .onSuccess(
            r ->
                respond(
                    ctx,
                    format,
                    r.table(),
                    null,
                    () ->
                        new JsonObject()
                            .put("asOf", asOf.toString())
                            .put("settings", r.settings().toJson())
                            .put("items", r.items())))
        .onFailure(ctx::fail);
  }

  /** GET /api/reports/daily-brief?date=YYYY-MM-DD: the printable HTML document of that day. */
  public void dailyBrief(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.SHANGHAI));
    LocalDate date = ReportPeriod.date("date", Inputs.param(ctx, "date"), today);
    if (date.isAfter(today)) {
      throw WorkflowException.invalid("date", "date lies in the future");
    }
    ReportPeriod day = new ReportPeriod("day", date, date, WorkingCalendar.SHANGHAI);
    brief
        .model(day, now())
        .compose(
            model -> vertx.executeBlocking(() -> templates().render("daily-brief.ftlh", model)))
        .onSuccess(
            html ->
                ctx.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader(
                        "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .end(html))
        .onFailure(ctx::fail);
  }

  /** POST /api/appeals {orderId, reason, unit?}: a unit appeals one of its orders. */
  public void fileAppeal(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    JsonObject b = Inputs.body(ctx);
    Object rawId = b.getValue("orderId");
    if (!(rawId instanceof Integer || rawId instanceof Long) || ((Number) rawId).longValue() <= 0) {
      throw WorkflowException.invalid("orderId", "orderId must be a positive integer");
    }
    String reason = Inputs.reqString(b, "reason", 2000);
    String unit;
    if (actor.isUnitStaff()) {
      unit = actor.unit();
      String asked = Inputs.optString(b, "unit", 64);
      if (asked != null && !asked.equals(unit)) {
        throw WorkflowException.forbidden("a unit appeals only for itself");
      }
    } else if (actor.isAdmin()) {
      unit = Inputs.reqString(b, "unit", 64);
      if (!reference.units().exists(unit)) {
        throw WorkflowException.invalid("unit", "no member unit with code " + unit);
      }
    } else {
      throw WorkflowException.forbidden("appeals are filed by the unit that handled the order");
    }
    appeals
        .file(actor.username(), ((Number) rawId).longValue(), unit, reason)
        .onSuccess(a -> Json.created(ctx, a))
        .onFailure(ctx::fail);
  }

  /** POST /api/appeals/{id}/approve|reject {note}: the centre decides (supervisors). */
  public void decideAppeal(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    if (!actor.isAdmin() && !actor.has(Role.SUPERVISOR)) {
      throw WorkflowException.forbidden("appeals are decided by supervisors");
    }
    long id = appealId(ctx);
    String op = ctx.pathParam("op");
    if (!List.of("approve", "reject").contains(op)) {
      throw WorkflowException.notFound("no appeal action " + op);
    }
    JsonObject b =
        ctx.body() != null && ctx.body().length() > 0 ? Inputs.body(ctx) : new JsonObject();
    String note =
        op.equals("reject") ? Inputs.reqString(b, "note", 2000) : Inputs.optString(b, "note", 2000);
    appeals
        .decide(actor.username(), id, op.equals("approve"), note)
        .onSuccess(a -> Json.ok(ctx, a))
        .onFailure(ctx::fail);
  }

  /** GET /api/appeals?state=&format=: centre staff all, unit staff their subtree's. */
  public void listAppeals(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    Set<String> visible = visibleUnits(actor);
    String state = Inputs.param(ctx, "state");
    if (state != null && !APPEAL_STATES.contains(state)) {
      throw WorkflowException.invalid("state", "state must be one of " + APPEAL_STATES);
    }
    String format = format(ctx);
    int size = Inputs.intParam(ctx, "size", 200, 1, 10_000);
    appeals
        .list(state, visible, size)
        .onSuccess(
            t ->
                respond(
                    ctx,
                    format,
                    t,
                    null,
                    () -> new JsonObject().put("items", t.items()).put("total", t.rows().size())))
        .onFailure(ctx::fail);
  }

  /** GET /api/appeals/{id}: one appeal with its audit trail. */
  public void getAppeal(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    Set<String> visible = visibleUnits(actor);
    long id = appealId(ctx);
    appeals
        .get(id)
        .onSuccess(
            a -> {
              if (a == null || (visible != null && !visible.contains(a.getString("unit")))) {
                ctx.fail(WorkflowException.notFound("no appeal " + id));
              } else {
                Json.ok(ctx, a);
              }
            })
        .onFailure(ctx::fail);
  }

  private synchronized BriefTemplates templates() {
    if (templates == null) {
      templates = new BriefTemplates();
    }
    return templates;
  }

  /** Null for centre staff (everything); a unit's subtree for unit staff; 403 for anyone else. */
  private Set<String> visibleUnits(Actor actor) {
    if (actor.isCentreStaff()) {
      return null;
    }
    if (actor.isUnitStaff()) {
      return reference.units().subtree(actor.unit());
    }
    throw WorkflowException.forbidden("reports are for centre and unit staff");
  }

  private ReportPeriod period(RoutingContext ctx) {
    return ReportPeriod.parse(
        Inputs.param(ctx, "period"),
        Inputs.param(ctx, "date"),
        Inputs.param(ctx, "from"),
        Inputs.param(ctx, "to"),
        LocalDate.now(clock.withZone(WorkingCalendar.SHANGHAI)),
        WorkingCalendar.SHANGHAI);
  }

  private static String format(RoutingContext ctx) {
    String f = Inputs.param(ctx, "format");
    if (f != null && !FORMATS.contains(f)) {
      throw WorkflowException.invalid("format", "format must be one of " + FORMATS);
    }
    return f == null ? "json" : f;
  }

  private static long appealId(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw WorkflowException.notFound("no appeal " + raw);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock.withZone(WorkingCalendar.SHANGHAI));
  }

  private static JsonObject periodJson(ReportPeriod p) {
    return new JsonObject()
        .put("kind", p.kind())
        .put("from", p.first().toString())
        .put("to", p.last().toString());
  }

  /** JSON, or the table as a CSV / XLSX attachment written on a worker thread. */
  private void respond(
      RoutingContext ctx,
      String format,
      ReportTable table,
      ReportPeriod period,
      java.util.function.Supplier<JsonObject> json) {
    if (format.equals("json")) {
      Json.ok(ctx, json.get());
      return;
    }
    boolean csv = format.equals("csv");
    String file =
        table.name()
            + "-"
            + (period == null
                ? LocalDate.now(clock.withZone(WorkingCalendar.SHANGHAI))
                : period.label())
            + (csv ? ".csv" : ".xlsx");
    vertx
        .executeBlocking(() -> csv ? TableExport.csv(table) : TableExport.xlsx(table))
        .onSuccess(
            bytes ->
                ctx.response()
                    .putHeader(
                        "Content-Type",
                        csv
                            ? "text/csv; charset=utf-8"
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .end(Buffer.buffer(bytes)))
        .onFailure(ctx::fail);
  }

  private static ReportTable.Builder unitColumns() {
    return ReportTable.builder("units", "单位考核 Unit evaluation")
        .col("rank", "排名 Rank")
        .col("score", "综合得分 Score")
        .col("unit", "单位编码 Unit")
        .col("unitName", "单位名称 Unit name")
        .col("received", "派件量 Received")
        .col("excluded", "申诉核减 Excluded by appeal")
        .col("scored", "考核件数 Scored")
        .col("signDue", "应签收 Sign due")
        .col("signedOnTime", "按时签收 Signed on time")
        .col("signedOnTimePct", "签收及时率% Signed on time")
        .col("completionDue", "应办结 Completion due")
        .col("completedOnTime", "按时办结 Completed on time")
        .col("completedOnTimePct", "按时办结率% Completed on time")
        .col("returned", "退单 Returned")
        .col("returnPct", "退单率% Return rate")
        .col("rehandled", "重办 Re-handled")
        .col("rehandlePct", "重办率% Re-handling rate")
        .col("rated", "已评价 Rated")
        .col("satisfied", "满意+基本满意 Satisfied")
        .col("satisfactionPct", "满意率% Satisfaction")
        .col("callbackDue", "应回访 Callback due")
        .col("calledBack", "已回访 Called back")
        .col("callbackPct", "回访率% Callback rate");
  }
}
