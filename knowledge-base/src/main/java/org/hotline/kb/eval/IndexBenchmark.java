package org.hotline.kb.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.kb.Article;
import org.hotline.kb.ArticleJsonl;
import org.hotline.kb.Hit;
import org.hotline.kb.KnowledgeIndex;
import org.hotline.kb.SearchQuery;
import org.hotline.kb.SearchResult;
import org.hotline.kb.SynonymTable;
import org.hotline.kb.search.SearchTuning;

/**
 * Indexes N generated articles in a temporary directory, then measures search latency at
 * concurrency 1 and 8 with the evaluation questions. Prints {@code RESULT kb ...} last.
 *
 * <pre>IndexBenchmark ARTICLES QUERIES.jsonl [QUERIES2.jsonl ...]</pre>
 */
public final class IndexBenchmark {

  /**
   * Searches before measuring, so that the server measured is the one agents use all day: the JIT
   * compiles the search path over the first thousands of calls (CPU per search still halves between
   * 3,000 and 20,000), and the term-state cache built then is copied at every young collection
   * until it is old enough to be tenured (14 ms pauses instead of 2–4 ms for the first ≈ 15
   * collections, about 20 s at full load).
   */
  private static final int WARM_UP = Integer.getInteger("kb.bench.warmup", 60_000);

  /** Searches per thread at concurrency 1 and 8 (16,000 at 8: a p99 of 160 samples). */
  private static final int SEARCHES_ALONE = 5_000;

  private static final int SEARCHES_EACH_OF_8 = 2_000;

  /**
   * CPU time of the whole process per search in the last run (the index's search threads, GC and
   * JIT): unlike latency, it is hardly inflated when other processes share the cores, so it tells
   * this code's cost on a busy machine.
   */
  private static double lastCpuMsPerSearch;

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Throughput of the last run. */
  private static double lastPerSecond;

  private IndexBenchmark() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    List<String> questions = new ArrayList<>();
    List<EvalQuery> evalQueries = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      evalQueries.addAll(EvalQuery.read(Path.of(args[i])));
    }
    evalQueries.forEach(q -> questions.add(q.q()));
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("no questions");
    }
    List<Article> seeds = ArticleJsonl.seed();
    ArticleGenerator gen = new ArticleGenerator(seeds);
    List<Article> articles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      articles.add(gen.next(i));
    }
    double avgLen = articles.stream().mapToInt(a -> a.body().length()).average().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "generated %d articles from %d seeds, body %.0f chars on average%n",
        count,
        seeds.size(),
        avgLen);
    // -Dkb.bench.dir=DIR keeps the index between runs (tuning experiments); default: a temp dir.
    String keep = System.getProperty("kb.bench.dir");
    Path dir = keep != null ? Path.of(keep) : Files.createTempDirectory("kb-bench");
    try (KnowledgeIndex index = KnowledgeIndex.open(dir, SynonymTable.loadDefault())) {
      index.setTuning(SearchTuning.fromSystemProperties());
      long t0 = System.nanoTime();
      boolean reused = keep != null && index.count() == count;
      if (!reused) {
        index.replaceAll(articles);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      double rate = reused ? Double.NaN : count / secs;
      System.out.printf(
          Locale.ROOT,
          "indexed %d articles in %.1f s: %.0f articles/s (parallel analysis on %d threads, commit included)%n",
          index.count(),
          secs,
          rate,
          java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);
      articles.clear();
      // Warm-up: JIT, caches.
      runThreads(index, questions, 2, WARM_UP / 2);
      printQualityAtScale(index, seeds, evalQueries);
      double[] c1 = runThreads(index, questions, 1, SEARCHES_ALONE);
      print("concurrency 1", c1);
      double[] c8 = runThreads(index, questions, 8, SEARCHES_EACH_OF_8);
      print("concurrency 8", c8);
      System.out.printf(
          Locale.ROOT,
          "RESULT kb articles=%d index_per_s=%.0f p50_ms=%.2f p99_ms=%.2f%n",
          count,
          rate,
          pct(c8, 50),
          pct(c8, 99));
    } finally {
      if (keep == null) {
        try (var files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /**
   * Search quality on the generated base: a hit counts when it is a copy of a relevant seed card
   * (generated titles are the seed's title plus a place in brackets). Shows what the first pass's
   * work budget trades at this size; on a base of a few hundred cards the budget changes nothing.
   */
  private static void printQualityAtScale(
      KnowledgeIndex index, List<Article> seeds, List<EvalQuery> queries) throws Exception {
    Map<String, String> seedByTitle = new HashMap<>();
    seeds.forEach(a -> seedByTitle.put(a.title(), a.code()));
    Evaluation eval = new Evaluation();
    LocalDate today = LocalDate.now();
    for (EvalQuery q : queries) {
      SearchResult r = index.search(new SearchQuery(q.q(), 10, null, today));
      List<Hit> asSeeds = new ArrayList<>();
      for (Hit h : r.hits()) {
        int cut = h.title().lastIndexOf('（');
        String seedTitle = cut > 0 ? h.title().substring(0, cut) : h.title();
        String code = seedByTitle.getOrDefault(seedTitle, h.code());
        asSeeds.add(new Hit(code, h.title(), h.snippet(), h.score()));
      }
      eval.add(q, new SearchResult(r.confident(), asSeeds));
    }
    Evaluation.Stats all = eval.overall();
    System.out.printf(
        Locale.ROOT,
        "quality at this size (%d questions; a copy of a relevant card counts): recall@1 %.3f,"
            + " recall@5 %.3f, MRR@10 %.3f, right first hit confident %.3f,"
            + " no-answer not confident %.3f%n",
        queries.size(),
        all.recall1(),
        all.recall5(),
        all.mrr10(),
        all.confidentWhenRight(),
        eval.kind(EvalQuery.NO_ANSWER).notConfidentShare());
  }

  private static void print(String label, double[] ms) {
    System.out.printf(
        Locale.ROOT,
        "%s: %d searches, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms;"
            + " %.0f searches/s; CPU %.3f ms per search; load average %s%n",
        label,
        ms.length,
        pct(ms, 50),
        pct(ms, 90),
        pct(ms, 99),
        ms[ms.length - 1],
        lastPerSecond,
        lastCpuMsPerSearch,
        loadAverage());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** Latencies in ms, sorted. */
  private static double[] runThreads(
      KnowledgeIndex index, List<String> questions, int threads, int each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    LocalDate today = LocalDate.now();
    try {
      long wall0 = System.nanoTime();
      long proc0 = processCpuNanos();
      List<Future<double[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 7919;
        futures.add(
            pool.submit(
                () -> {
                  double[] ms = new double[each];
                  for (int i = 0; i < each; i++) {
                    String q = questions.get((offset + i) % questions.size());
                    long s = System.nanoTime();
                    index.search(new SearchQuery(q, 10, null, today));
                    ms[i] = (System.nanoTime() - s) / 1e6;
                  }
                  return ms;
                }));
      }
      List<Double> all = new ArrayList<>();
      for (Future<double[]> f : futures) {
        for (double v : f.get()) {
          all.add(v);
        }
      }
      double[] out = all.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(out);
      lastPerSecond = out.length / ((System.nanoTime() - wall0) / 1e9);
      lastCpuMsPerSearch = (processCpuNanos() - proc0) / 1e6 / out.length;
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
