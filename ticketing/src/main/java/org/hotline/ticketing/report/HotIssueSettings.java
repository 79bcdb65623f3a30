package org.hotline.ticketing.report;

import io.vertx.core.json.JsonObject;

/**
 * The {@code hot_issues} setting: a category or area is hot (热点) when at least {@code minCount}
 * orders came in over the last {@code windowHours} and that count exceeds the mean count of the
 * same clock window on each of the previous {@code baselineDays} days by more than {@code
 * marginPercent}.
 */
public record HotIssueSettings(int windowHours, int baselineDays, int marginPercent, int minCount) {

  public static final HotIssueSettings DEFAULTS = new HotIssueSettings(24, 7, 50, 5);

  /**
   * Reads the stored JSON; a missing key takes its default.
   *
   * @throws IllegalArgumentException naming the key that is out of range
   */
  public static HotIssueSettings from(JsonObject json) {
    if (json == null) {
      return DEFAULTS;
    }
    return new HotIssueSettings(
        intIn(json, "windowHours", DEFAULTS.windowHours, 1, 24),
        intIn(json, "baselineDays", DEFAULTS.baselineDays, 1, 90),
        intIn(json, "marginPercent", DEFAULTS.marginPercent, 0, 10_000),
        intIn(json, "minCount", DEFAULTS.minCount, 1, 100_000));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("windowHours", windowHours)
        .put("baselineDays", baselineDays)
        .put("marginPercent", marginPercent)
        .put("minCount", minCount);
  }

  private static int intIn(JsonObject json, String key, int dflt, int min, int max) {
    Object v = json.getValue(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Integer || v instanceof Long)
        || ((Number) v).longValue() < min
        || ((Number) v).longValue() > max) {
      throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max);
    }
    return ((Number) v).intValue();
  }
}
