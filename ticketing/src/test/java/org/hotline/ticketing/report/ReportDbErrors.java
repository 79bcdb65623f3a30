package org.hotline.ticketing.report;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** The message of a future that must fail (a test helper). */
final class ReportDbErrors {

  private ReportDbErrors() {}

  static String failure(Future<?> f) throws Exception {
    try {
      f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause().getMessage();
    }
    throw new AssertionError("expected a failure, got success");
  }
}
