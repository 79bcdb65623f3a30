package org.hotline.sms.smpp;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Paces submissions to at most the configured rate (evenly spaced, no bursts beyond one second of
 * credit). On throttling the current rate halves — at most once per quarter second, however many
 * submits were throttled together, and never below 5% of the ceiling (or 1/s) — then recovers by
 * 10% of the ceiling per second. Thread-safe. A ceiling of 0 means unlimited.
 */
public final class RateLimiter {

  private final int ceiling;
  private final LongSupplier nanoClock;
  private double rate;
  private long nextFreeNanos;
  private long lastAdjustNanos;
  private long lastSlowDownNanos = Long.MIN_VALUE / 2;

  public RateLimiter(int permitsPerSecond) {
    this(permitsPerSecond, System::nanoTime);
  }

  RateLimiter(int permitsPerSecond, LongSupplier nanoClock) {
    this.ceiling = permitsPerSecond;
    this.rate = permitsPerSecond;
    this.nanoClock = nanoClock;
    this.nextFreeNanos = nanoClock.getAsLong();
    this.lastAdjustNanos = nextFreeNanos;
  }

  /** Blocks the calling (worker) thread until a permit is available. */
  public void acquire() {
    long wait = reserve();
    while (wait > 0) {
      LockSupport.parkNanos(wait);
      wait = 0;
    }
  }

  /** Reserves a permit and returns how many nanoseconds to wait for it. */
  synchronized long reserve() {
    if (ceiling == 0) {
      return 0;
    }
    long now = nanoClock.getAsLong();
    recover(now);
    long interval = (long) (1_000_000_000L / rate);
    long earliest = Math.max(nextFreeNanos, now - 1_000_000_000L);
    nextFreeNanos = earliest + interval;
    return Math.max(0, earliest - now);
  }

  /** Called on ESME_RTHROTTLED / ESME_RMSGQFUL: halve the rate. */
  public synchronized void slowDown() {
    if (ceiling == 0) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (now - lastSlowDownNanos < 250_000_000L) {
      return;
    }
    rate = Math.max(Math.max(1.0, ceiling / 20.0), rate / 2);
    lastSlowDownNanos = now;
    lastAdjustNanos = now;
  }

  /** The current permitted rate per second (0 = unlimited). */
  public synchronized double currentRate() {
    return ceiling == 0 ? 0 : rate;
  }

  private void recover(long now) {
    if (rate >= ceiling) {
      return;
    }
    double seconds = (now - lastAdjustNanos) / 1e9;
    if (seconds >= 1) {
      rate = Math.min(ceiling, rate + ceiling * 0.10 * Math.floor(seconds));
      lastAdjustNanos = now;
    }
  }
}
