package org.hotline.ticketing.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the report settings from the {@code setting} table at each use, so an administrator's edit
 * applies to the next report. A stored value that does not parse falls back to the defaults and is
 * logged (the admin API refuses such values; this guards against hand edits).
 */
public final class ReportSettings {

  public static final String HOT_ISSUES = "hot_issues";
  public static final String EVALUATION_WEIGHTS = "evaluation_weights";

  private static final Logger LOG = LoggerFactory.getLogger(ReportSettings.class);
  private static final JsonObject DEFAULT_WEIGHTS =
      new JsonObject()
          .put("signedOnTime", 20)
          .put("completedOnTime", 30)
          .put("satisfaction", 40)
          .put("rehandle", 10)
          .put("return", 0);

  private final Pool pool;

  public ReportSettings(Pool pool) {
    this.pool = pool;
  }

  public Future<HotIssueSettings> hotIssues() {
    return read(HOT_ISSUES)
        .map(
            v -> {
              try {
                return HotIssueSettings.from(v);
              } catch (IllegalArgumentException e) {
                LOG.warn("setting {} ignored: {}", HOT_ISSUES, e.getMessage());
                return HotIssueSettings.DEFAULTS;
              }
            });
  }

  public Future<EvaluationRanking> ranking() {
    return read(EVALUATION_WEIGHTS)
        .map(
            v -> {
              try {
                return EvaluationRanking.fromSetting(v == null ? DEFAULT_WEIGHTS : v);
              } catch (IllegalArgumentException e) {
                LOG.warn("setting {} ignored: {}", EVALUATION_WEIGHTS, e.getMessage());
                return EvaluationRanking.fromSetting(DEFAULT_WEIGHTS);
              }
            });
  }

  private Future<JsonObject> read(String key) {
    return pool.preparedQuery("SELECT value FROM setting WHERE key = $1")
        .execute(Tuple.of(key))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return null;
              }
              Object v = rows.iterator().next().getValue("value");
              return v instanceof JsonObject o ? o : null;
            });
  }
}
