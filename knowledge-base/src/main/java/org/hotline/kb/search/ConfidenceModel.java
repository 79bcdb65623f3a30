package org.hotline.kb.search;

/**
 * Decides whether the best hit really answers the question: a logistic model over {@link
 * ConfidenceFeatures}.
 *
 * <p>Coefficients: fitted by {@code org.hotline.kb.eval.EvalRunner --fit-confidence} (plain
 * logistic regression, gradient descent, L2 0.01, 20,000 steps) on the tuning set queries.jsonl
 * only, with the answerable questions whose first hit is right as positives and the no-answer
 * questions as negatives (answerable questions with a wrong first hit left out). The hold-out set
 * was not used.
 */
public final class ConfidenceModel {

  /** Intercept, then one weight per feature in {@link ConfidenceFeatures#vector()} order. */
  public static final double[] DEFAULT_COEFFICIENTS = {-6.997, 1.035, 1.177, 0.51, 1.903, -0.565};

  /**
   * Probability threshold, chosen on the tuning set: at 0.7, 96.3 % of right first hits are
   * confident and 90.6 % of no-answer questions are not (0.5 gave 98.1 % / 68.8 %).
   */
  public static final double DEFAULT_THRESHOLD = 0.7;

  private final double[] coefficients;
  private final double threshold;

  /** A model with the given coefficients and probability threshold. */
  public ConfidenceModel(double[] coefficients, double threshold) {
    this.coefficients = coefficients.clone();
    this.threshold = threshold;
  }

  /**
   * The fitted model with {@link #DEFAULT_THRESHOLD}. For experiments, the system property {@code
   * kb.confidence} ("intercept,w1,..,w5[,threshold]") overrides it.
   */
  public static ConfidenceModel standard() {
    String override = System.getProperty("kb.confidence");
    if (override == null) {
      return new ConfidenceModel(DEFAULT_COEFFICIENTS, DEFAULT_THRESHOLD);
    }
    double[] v =
        java.util.Arrays.stream(override.split(",")).mapToDouble(Double::parseDouble).toArray();
    return new ConfidenceModel(
        java.util.Arrays.copyOf(v, DEFAULT_COEFFICIENTS.length),
        v.length > DEFAULT_COEFFICIENTS.length
            ? v[DEFAULT_COEFFICIENTS.length]
            : DEFAULT_THRESHOLD);
  }

  /** The probability that the hit answers the question. */
  public double probability(ConfidenceFeatures f) {
    double[] x = f.vector();
    double z = coefficients[0];
    for (int i = 0; i < x.length; i++) {
      z += coefficients[i + 1] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Whether the hit answers the question. */
  public boolean confident(ConfidenceFeatures f) {
    return probability(f) >= threshold;
  }
}
