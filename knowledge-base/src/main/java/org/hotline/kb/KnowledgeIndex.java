package org.hotline.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.hotline.kb.index.ArticleDocuments;
import org.hotline.kb.index.IndexFields;
import org.hotline.kb.search.ArticleSearcher;
import org.hotline.kb.search.ConfidenceModel;
import org.hotline.kb.search.SearchPool;
import org.hotline.kb.search.SearchTuning;
import org.hotline.kb.search.Suggester;

/**
 * The knowledge-base index: a derived, rebuildable Lucene copy of the articles, searched in Chinese
 * (characters, bigrams, words, pinyin, synonyms) with a confidence verdict.
 *
 * <p><b>Threads.</b> All methods block (disk I/O, Lucene) except {@link #searchAsync}: call them on
 * worker threads, never on an event loop. Searches may be asked for from any number of threads and
 * run on the index's own search threads, one per core ({@link SearchPool}); suggestions run on the
 * calling thread. Writes ({@link #upsert}, {@link #delete}, {@link #replaceAll}, {@link #commit},
 * {@link #setMarker}) are serialized internally and may be called from any thread; a search never
 * sees a half-applied {@link #replaceAll}. {@link #setSynonyms} is atomic and takes effect for the
 * next search.
 *
 * <p><b>Durability.</b> {@link #upsert} and {@link #delete} are searchable at once (near real time)
 * but only durable after {@link #commit} or {@link #setMarker}. The marker is kept in the Lucene
 * commit: store there whatever tells the core the index is current (e.g. the last applied outbox
 * id); an index opened on a missing or older-schema directory has no marker and must be rebuilt.
 */
public final class KnowledgeIndex implements AutoCloseable {

  /** Bump when fields or analysis change: an index of another schema opens empty. */
  static final String SCHEMA = "kb-6";

  private static final String SCHEMA_KEY = "kb.schema";
  private static final String MARKER_KEY = "kb.marker";

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final SearchPool searchPool = new SearchPool();
  private volatile ArticleSearcher articleSearcher;
  private final Suggester suggester = new Suggester();
  private final Object writeLock = new Object();
  private volatile SynonymTable synonyms;
  private volatile String marker;

  private KnowledgeIndex(Directory directory, SynonymTable synonyms, SearchTuning tuning)
      throws IOException {
    this.directory = directory;
    this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
    Map<String, String> previous = committedData(directory);
    boolean sameSchema = SCHEMA.equals(previous.get(SCHEMA_KEY));
    IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer());
    config.setOpenMode(
        sameSchema
            ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
            : IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, config);
    this.marker = sameSchema ? previous.get(MARKER_KEY) : null;
    if (!sameSchema) {
      commitLocked();
    }
    this.searchers = new SearcherManager(writer, null);
    this.articleSearcher = new ArticleSearcher(tuning, ConfidenceModel.standard());
  }

  /**
   * Opens (or creates) the index in {@code dir}. A missing directory, or one holding an index of
   * another schema, opens empty with no {@link #marker()}.
   */
  public static KnowledgeIndex open(Path dir, SynonymTable synonyms) throws IOException {
    Files.createDirectories(dir);
    return new KnowledgeIndex(FSDirectory.open(dir), synonyms, SearchTuning.DEFAULT);
  }

  /** An index held in memory (tests, evaluation). */
  public static KnowledgeIndex inMemory(SynonymTable synonyms) {
    return inMemory(synonyms, SearchTuning.DEFAULT);
  }

  /** An in-memory index with non-default weights (tuning experiments). */
  public static KnowledgeIndex inMemory(SynonymTable synonyms, SearchTuning tuning) {
    try {
      return new KnowledgeIndex(new ByteBuffersDirectory(), synonyms, tuning);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> committedData(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return Map.of();
    }
    return SegmentInfos.readLatestCommit(dir).getUserData();
  }

  /** Adds the article or replaces the one with the same code; searchable on return. */
  public void upsert(Article article) throws IOException {
    synchronized (writeLock) {
      writer.updateDocument(
          ArticleDocuments.key(article.code()), ArticleDocuments.toDocument(article));
      refresh();
    }
  }

  /** Upserts many articles, then makes them searchable (bulk import). */
  public void upsertAll(Collection<Article> articles) throws IOException {
    synchronized (writeLock) {
      addInParallel(articles, true);
      refresh();
    }
  }

  /** Removes the article with {@code code} (no-op if absent); effective on return. */
  public void delete(String code) throws IOException {
    synchronized (writeLock) {
      writer.deleteDocuments(ArticleDocuments.key(code));
      refresh();
    }
  }

  /**
   * Rebuilds the index from {@code articles} and commits. The marker is cleared: set it once the
   * rebuild is known complete. Searches see the old content until the rebuild is done.
   */
  public void replaceAll(Collection<Article> articles) throws IOException {
    synchronized (writeLock) {
      writer.deleteAll();
      addInParallel(articles, false);
      // One segment: every search looks each of its terms up once per segment, and a rebuilt
      // base then only grows by small near-real-time segments.
      writer.forceMerge(1);
      marker = null;
      commitLocked();
      refresh();
    }
  }

  /**
   * Analysis (segmentation, pinyin) dominates indexing cost and IndexWriter accepts documents from
   * several threads, so bulk loads use the common fork-join pool.
   */
  private void addInParallel(Collection<Article> articles, boolean update) throws IOException {
    try {
      articles.parallelStream()
          .forEach(
              a -> {
                try {
                  if (update) {
                    writer.updateDocument(
                        ArticleDocuments.key(a.code()), ArticleDocuments.toDocument(a));
                  } else {
                    writer.addDocument(ArticleDocuments.toDocument(a));
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Makes every change so far visible to searches (normally done by the writes themselves). */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Makes every change so far durable, keeping the current marker. */
  public void commit() throws IOException {
    synchronized (writeLock) {
      commitLocked();
    }
  }

  /** Commits every change so far together with {@code newMarker}. */
  public void setMarker(String newMarker) throws IOException {
    synchronized (writeLock) {
      marker = newMarker;
      commitLocked();
    }
  }

  /** The marker of the last {@link #setMarker}, empty for a new, rebuilt or re-schemed index. */
  public Optional<String> marker() {
    return Optional.ofNullable(marker);
  }

  private void commitLocked() throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_KEY, SCHEMA);
    if (marker != null) {
      data.put(MARKER_KEY, marker);
    }
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /** Number of articles in the index, whatever their status or validity. */
  public int count() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      searchers.release(s);
    }
  }

  /** The indexed copy of an article, if present. */
  public Optional<Article> get(String code) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      TopDocs top = s.search(new TermQuery(ArticleDocuments.key(code)), 1);
      return top.scoreDocs.length == 0
          ? Optional.empty()
          : Optional.of(
              ArticleDocuments.toArticle(
                  s.storedFields().document(top.scoreDocs[0].doc),
                  ArticleDocuments.body(s.getIndexReader(), top.scoreDocs[0].doc)));
    } finally {
      searchers.release(s);
    }
  }

  /**
   * Searches offered articles (published, valid on {@code query.today()}), best first. Runs on the
   * index's search threads (one per core; see {@link SearchPool}) and waits for the result.
   */
  public SearchResult search(SearchQuery query) throws IOException {
    return searchWithFeatures(query).result();
  }

  /**
   * {@link #search} without waiting: the future completes on a search thread. For event-loop code,
   * which must not block.
   */
  public CompletableFuture<SearchResult> searchAsync(SearchQuery query) {
    return searchPool.submit(() -> searchOnThisThread(query).result());
  }

  /** {@link #search} plus the confidence features (evaluation and diagnostics). */
  public ArticleSearcher.Outcome searchWithFeatures(SearchQuery query) throws IOException {
    return searchPool.run(() -> searchOnThisThread(query));
  }

  private ArticleSearcher.Outcome searchOnThisThread(SearchQuery query) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return articleSearcher.searchWithFeatures(s, query, synonyms);
    } finally {
      searchers.release(s);
    }
  }

  /** {@link #suggest(String, int, LocalDate)} judged on the system clock's day. */
  public List<String> suggest(String prefix, int limit) throws IOException {
    return suggest(prefix, limit, LocalDate.now());
  }

  /**
   * Completions of {@code prefix} from titles and keywords of articles offered on {@code today}
   * (published and valid that day), shortest first.
   */
  public List<String> suggest(String prefix, int limit, LocalDate today) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return suggester.suggest(s, prefix, limit, today);
    } finally {
      searchers.release(s);
    }
  }

  /** Replaces the query-time weights (tuning experiments; production uses the defaults). */
  public void setTuning(SearchTuning tuning) {
    this.articleSearcher = new ArticleSearcher(tuning, ConfidenceModel.standard());
  }

  /** Replaces the synonym table; the next search uses it (no re-indexing needed). */
  public void setSynonyms(SynonymTable table) {
    this.synonyms = Objects.requireNonNull(table, "table");
  }

  /** The synonym table in use. */
  public SynonymTable synonyms() {
    return synonyms;
  }

  /** Commits pending changes and releases the index. */
  @Override
  public void close() throws IOException {
    synchronized (writeLock) {
      searchPool.close();
      searchers.close();
      commitLocked();
      writer.close();
      directory.close();
    }
  }
}
