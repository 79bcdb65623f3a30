package org.hotline.ticketing.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.hotline.kb.Article;
import org.hotline.kb.ArticleStatus;
import org.hotline.ticketing.kb.ArticleLines;
import org.hotline.ticketing.kb.ArticleRepository;
import org.hotline.ticketing.kb.KnowledgeService;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.hotline.ticketing.workflow.WorkflowException;

/** /api/kb: search, suggest, import, export, articles and synonyms. */
public final class KbHandlers {

  public static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

  private final KnowledgeService kb;

  public KbHandlers(KnowledgeService kb) {
    this.kb = kb;
  }

  public void search(RoutingContext ctx) {
    String q = ctx.request().getParam("q");
    if (q == null || q.isBlank()) {
      throw WorkflowException.invalid("q", "q is required");
    }
    if (q.length() > 500) {
      throw WorkflowException.invalid("q", "q is longer than 500 characters");
    }
    int limit = Inputs.intParam(ctx, "limit", 10, 1, 100);
    kb.search(q, limit, ctx.request().getParam("category"))
        .onSuccess(r -> Json.ok(ctx, KnowledgeService.toJson(r)))
        .onFailure(ctx::fail);
  }

  public void suggest(RoutingContext ctx) {
    String q = ctx.request().getParam("q");
    if (q == null || q.isBlank()) {
      Json.ok(ctx, new JsonArray());
      return;
    }
    if (q.length() > 100) {
      throw WorkflowException.invalid("q", "q is longer than 100 characters");
    }
    kb.suggest(q.strip(), Inputs.intParam(ctx, "limit", 10, 1, 50))
        .onSuccess(list -> Json.ok(ctx, new JsonArray(list)))
        .onFailure(ctx::fail);
  }

  public void importLines(RoutingContext ctx) {
    Actor actor = editor(ctx);
    String type = ctx.request().getHeader("Content-Type");
    if (type == null
        || !(type.toLowerCase(Locale.ROOT).startsWith("application/x-ndjson")
            || type.toLowerCase(Locale.ROOT).startsWith("application/jsonl"))) {
      throw WorkflowException.invalid(
          "Content-Type", "the body must be application/x-ndjson (one article per line)");
    }
    String text = ctx.body() == null ? "" : ctx.body().asString();
    kb.importLines(text, actor.username())
        .onSuccess(
            r -> {
              JsonArray errors = new JsonArray();
              r.errors().forEach(e -> errors.add(e.toJson()));
              Json.ok(
                  ctx,
                  new JsonObject()
                      .put("lines", r.lines())
                      .put("imported", r.imported())
                      .put("failed", r.errors().size())
                      .put("errors", errors));
            })
        .onFailure(ctx::fail);
  }

  public void export(RoutingContext ctx) {
    kb.export()
        .onSuccess(
            text ->
                ctx.response()
                    .putHeader("Content-Type", "application/x-ndjson; charset=utf-8")
                    .putHeader(
                        "Content-Disposition", "attachment; filename=\"knowledge-base.jsonl\"")
                    .end(text))
        .onFailure(ctx::fail);
  }

  /** GET /api/kb/articles?q=&status=&limit=: the editors' list, drafts and retired included. */
  public void list(RoutingContext ctx) {
    editor(ctx);
    String q = Inputs.param(ctx, "q");
    if (q != null && q.length() > 100) {
      throw WorkflowException.invalid("q", "q is longer than 100 characters");
    }
    String status = Inputs.param(ctx, "status");
    if (status != null && !java.util.List.of("draft", "published", "retired").contains(status)) {
      throw WorkflowException.invalid("status", "status is draft, published or retired");
    }
    kb.list(q, status, Inputs.intParam(ctx, "limit", 200, 1, 1000))
        .onSuccess(a -> Json.ok(ctx, a))
        .onFailure(ctx::fail);
  }

  public void get(RoutingContext ctx) {
    kb.get(ctx.pathParam("code"))
        .onSuccess(
            a -> {
              if (a == null) {
                ctx.fail(WorkflowException.notFound("no article " + ctx.pathParam("code")));
              } else {
                Json.ok(ctx, ArticleRepository.toJson(a));
              }
            })
        .onFailure(ctx::fail);
  }

  /** PUT /api/kb/articles/{code}: the body is an import line plus an optional status. */
  public void put(RoutingContext ctx) {
    Actor actor = editor(ctx);
    JsonObject body = Inputs.body(ctx).put("code", ctx.pathParam("code"));
    String status =
        Inputs.oneOf(
            body, "status", java.util.List.of("draft", "published", "retired"), "published");
    ArticleLines.Parsed parsed =
        ArticleLines.parse(body.copy().put("status", (String) null).encode());
    if (!parsed.errors().isEmpty()) {
      ArticleLines.LineError e = parsed.errors().get(0);
      throw WorkflowException.invalid(e.field() == null ? "body" : e.field(), e.message());
    }
    Article a = parsed.articles().get(0);
    Article saved =
        new Article(
            a.code(),
            a.title(),
            a.body(),
            a.category(),
            a.keywords(),
            a.validFrom(),
            a.validUntil(),
            ArticleStatus.valueOf(status.toUpperCase(Locale.ROOT)),
            a.unit(),
            null);
    kb.save(saved, actor.username())
        .onSuccess(v -> Json.ok(ctx, ArticleRepository.toJson(saved)))
        .onFailure(ctx::fail);
  }

  public void synonyms(RoutingContext ctx) {
    kb.synonyms()
        .onSuccess(
            t -> ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(t))
        .onFailure(ctx::fail);
  }

  /** PUT /api/kb/synonyms with {"text": "路灯,街灯\n..."}. */
  public void saveSynonyms(RoutingContext ctx) {
    Actor actor = editor(ctx);
    String text = Inputs.reqString(Inputs.body(ctx), "text", 1_000_000);
    kb.saveSynonyms(text, actor.username())
        .onSuccess(n -> Json.ok(ctx, new JsonObject().put("groups", n)))
        .onFailure(ctx::fail);
  }

  private static Actor editor(RoutingContext ctx) {
    Actor a = Sessions.actor(ctx);
    if (!a.isAdmin() && !a.has(Role.KB_EDITOR)) {
      throw WorkflowException.forbidden(
          "only knowledge-base editors and administrators change articles");
    }
    return a;
  }
}
