package org.hotline.ticketing.kb;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.kb.Article;
import org.hotline.kb.KnowledgeIndex;
import org.hotline.kb.SearchQuery;
import org.hotline.kb.SearchResult;
import org.hotline.kb.SynonymTable;
import org.hotline.ticketing.admin.AuditTrail;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.reference.ReferenceSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base as the core sees it: articles stored in PostgreSQL, and this node's Lucene
 * index that follows them. Every change writes an outbox row in its transaction; {@link #catchUp}
 * applies the rows after the index's marker (the last outbox id it has seen), so a crash between
 * commit and indexing is repaired at the next catch-up. All Lucene work runs on worker threads.
 */
public final class KnowledgeService {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeService.class);
  private static final String SYNONYMS_SETTING = "kb_synonyms";
  private static final long CATCH_UP_MILLIS = 2000;

  /** What an import did. */
  public record ImportResult(int lines, int imported, List<ArticleLines.LineError> errors) {}

  private final Vertx vertx;
  private final Pool pool;
  private final ArticleRepository articles;
  private final KnowledgeIndex index;
  private final Object chainLock = new Object();
  private volatile String installation = "";
  private Future<Void> tail = Future.succeededFuture();

  private final Clock clock;

  private KnowledgeService(
      Vertx vertx, Pool pool, ArticleRepository articles, KnowledgeIndex index, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.articles = articles;
    this.index = index;
    this.clock = clock;
  }

  /** {@link #start(Vertx, Pool, Path, Clock)} on the system clock. */
  public static Future<KnowledgeService> start(Vertx vertx, Pool pool, Path dir) {
    return start(vertx, pool, dir, Clock.systemUTC());
  }

  /**
   * Opens (or creates) the index in {@code dir}, rebuilding it when missing, and keeps it current.
   * Validity of articles (search and suggest) is judged on {@code clock}'s day in the hotline's
   * zone.
   */
  public static Future<KnowledgeService> start(Vertx vertx, Pool pool, Path dir, Clock clock) {
    ArticleRepository repo = new ArticleRepository();
    return synonymsText(pool)
        .compose(
            text ->
                vertx.executeBlocking(
                    () -> {
                      Files.createDirectories(dir);
                      return KnowledgeIndex.open(dir, SynonymTable.parse(text));
                    }))
        .compose(
            index -> {
              KnowledgeService s = new KnowledgeService(vertx, pool, repo, index, clock);
              return installationId(pool)
                  .compose(
                      id -> {
                        s.installation = id;
                        return repo.lastOutboxId(pool);
                      })
                  .compose(last -> s.belongsHere(last) ? s.catchUp() : s.rebuild())
                  .map(
                      v -> {
                        vertx.setPeriodic(
                            CATCH_UP_MILLIS,
                            t ->
                                s.catchUp()
                                    .onFailure(
                                        e -> LOG.warn("knowledge index catch-up failed", e)));
                        return s;
                      });
            });
  }

  /**
   * The index is this database's when its marker names this installation and an outbox position
   * that exists; an index left from another database (or a restored backup) is rebuilt.
   */
  private boolean belongsHere(long lastOutboxId) {
    return index.marker().isPresent()
        && index.marker().get().startsWith(installation + ":")
        && position() <= lastOutboxId;
  }

  private long position() {
    return index
        .marker()
        .filter(m -> m.startsWith(installation + ":"))
        .map(m -> Long.parseLong(m.substring(installation.length() + 1)))
        .orElse(0L);
  }

  /** A random id made once per database, so that an index knows which database it follows. */
  private static Future<String> installationId(Pool pool) {
    return pool.query(
            "INSERT INTO setting (key, value) VALUES ('installation_id', to_jsonb(gen_random_uuid()::text))"
                + " ON CONFLICT (key) DO NOTHING")
        .execute()
        .compose(
            v ->
                pool.query("SELECT value #>> '{}' AS id FROM setting WHERE key = 'installation_id'")
                    .execute())
        .map(rows -> rows.iterator().next().getString("id"));
  }

  /** Rebuilds the whole index from PostgreSQL. */
  public Future<Void> rebuild() {
    return serialized(
        () ->
            articles
                .lastOutboxId(pool)
                .compose(
                    last ->
                        articles
                            .all(pool)
                            .compose(
                                all ->
                                    vertx.executeBlocking(
                                        () -> {
                                          index.replaceAll(all);
                                          index.setMarker(installation + ":" + last);
                                          LOG.info(
                                              "knowledge index rebuilt from PostgreSQL: {} articles",
                                              all.size());
                                          return null;
                                        }))));
  }

  /** Applies every article change committed since the index's marker. */
  public Future<Void> catchUp() {
    return serialized(this::applyChanges);
  }

  private Future<Void> applyChanges() {
    long after = position();
    return articles
        .changesAfter(pool, after, 1000)
        .compose(
            changes -> {
              if (changes.codes().isEmpty()) {
                return Future.<Void>succeededFuture();
              }
              List<String> codes = List.copyOf(new HashSet<>(changes.codes()));
              return articles
                  .byCodes(pool, codes)
                  .compose(
                      found ->
                          vertx.executeBlocking(
                              () -> {
                                Set<String> present = new HashSet<>();
                                for (Article a : found) {
                                  index.upsert(a);
                                  present.add(a.code());
                                }
                                for (String code : codes) {
                                  if (!present.contains(code)) {
                                    index.delete(code);
                                  }
                                }
                                // commits together with the new position; the changes become
                                // visible
                                index.setMarker(installation + ":" + changes.lastId());
                                index.refresh();
                                return null;
                              }))
                  .compose(v -> changes.more() ? applyChanges() : Future.<Void>succeededFuture());
            });
  }

  /** Runs index maintenance one at a time, whichever event loop asks. */
  private Future<Void> serialized(java.util.function.Supplier<Future<Void>> work) {
    synchronized (chainLock) {
      Future<Void> next = tail.transform(ignored -> work.get());
      tail = next.recover(e -> Future.succeededFuture());
      return next;
    }
  }

  /**
   * Searches on the index's own search threads (one per core, the rest queued): no worker thread
   * waits, and searches never outnumber the cores. The future completes on the caller's context.
   */
  public Future<SearchResult> search(String q, int limit, String category) {
    LocalDate today = today();
    return Future.fromCompletionStage(
        index.searchAsync(new SearchQuery(q, limit, category, today)), vertx.getOrCreateContext());
  }

  public Future<List<String>> suggest(String prefix, int limit) {
    LocalDate today = today();
    return vertx.executeBlocking(() -> index.suggest(prefix, limit, today), false);
  }

  /** The day articles' validity is judged on: the platform clock's date in the hotline's zone. */
  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingCalendar.SHANGHAI);
  }

  /** Upserts the good lines in one transaction, then indexes them before answering. */
  public Future<ImportResult> importLines(String text, String by) {
    ArticleLines.Parsed parsed = ArticleLines.parse(text);
    if (parsed.articles().isEmpty()) {
      return Future.succeededFuture(new ImportResult(parsed.lines(), 0, parsed.errors()));
    }
    return pool.withTransaction(
            tx -> {
              Future<Void> f = Future.succeededFuture();
              JsonArray codes = new JsonArray();
              for (Article a : parsed.articles()) {
                f = f.compose(v -> articles.upsert(tx, a, by).mapEmpty());
                codes.add(a.code());
              }
              // One audit row per import: which articles it wrote (the versions keep each text).
              return f.compose(
                  v ->
                      AuditTrail.write(
                          tx,
                          by,
                          "admin:kb-import",
                          new JsonObject()
                              .put("lines", parsed.lines())
                              .put("imported", codes.size())
                              .put("after", new JsonObject().put("codes", codes))));
            })
        .compose(v -> catchUp())
        .map(v -> new ImportResult(parsed.lines(), parsed.articles().size(), parsed.errors()));
  }

  /** Saves an edited article with its audit row (before → after) in one transaction. */
  public Future<Void> save(Article a, String by) {
    return pool.withTransaction(
            tx ->
                articles
                    .byCodes(tx, List.of(a.code()))
                    .compose(
                        before ->
                            articles
                                .upsert(tx, a, by)
                                .compose(
                                    version ->
                                        AuditTrail.write(
                                            tx,
                                            by,
                                            "admin:kb-article",
                                            new JsonObject()
                                                .put("target", a.code())
                                                .put(
                                                    "before",
                                                    before.isEmpty()
                                                        ? null
                                                        : ArticleRepository.toJson(before.get(0)))
                                                .put(
                                                    "after",
                                                    ArticleRepository.toJson(a)
                                                        .put("version", version))))))
        .compose(v -> catchUp());
  }

  /** Articles of every status for the editors, newest change first; q matches code or title. */
  public Future<JsonArray> list(String q, String status, int limit) {
    return articles.list(pool, q, status, limit);
  }

  public Future<Article> get(String code) {
    return articles.byCodes(pool, List.of(code)).map(l -> l.isEmpty() ? null : l.get(0));
  }

  /** All articles as JSON Lines, the import format. */
  public Future<String> export() {
    return articles
        .all(pool)
        .map(
            all -> {
              StringBuilder sb = new StringBuilder();
              for (Article a : all) {
                sb.append(ArticleRepository.toJson(a).encode()).append('\n');
              }
              return sb.toString();
            });
  }

  public Future<String> synonyms() {
    return synonymsText(pool);
  }

  /** Stores an edited synonym list and applies it to searches at once (synonyms expand queries). */
  public Future<Integer> saveSynonyms(String text, String by) {
    SynonymTable table = SynonymTable.parse(text);
    return pool.withTransaction(
            tx ->
                synonymsText(tx)
                    .compose(
                        before ->
                            tx.preparedQuery(
                                    "INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()")
                                .execute(
                                    Tuple.of(SYNONYMS_SETTING, new JsonObject().put("text", text)))
                                .compose(
                                    v ->
                                        AuditTrail.write(
                                            tx,
                                            by,
                                            "admin:kb-synonyms",
                                            new JsonObject()
                                                .put("before", before)
                                                .put("after", text)))))
        .map(
            v -> {
              index.setSynonyms(table);
              return table.size();
            });
  }

  /** Loads the seed articles (demo data) through the normal import path. */
  public Future<ImportResult> importSeed() {
    return importLines(ReferenceSeeder.resource("/org/hotline/kb/seed/articles.jsonl"), "system");
  }

  public Future<Void> close() {
    return vertx.executeBlocking(
        () -> {
          index.close();
          return null;
        });
  }

  private static Future<String> synonymsText(io.vertx.sqlclient.SqlClient pool) {
    return pool.preparedQuery("SELECT value FROM setting WHERE key = $1")
        .execute(Tuple.of(SYNONYMS_SETTING))
        .map(
            rows ->
                rows.size() == 0
                    ? ReferenceSeeder.resource("/org/hotline/kb/synonyms.txt")
                    : ((JsonObject) rows.iterator().next().getValue("value")).getString("text"));
  }

  static JsonArray hits(SearchResult r) {
    JsonArray out = new JsonArray();
    r.hits()
        .forEach(
            h ->
                out.add(
                    new JsonObject()
                        .put("code", h.code())
                        .put("title", h.title())
                        .put("snippet", h.snippet())
                        .put("score", h.score())));
    return out;
  }

  public static JsonObject toJson(SearchResult r) {
    return new JsonObject().put("confident", r.confident()).put("hits", hits(r));
  }
}
