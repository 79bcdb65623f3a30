package org.hotline.ticketing.report;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks units by a composite score: the weighted mean of their rates (on-time signing, on-time
 * completion, satisfaction, and 100 minus the re-handling and return rates), over the rates the
 * unit has. Weights come from the {@code evaluation_weights} setting.
 */
public final class EvaluationRanking {

  /** The setting's keys, in the order the score lists them. */
  public static final List<String> WEIGHT_KEYS =
      List.of("signedOnTime", "completedOnTime", "satisfaction", "rehandle", "return");

  private final Map<String, Double> weights;

  public EvaluationRanking(Map<String, Double> weights) {
    this.weights = Map.copyOf(weights);
  }

  /** Reads the setting; a key that is missing weighs 0. Refuses negative or non-numeric weights. */
  public static EvaluationRanking fromSetting(JsonObject value) {
    Map<String, Double> w = new java.util.HashMap<>();
    for (String k : WEIGHT_KEYS) {
      Object v = value == null ? null : value.getValue(k);
      if (v == null) {
        w.put(k, 0.0);
      } else if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1000) {
        w.put(k, n.doubleValue());
      } else {
        throw new IllegalArgumentException(k + " must be a number from 0 to 1000");
      }
    }
    return new EvaluationRanking(w);
  }

  /** The score (0-100, one decimal) or null when the unit has none of the weighted rates. */
  public Double score(UnitEvaluation e) {
    double sum = 0;
    double weight = 0;
    Double[] values = {
      e.signedOnTimePct(),
      e.completedOnTimePct(),
      e.satisfactionPct(),
      e.rehandlePct() == null ? null : 100 - e.rehandlePct(),
      e.returnPct() == null ? null : 100 - e.returnPct()
    };
    for (int i = 0; i < values.length; i++) {
      double w = weights.get(WEIGHT_KEYS.get(i));
      if (values[i] != null && w > 0) {
        sum += w * values[i];
        weight += w;
      }
    }
    if (weight == 0) {
      return null;
    }
    return BigDecimal.valueOf(sum / weight).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * Rows sorted best first with {@code rank} and {@code score}; units without a score come last,
   * unranked. Equal scores share a rank (1, 2, 2, 4); ties are listed by orders received, then
   * code.
   */
  public List<Map<String, Object>> rank(List<UnitEvaluation> units) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (UnitEvaluation u : units) {
      Map<String, Object> r = u.row();
      r.put("score", score(u));
      rows.add(r);
    }
    rows.sort(
        Comparator.comparing(
                (Map<String, Object> r) -> (Double) r.get("score"),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> -((Integer) r.get("received")))
            .thenComparing(r -> (String) r.get("unit")));
    Double previous = null;
    int rank = 0;
    for (int i = 0; i < rows.size(); i++) {
      Double s = (Double) rows.get(i).get("score");
      if (s != null && !s.equals(previous)) {
        rank = i + 1;
      }
      rows.get(i).put("rank", s == null ? null : rank);
      previous = s;
    }
    return rows;
  }
}
