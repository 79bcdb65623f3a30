package org.hotline.ticketing.scheduler;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the deadline scheduler, read from the environment (HOTLINE_SCHEDULER_*).
 *
 * @param enabled whether this node competes for the scheduler at all
 * @param interval time between two sweeps on the leading node
 * @param warnPercent share of a deadline's time (working time, or natural time when urgent) after
 *     which the unit is warned
 * @param superviseGrace time after an overdue mark before automatic supervision (督办)
 * @param lockRetry how often a node that does not hold the lock tries again
 * @param batchSize orders handled per transaction
 * @param lockKey the PostgreSQL advisory lock key that elects the leader
 */
public record SchedulerSettings(
    boolean enabled,
    Duration interval,
    int warnPercent,
    Duration superviseGrace,
    Duration lockRetry,
    int batchSize,
    long lockKey) {

  /** Advisory lock key: "12345" + "SCHED" spelled in digits; any constant shared by all nodes. */
  public static final long DEFAULT_LOCK_KEY = 1234507243L;

  public SchedulerSettings {
    if (warnPercent < 1 || warnPercent > 99) {
      throw new IllegalArgumentException("HOTLINE_SCHEDULER_WARN_PERCENT must be 1..99");
    }
    if (interval.isNegative()
        || interval.isZero()
        || lockRetry.isNegative()
        || lockRetry.isZero()) {
      throw new IllegalArgumentException("scheduler intervals must be positive");
    }
    if (superviseGrace.isNegative()) {
      throw new IllegalArgumentException("HOTLINE_SCHEDULER_SUPERVISE_GRACE_MIN must be >= 0");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("HOTLINE_SCHEDULER_BATCH must be positive");
    }
  }

  public static SchedulerSettings defaults() {
    return new SchedulerSettings(
        true,
        Duration.ofSeconds(60),
        75,
        Duration.ofMinutes(120),
        Duration.ofSeconds(5),
        5000,
        DEFAULT_LOCK_KEY);
  }

  /**
   * Reads the HOTLINE_SCHEDULER_* variables; a bad value is an IllegalArgumentException naming it.
   */
  public static SchedulerSettings fromEnv(Map<String, String> env) {
    SchedulerSettings d = defaults();
    return new SchedulerSettings(
        Boolean.parseBoolean(env.getOrDefault("HOTLINE_SCHEDULER", "true").trim()),
        Duration.ofSeconds(number(env, "HOTLINE_SCHEDULER_INTERVAL_S", d.interval.toSeconds())),
        (int) number(env, "HOTLINE_SCHEDULER_WARN_PERCENT", d.warnPercent),
        Duration.ofMinutes(
            number(env, "HOTLINE_SCHEDULER_SUPERVISE_GRACE_MIN", d.superviseGrace.toMinutes())),
        Duration.ofSeconds(number(env, "HOTLINE_SCHEDULER_LOCK_RETRY_S", d.lockRetry.toSeconds())),
        (int) number(env, "HOTLINE_SCHEDULER_BATCH", d.batchSize),
        number(env, "HOTLINE_SCHEDULER_LOCK_KEY", d.lockKey));
  }

  public SchedulerSettings withInterval(Duration interval, Duration lockRetry) {
    return new SchedulerSettings(
        enabled, interval, warnPercent, superviseGrace, lockRetry, batchSize, lockKey);
  }

  public SchedulerSettings withSuperviseGrace(Duration grace) {
    return new SchedulerSettings(
        enabled, interval, warnPercent, grace, lockRetry, batchSize, lockKey);
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
    }
  }
}
