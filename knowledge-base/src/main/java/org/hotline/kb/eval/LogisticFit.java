package org.hotline.kb.eval;

import java.util.List;

/**
 * Plain logistic regression by batch gradient descent with a small L2 penalty (intercept not
 * penalised). Enough for a handful of features and a few hundred examples.
 */
public final class LogisticFit {

  private LogisticFit() {}

  /** Returns {intercept, w1..wn} fitted to rows {@code x} with labels {@code y}. */
  public static double[] fit(List<double[]> x, List<Boolean> y, double l2, int iterations) {
    int d = x.get(0).length;
    double[] w = new double[d + 1];
    double rate = 0.5;
    for (int it = 0; it < iterations; it++) {
      double[] grad = new double[d + 1];
      for (int i = 0; i < x.size(); i++) {
        double[] r = x.get(i);
        double z = w[0];
        for (int j = 0; j < d; j++) {
          z += w[j + 1] * r[j];
        }
        double err = 1 / (1 + Math.exp(-z)) - (y.get(i) ? 1 : 0);
        grad[0] += err;
        for (int j = 0; j < d; j++) {
          grad[j + 1] += err * r[j];
        }
      }
      for (int j = 0; j <= d; j++) {
        double g = grad[j] / x.size() + (j == 0 ? 0 : l2 * w[j]);
        w[j] -= rate * g;
      }
    }
    return w;
  }
}
