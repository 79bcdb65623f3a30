package org.hotline.kb.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.kb.ArticleJsonl;
import org.hotline.kb.KnowledgeIndex;
import org.hotline.kb.SynonymTable;
import org.hotline.kb.search.SearchTuning;

/**
 * Grid search of query-time weights on a tuning set (never the hold-out set):
 *
 * <pre>TuneRunner QUERIES.jsonl name=v1,v2 name=v1,v2 ...</pre>
 *
 * Names are those of {@link SearchTuning}; the index is built once from the seed base.
 */
public final class TuneRunner {

  private TuneRunner() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    List<EvalQuery> queries = EvalQuery.read(Path.of(args[0]));
    List<String[]> grid = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      grid.add(new String[] {kv[0], kv[1]});
    }
    try (KnowledgeIndex index = KnowledgeIndex.inMemory(SynonymTable.loadDefault())) {
      index.upsertAll(ArticleJsonl.seed());
      run(index, queries, grid, 0);
    }
  }

  private static void run(KnowledgeIndex index, List<EvalQuery> queries, List<String[]> grid, int i)
      throws Exception {
    if (i == grid.size()) {
      index.setTuning(SearchTuning.fromSystemProperties());
      Evaluation e = EvalRunner.runLocal(index, queries);
      StringBuilder label = new StringBuilder();
      for (String[] g : grid) {
        label.append(g[0]).append('=').append(System.getProperty("kb.tune." + g[0])).append(' ');
      }
      System.out.printf(
          Locale.ROOT,
          "%s| r1 %.3f r5 %.3f mrr %.3f | syn r5 %.3f | long mrr %.3f typo mrr %.3f coll mrr %.3f%n",
          label,
          e.overall().recall1(),
          e.overall().recall5(),
          e.overall().mrr10(),
          e.kind("synonym").recall5(),
          e.kind("long").mrr10(),
          e.kind("typo").mrr10(),
          e.kind("colloquial").mrr10());
      return;
    }
    for (String v : grid.get(i)[1].split(",")) {
      System.setProperty("kb.tune." + grid.get(i)[0], v);
      run(index, queries, grid, i + 1);
    }
  }
}
