package org.hotline.kb.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.kb.Hit;
import org.hotline.kb.SearchResult;

/**
 * Accumulates retrieval metrics per question kind: recall@1, recall@5, MRR@10, the share of
 * no-answer questions marked not confident, and the share of right first hits marked confident.
 */
public final class Evaluation {

  /** Metrics of one kind (or of all answerable questions). */
  public static final class Stats {
    int n;
    double r1;
    double r5;
    double mrr;
    int notConfident;
    int rightFirst;
    int rightFirstConfident;

    /** Number of questions. */
    public int n() {
      return n;
    }

    /** Recall at 1. */
    public double recall1() {
      return n == 0 ? 0 : r1 / n;
    }

    /** Recall at 5. */
    public double recall5() {
      return n == 0 ? 0 : r5 / n;
    }

    /** Mean reciprocal rank over the first 10 hits. */
    public double mrr10() {
      return n == 0 ? 0 : mrr / n;
    }

    /** Share of questions marked not confident. */
    public double notConfidentShare() {
      return n == 0 ? 0 : (double) notConfident / n;
    }

    /** Share of questions with a right first hit that were marked confident. */
    public double confidentWhenRight() {
      return rightFirst == 0 ? 0 : (double) rightFirstConfident / rightFirst;
    }
  }

  private final Map<String, Stats> byKind = new TreeMap<>();
  private final Stats answerable = new Stats();
  private final List<String> misses = new ArrayList<>();

  /** Records the result of one question. */
  public void add(EvalQuery q, SearchResult r) {
    Stats k = byKind.computeIfAbsent(q.kind(), x -> new Stats());
    k.n++;
    if (!r.confident()) {
      k.notConfident++;
    }
    if (q.noAnswer()) {
      if (r.confident()) {
        misses.add("confident on no-answer: " + q.q() + " -> " + first(r));
      }
      return;
    }
    answerable.n++;
    int rank = 0;
    List<Hit> hits = r.hits();
    for (int i = 0; i < Math.min(10, hits.size()); i++) {
      if (q.relevant().contains(hits.get(i).code())) {
        rank = i + 1;
        break;
      }
    }
    for (Stats s : List.of(k, answerable)) {
      s.r1 += rank == 1 ? 1 : 0;
      s.r5 += rank >= 1 && rank <= 5 ? 1 : 0;
      s.mrr += rank == 0 ? 0 : 1.0 / rank;
      if (rank == 1) {
        s.rightFirst++;
        s.rightFirstConfident += r.confident() ? 1 : 0;
      }
    }
    if (rank != 1) {
      misses.add(
          String.format(
              "[%s] rank %s: %s  want %s got %s",
              q.kind(), rank == 0 ? ">10" : rank, q.q(), q.relevant(), first(r)));
    } else if (!r.confident()) {
      misses.add("[" + q.kind() + "] right but not confident: " + q.q());
    }
  }

  private static String first(SearchResult r) {
    return r.hits().isEmpty() ? "-" : r.hits().get(0).code() + " " + r.hits().get(0).title();
  }

  /** Metrics of all answerable questions. */
  public Stats overall() {
    return answerable;
  }

  /** Metrics of one kind, or an empty one. */
  public Stats kind(String kind) {
    return byKind.getOrDefault(kind, new Stats());
  }

  /** Questions answered wrongly or with the wrong confidence, for diagnosis. */
  public List<String> misses() {
    return misses;
  }

  /** The printed table. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%-12s %5s %9s %9s %8s %14s%n",
            "kind", "n", "recall@1", "recall@5", "MRR@10", "not-confident"));
    byKind.forEach(
        (kind, s) -> {
          if (EvalQuery.NO_ANSWER.equals(kind)) {
            sb.append(
                String.format(
                    Locale.ROOT,
                    "%-12s %5d %9s %9s %8s %14.3f%n",
                    kind,
                    s.n,
                    "-",
                    "-",
                    "-",
                    s.notConfidentShare()));
          } else {
            sb.append(row(kind, s));
          }
        });
    sb.append(row("overall", answerable));
    sb.append(
        String.format(
            Locale.ROOT,
            "confident when first hit is right: %.3f (%d/%d)%n",
            answerable.confidentWhenRight(),
            answerable.rightFirstConfident,
            answerable.rightFirst));
    return sb.toString();
  }

  private static String row(String kind, Stats s) {
    return String.format(
        Locale.ROOT,
        "%-12s %5d %9.3f %9.3f %8.3f %14.3f%n",
        kind,
        s.n,
        s.recall1(),
        s.recall5(),
        s.mrr10(),
        s.notConfidentShare());
  }
}
