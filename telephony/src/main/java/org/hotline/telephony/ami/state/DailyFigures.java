package org.hotline.telephony.ami.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Today's service figures (GB/T 33358): answered, answered within the service-level threshold (15
 * s), abandoned, abandon rate and average handle time, in total and per queue. The day is the
 * calendar day in the centre's time zone; counters restart at midnight.
 *
 * <p>Pure and single-threaded. Fed once per call event (not replayed after a resync).
 */
public final class DailyFigures {
  /** Counters of one queue (or of all queues). */
  public static final class Counters {
    private long answered;
    private long answeredWithinThreshold;
    private long abandoned;
    private long handled;
    private long handleSecondsTotal;

    public long answered() {
      return answered;
    }

    public long answeredWithinThreshold() {
      return answeredWithinThreshold;
    }

    public long abandoned() {
      return abandoned;
    }

    /** Abandoned share of calls offered (answered + abandoned), 0 when none. */
    public double abandonRate() {
      long offered = answered + abandoned;
      return offered == 0 ? 0 : (double) abandoned / offered;
    }

    /** Answered within the threshold, as a share of calls offered, 0 when none. */
    public double serviceLevel() {
      long offered = answered + abandoned;
      return offered == 0 ? 0 : (double) answeredWithinThreshold / offered;
    }

    /** Average talk time of the calls completed today, whole seconds. */
    public long avgHandleSeconds() {
      return handled == 0 ? 0 : Math.round((double) handleSecondsTotal / handled);
    }
  }

  private final ZoneId zone;
  private final long thresholdSeconds;
  private LocalDate day;
  private Counters total = new Counters();
  private final Map<String, Counters> perQueue = new LinkedHashMap<>();

  public DailyFigures(ZoneId zone, long thresholdSeconds) {
    this.zone = zone;
    this.thresholdSeconds = thresholdSeconds;
  }

  /** A queue call was answered after waiting {@code waitSeconds}. */
  public void answered(String queue, long waitSeconds, Instant at) {
    roll(at);
    for (Counters c : both(queue)) {
      c.answered++;
      if (waitSeconds <= thresholdSeconds) {
        c.answeredWithinThreshold++;
      }
    }
  }

  /** A caller abandoned the queue. */
  public void abandoned(String queue, Instant at) {
    roll(at);
    for (Counters c : both(queue)) {
      c.abandoned++;
    }
  }

  /** An answered queue call ended after {@code handleSeconds} of talk (and hold). */
  public void completed(String queue, long handleSeconds, Instant at) {
    roll(at);
    for (Counters c : both(queue)) {
      c.handled++;
      c.handleSecondsTotal += Math.max(0, handleSeconds);
    }
  }

  /** Today's totals as of {@code now} (zero right after midnight). */
  public Counters total(Instant now) {
    roll(now);
    return total;
  }

  /** Today's counters of one queue as of {@code now}. */
  public Counters queue(String queue, Instant now) {
    roll(now);
    return perQueue.getOrDefault(queue, new Counters());
  }

  private Counters[] both(String queue) {
    return new Counters[] {
      total, perQueue.computeIfAbsent(queue == null ? "" : queue, q -> new Counters())
    };
  }

  private void roll(Instant at) {
    LocalDate d = at.atZone(zone).toLocalDate();
    if (day == null || d.isAfter(day)) {
      day = d;
      total = new Counters();
      perQueue.clear();
    }
  }
}
