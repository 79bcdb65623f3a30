package org.hotline.telephony.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;

/**
 * Lock-free histogram of durations with 1 µs buckets up to 200 ms (slower ones count as 200 ms).
 */
final class TurnaroundHistogram implements LongConsumer {
  private static final int BUCKETS = 200_000;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong max = new AtomicLong();

  @Override
  public void accept(long nanos) {
    int micros = (int) Math.min(BUCKETS, Math.max(0, nanos / 1000));
    counts.incrementAndGet(micros);
    total.incrementAndGet();
    max.accumulateAndGet(nanos, Math::max);
  }

  long count() {
    return total.get();
  }

  /** The percentile in milliseconds (bucket upper bound). */
  double percentileMs(double percentile) {
    long n = total.get();
    if (n == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(percentile / 100.0 * n);
    long seen = 0;
    for (int i = 0; i <= BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return (i + 1) / 1000.0;
      }
    }
    return BUCKETS / 1000.0;
  }

  double maxMs() {
    return max.get() / 1e6;
  }
}
