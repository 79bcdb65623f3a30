package org.hotline.ticketing.kb;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.kb.Article;
import org.hotline.kb.ArticleStatus;

/** SQL for knowledge-base articles, their versions, and their outbox rows. */
public final class ArticleRepository {

  public static final String OUTBOX_TOPIC = "kb.article";

  private static final String COLUMNS =
      "code, title, body, category, keywords, unit_code, valid_from, valid_until, status, updated_at";

  /** Inserts or replaces an article, records the version and the outbox row, in the caller's tx. */
  public Future<Integer> upsert(SqlConnection tx, Article a, String by) {
    Tuple t =
        Tuple.tuple()
            .addString(a.code())
            .addString(a.title())
            .addString(a.body())
            .addString(a.category())
            .addArrayOfString(a.keywords().toArray(new String[0]))
            .addString(a.unit())
            .addLocalDate(a.validFrom())
            .addLocalDate(a.validUntil())
            .addString(a.status().name().toLowerCase(java.util.Locale.ROOT))
            .addString(by);
    return tx.preparedQuery(
            "INSERT INTO kb_article (code, title, body, category, keywords, unit_code, valid_from,"
                + " valid_until, status, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                + " ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body,"
                + " category = EXCLUDED.category, keywords = EXCLUDED.keywords,"
                + " unit_code = EXCLUDED.unit_code, valid_from = EXCLUDED.valid_from,"
                + " valid_until = EXCLUDED.valid_until, status = EXCLUDED.status,"
                + " updated_by = EXCLUDED.updated_by, updated_at = now(),"
                + " version = kb_article.version + 1 RETURNING version")
        .execute(t)
        .compose(
            rows -> {
              int version = rows.iterator().next().getInteger("version");
              return tx.preparedQuery(
                      "INSERT INTO kb_article_version (code, version, snapshot, saved_by) VALUES ($1, $2, $3, $4)")
                  .execute(Tuple.of(a.code(), version, toJson(a), by))
                  .compose(v -> outbox(tx, a.code()))
                  .map(version);
            });
  }

  public Future<Void> outbox(SqlConnection tx, String code) {
    return tx.preparedQuery("INSERT INTO outbox (topic, payload) VALUES ($1, $2)")
        .execute(Tuple.of(OUTBOX_TOPIC, new JsonObject().put("code", code)))
        .mapEmpty();
  }

  public Future<List<Article>> all(SqlClient client) {
    return client
        .query("SELECT " + COLUMNS + " FROM kb_article ORDER BY code")
        .execute()
        .map(ArticleRepository::map);
  }

  public Future<List<Article>> byCodes(SqlClient client, List<String> codes) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM kb_article WHERE code = ANY($1)")
        .execute(Tuple.tuple().addArrayOfString(codes.toArray(new String[0])))
        .map(ArticleRepository::map);
  }

  /** Editors' list: every status, optionally one; q matches code or title (case-insensitive). */
  public Future<JsonArray> list(SqlClient client, String q, String status, int limit) {
    String like =
        q == null
            ? null
            : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return client
        .preparedQuery(
            "SELECT code, title, category, status, version, updated_by, updated_at FROM kb_article"
                + " WHERE ($1::text IS NULL OR code ILIKE $1 OR title ILIKE $1)"
                + " AND ($2::text IS NULL OR status = $2)"
                + " ORDER BY updated_at DESC, code LIMIT $3")
        .execute(Tuple.of(like, status, limit))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              for (Row r : rows) {
                out.add(
                    new JsonObject()
                        .put("code", r.getString("code"))
                        .put("title", r.getString("title"))
                        .put("category", r.getString("category"))
                        .put("status", r.getString("status"))
                        .put("version", r.getInteger("version"))
                        .put("updatedBy", r.getString("updated_by"))
                        .put("updatedAt", r.getOffsetDateTime("updated_at").toString()));
              }
              return out;
            });
  }

  /** The newest outbox id: a rebuilt index has seen every change up to it. */
  public Future<Long> lastOutboxId(SqlClient client) {
    return client
        .query("SELECT coalesce(max(id), 0) AS id FROM outbox")
        .execute()
        .map(r -> r.iterator().next().getLong("id"));
  }

  /** Article codes changed after the given outbox id, and the newest id seen. */
  public Future<Changes> changesAfter(SqlClient client, long afterId, int limit) {
    return client
        .preparedQuery(
            "SELECT id, payload FROM outbox WHERE topic = $1 AND id > $2 ORDER BY id LIMIT $3")
        .execute(Tuple.of(OUTBOX_TOPIC, afterId, limit))
        .map(
            rows -> {
              List<String> codes = new ArrayList<>();
              long last = afterId;
              for (Row r : rows) {
                codes.add(((JsonObject) r.getValue("payload")).getString("code"));
                last = Math.max(last, r.getLong("id"));
              }
              return new Changes(codes, last, rows.size() == limit);
            });
  }

  /** Codes changed in an outbox range, the range end, and whether more may follow. */
  public record Changes(List<String> codes, long lastId, boolean more) {}

  public static JsonObject toJson(Article a) {
    return new JsonObject()
        .put("code", a.code())
        .put("title", a.title())
        .put("body", a.body())
        .put("category", a.category())
        .put("keywords", new JsonArray(a.keywords()))
        .put("unit", a.unit())
        .put("validFrom", a.validFrom() == null ? null : a.validFrom().toString())
        .put("validUntil", a.validUntil() == null ? null : a.validUntil().toString())
        .put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static List<Article> map(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Article> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new Article(
              r.getString("code"),
              r.getString("title"),
              r.getString("body"),
              r.getString("category"),
              Arrays.asList(r.getArrayOfStrings("keywords")),
              r.getLocalDate("valid_from"),
              r.getLocalDate("valid_until"),
              ArticleStatus.valueOf(r.getString("status").toUpperCase(java.util.Locale.ROOT)),
              r.getString("unit_code"),
              r.getOffsetDateTime("updated_at").toInstant()));
    }
    return out;
  }
}
