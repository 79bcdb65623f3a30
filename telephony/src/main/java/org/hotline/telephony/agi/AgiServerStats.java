package org.hotline.telephony.agi;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of a {@link FastAgiServer}. A session counts as active from the accepted connection
 * until its socket is closed and its script has finished. Thread-safe.
 */
public final class AgiServerStats {
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final LongAdder total = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder protocolErrors = new LongAdder();
  private final LongAdder commandTimeouts = new LongAdder();
  private final LongAdder scriptFailures = new LongAdder();
  private volatile TurnaroundRecorder turnaroundRecorder = (command, nanos) -> {};

  /** Sessions open now (socket open or script still running). */
  public int activeSessions() {
    return active.get();
  }

  /** Most sessions open at once since start. */
  public int peakSessions() {
    return peak.get();
  }

  public long totalSessions() {
    return total.sum();
  }

  /** Connections closed at once because {@code maxSessions} was reached. */
  public long rejectedSessions() {
    return rejected.sum();
  }

  /** Sessions closed for garbage, truncated or oversized input. */
  public long protocolErrors() {
    return protocolErrors.sum();
  }

  public long commandTimeouts() {
    return commandTimeouts.sum();
  }

  /** Scripts that ended with an error other than a hang-up. */
  public long scriptFailures() {
    return scriptFailures.sum();
  }

  /**
   * Receives, for every command written after a reply (or after the environment block), the
   * nanoseconds between that reply's arrival and the command's write: the application's turnaround.
   * Called on event-loop threads; must be cheap and thread-safe.
   */
  public void setTurnaroundRecorder(TurnaroundRecorder recorder) {
    this.turnaroundRecorder = recorder == null ? (command, nanos) -> {} : recorder;
  }

  /** Receives the command line about to be written and its turnaround in nanoseconds. */
  @FunctionalInterface
  public interface TurnaroundRecorder {
    void record(String command, long nanos);
  }

  void sessionStarted() {
    total.increment();
    peak.accumulateAndGet(active.incrementAndGet(), Math::max);
  }

  void sessionEnded() {
    active.decrementAndGet();
  }

  void sessionRejected() {
    rejected.increment();
  }

  void protocolError() {
    protocolErrors.increment();
  }

  void commandTimeout() {
    commandTimeouts.increment();
  }

  void scriptFailed() {
    scriptFailures.increment();
  }

  void turnaround(String command, long nanos) {
    turnaroundRecorder.record(command, nanos);
  }
}
