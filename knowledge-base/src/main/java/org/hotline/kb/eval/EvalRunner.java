package org.hotline.kb.eval;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hotline.kb.Article;
import org.hotline.kb.ArticleJsonl;
import org.hotline.kb.KnowledgeIndex;
import org.hotline.kb.SearchQuery;
import org.hotline.kb.SynonymTable;
import org.hotline.kb.search.ArticleSearcher;
import org.hotline.kb.search.SearchTuning;

/**
 * Runs an evaluation query file and prints recall@1, recall@5 and MRR@10 per kind.
 *
 * <pre>
 * EvalRunner FILE [--url http://localhost:8080] [--user agent1 --password demo12345]
 *                 [--local [CORPUS.jsonl]] [--synonyms FILE] [--misses] [--fit-confidence]
 * </pre>
 *
 * Default mode goes through the HTTP API; {@code --local} builds an in-memory index from a corpus
 * (default: the seed base) and searches in-process. {@code --fit-confidence} (local only) fits the
 * confidence model's coefficients on this file and prints them.
 */
public final class EvalRunner {

  private EvalRunner() {}

  /** Command-line entry point. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].startsWith("--")) {
      System.err.println(
          "usage: EvalRunner FILE [--url URL] [--user U --password P] [--local [CORPUS]]"
              + " [--synonyms FILE] [--misses] [--fit-confidence]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    String url = "http://localhost:8080";
    String user = "agent1";
    String password = "demo12345";
    String corpus = null;
    String synonymsFile = null;
    boolean local = false;
    boolean misses = false;
    boolean fit = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--user" -> user = args[++i];
        case "--password" -> password = args[++i];
        case "--synonyms" -> synonymsFile = args[++i];
        case "--misses" -> misses = true;
        case "--fit-confidence" -> fit = true;
        case "--local" -> {
          local = true;
          if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            corpus = args[++i];
          }
        }
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    List<EvalQuery> queries = EvalQuery.read(file);
    Evaluation eval;
    if (local) {
      List<Article> articles =
          corpus == null ? ArticleJsonl.seed() : ArticleJsonl.read(Path.of(corpus));
      SynonymTable synonyms =
          synonymsFile == null
              ? SynonymTable.loadDefault()
              : SynonymTable.parse(Files.readString(Path.of(synonymsFile), StandardCharsets.UTF_8));
      System.out.printf(
          "local index: %d articles, %d synonym rules, %d queries%n",
          articles.size(), synonyms.size(), queries.size());
      try (KnowledgeIndex index =
          KnowledgeIndex.inMemory(synonyms, SearchTuning.fromSystemProperties())) {
        index.upsertAll(articles);
        if (fit) {
          fitConfidence(index, queries);
        }
        eval = runLocal(index, queries);
      }
    } else {
      HttpSearchClient client = new HttpSearchClient(url);
      client.login(user, password);
      eval = new Evaluation();
      for (EvalQuery q : queries) {
        eval.add(q, client.search(q.q(), 10));
      }
    }
    System.out.print(eval.table());
    if (misses) {
      eval.misses().forEach(m -> System.out.println("  " + m));
    }
  }

  /** Runs every query against {@code index} (used by tests too). */
  public static Evaluation runLocal(KnowledgeIndex index, List<EvalQuery> queries)
      throws Exception {
    Evaluation eval = new Evaluation();
    LocalDate today = LocalDate.now();
    for (EvalQuery q : queries) {
      eval.add(q, index.search(new SearchQuery(q.q(), 10, null, today)));
    }
    return eval;
  }

  private static void fitConfidence(KnowledgeIndex index, List<EvalQuery> queries)
      throws Exception {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    LocalDate today = LocalDate.now();
    for (EvalQuery q : queries) {
      ArticleSearcher.Outcome o = index.searchWithFeatures(new SearchQuery(q.q(), 10, null, today));
      if (o.features() == null) {
        continue;
      }
      boolean rightFirst = !q.noAnswer() && q.relevant().contains(o.result().hits().get(0).code());
      if (q.noAnswer() || rightFirst) {
        x.add(o.features().vector());
        y.add(rightFirst);
      }
    }
    double[] w = LogisticFit.fit(x, y, 0.01, 20000);
    System.out.println(
        "fitted confidence coefficients (intercept, coverage, titleCoverage, gap, logScore,"
            + " unseen): "
            + Arrays.toString(Arrays.stream(w).map(v -> Math.round(v * 1000) / 1000.0).toArray())
                .replace("[", "{")
                .replace("]", "}")
            + String.format(Locale.ROOT, "  (%d examples)", x.size()));
    for (double threshold = 0.3; threshold < 0.91; threshold += 0.1) {
      int neg = 0;
      int negOk = 0;
      int pos = 0;
      int posOk = 0;
      for (int i = 0; i < x.size(); i++) {
        double z = w[0];
        for (int j = 0; j < x.get(i).length; j++) {
          z += w[j + 1] * x.get(i)[j];
        }
        boolean confident = 1 / (1 + Math.exp(-z)) >= threshold;
        if (y.get(i)) {
          pos++;
          posOk += confident ? 1 : 0;
        } else {
          neg++;
          negOk += confident ? 0 : 1;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "  threshold %.1f: right-first confident %.3f, no-answer not confident %.3f%n",
          threshold,
          (double) posOk / pos,
          (double) negOk / neg);
    }
  }
}
