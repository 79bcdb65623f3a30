package org.hotline.telephony.ami.client;

/** Exponential backoff between reconnect attempts: initial, ×2 each failure, capped. */
public final class Backoff {
  private final long initialMs;
  private final long maxMs;
  private long nextMs;

  public Backoff(long initialMs, long maxMs) {
    if (initialMs <= 0 || maxMs < initialMs) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.nextMs = initialMs;
  }

  /** The delay before the next attempt; doubles the one after. */
  public long next() {
    long d = nextMs;
    nextMs = Math.min(maxMs, nextMs * 2);
    return d;
  }

  /** After a success: start again from the initial delay. */
  public void reset() {
    nextMs = initialMs;
  }
}
