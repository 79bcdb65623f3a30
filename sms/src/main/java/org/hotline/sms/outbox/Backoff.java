package org.hotline.sms.outbox;

import java.time.Duration;

/** Retry delay after the n-th failed attempt: 1 s, 2 s, 4 s … capped at 5 minutes. Pure. */
public final class Backoff {
  private static final Duration CAP = Duration.ofMinutes(5);

  private Backoff() {}

  public static Duration afterAttempt(int attempts) {
    int exp = Math.max(0, Math.min(attempts - 1, 20));
    Duration d = Duration.ofSeconds(1L << Math.min(exp, 9));
    return d.compareTo(CAP) > 0 ? CAP : d;
  }
}
