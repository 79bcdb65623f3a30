package org.hotline.kb.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.kb.Article;
import org.hotline.kb.ArticleJsonl;
import org.hotline.kb.KnowledgeIndex;
import org.hotline.kb.SearchQuery;
import org.hotline.kb.SynonymTable;

/**
 * Indexes N generated articles in a temporary directory, then measures search latency at
 * concurrency 1 and 8 with the evaluation questions. Prints {@code RESULT kb ...} last.
 *
 * <pre>IndexBenchmark ARTICLES QUERIES.jsonl [QUERIES2.jsonl ...]</pre>
 */
public final class IndexBenchmark {

  private static final int SEARCHES_PER_THREAD = 1000;

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * CPU time the search threads of the last run used per search: unlike latency, it is hardly
   * inflated when other processes share the cores, so it tells this code's cost on a busy machine.
   */
  private static double lastCpuMsPerSearch;

  private IndexBenchmark() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    List<String> questions = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      EvalQuery.read(Path.of(args[i])).forEach(q -> questions.add(q.q()));
    }
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
    Path dir = Files.createTempDirectory("kb-bench");
    try (KnowledgeIndex index = KnowledgeIndex.open(dir, SynonymTable.loadDefault())) {
      long t0 = System.nanoTime();
      index.replaceAll(articles);
      double secs = (System.nanoTime() - t0) / 1e9;
      double rate = count / secs;
      System.out.printf(
          Locale.ROOT,
          "indexed %d articles in %.1f s: %.0f articles/s (parallel analysis on %d threads, commit included)%n",
          index.count(),
          secs,
          rate,
          java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);
      articles.clear();
      // Warm-up: JIT, caches.
      runThreads(index, questions, 2, 300);
      double[] c1 = runThreads(index, questions, 1, SEARCHES_PER_THREAD);
      print("concurrency 1", c1);
      double[] c8 = runThreads(index, questions, 8, SEARCHES_PER_THREAD / 4);
      print("concurrency 8", c8);
      System.out.printf(
          Locale.ROOT,
          "RESULT kb articles=%d index_per_s=%.0f p50_ms=%.2f p99_ms=%.2f%n",
          count,
          rate,
          pct(c8, 50),
          pct(c8, 99));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void print(String label, double[] ms) {
    System.out.printf(
        Locale.ROOT,
        "%s: %d searches, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms;"
            + " CPU %.3f ms per search; load average %s%n",
        label,
        ms.length,
        pct(ms, 50),
        pct(ms, 90),
        pct(ms, 99),
        ms[ms.length - 1],
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
    java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
    LocalDate today = LocalDate.now();
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 7919;
        futures.add(
            pool.submit(
                () -> {
                  double[] ms = new double[each];
                  long cpu0 = THREADS.getCurrentThreadCpuTime();
                  for (int i = 0; i < each; i++) {
                    String q = questions.get((offset + i) % questions.size());
                    long s = System.nanoTime();
                    index.search(new SearchQuery(q, 10, null, today));
                    ms[i] = (System.nanoTime() - s) / 1e6;
                  }
                  cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
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
      lastCpuMsPerSearch = cpuNanos.get() / 1e6 / out.length;
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
