package org.hotline.sms.outbox;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Sender settings, from the verticle config: {@code batchSize} (200 rows per claim), {@code
 * pollMillis} (200), {@code leaseSeconds} (120: a row left 'submitting' longer than this by a
 * crashed node is claimed again), {@code maxAgeHours} (24: then failed), {@code quietHours}
 * ("22:00-08:00"; HOTLINE_SMS_QUIET_HOURS; empty for none), {@code zone} (Asia/Shanghai), {@code
 * perNumberPerHour} (30 outbound; 0 = no limit), {@code inboundPerNumberPerHour} (60).
 */
public record OutboxSettings(
    int batchSize,
    Duration poll,
    Duration lease,
    Duration maxAge,
    QuietHours quietHours,
    int perNumberPerHour,
    int inboundPerNumberPerHour,
    Duration receiptSweep) {

  public static OutboxSettings fromJson(JsonObject c) {
    ZoneId zone = ZoneId.of(c.getString("zone", "Asia/Shanghai"));
    return new OutboxSettings(
        c.getInteger("batchSize", 200),
        Duration.ofMillis(c.getInteger("pollMillis", 200)),
        Duration.ofSeconds(c.getInteger("leaseSeconds", 120)),
        Duration.ofHours(c.getInteger("maxAgeHours", 24)),
        QuietHours.parse(c.getString("quietHours", "22:00-08:00"), zone),
        c.getInteger("perNumberPerHour", 30),
        c.getInteger("inboundPerNumberPerHour", 60),
        Duration.ofMillis(c.getInteger("receiptSweepMillis", 250)));
  }

  public DispatchPolicy policy() {
    return new DispatchPolicy(quietHours, maxAge, perNumberPerHour);
  }
}
