package org.hotline.sms.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hotline.sms.text.DeliveryReceipt;
import org.hotline.sms.text.DeliveryReceiptParser;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the simulator's delivery receipts (deliver_sm, esm_class 0x04) after a delay, a share of
 * them UNDELIV. Like a real SMSC it keeps a receipt until an ESME receiver is bound and has
 * acknowledged it, retrying every 200 ms. Thread-safe.
 */
final class ReceiptSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReceiptSender.class);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);
  private static final Duration RETRY = Duration.ofMillis(200);

  private final Supplier<SMPPServerSession> receiver;
  private final ScheduledExecutorService pool;
  private final Map<String, StoredSegment> awaiting = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private volatile double failureShare;
  private volatile boolean closed;

  ReceiptSender(Supplier<SMPPServerSession> receiver, double failureShare, ThreadFactory threads) {
    this.receiver = receiver;
    this.failureShare = failureShare;
    this.pool = Executors.newScheduledThreadPool(32, threads);
  }

  /** Remembers a segment that asked for a receipt (before its submit_sm_resp is sent). */
  void expect(StoredSegment seg) {
    awaiting.put(seg.messageId(), seg);
  }

  void schedule(String messageId, Duration delay) {
    if (closed || !awaiting.containsKey(messageId)) {
      return;
    }
    pool.schedule(() -> send(messageId), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  void failShare(double share) {
    failureShare = share;
  }

  int sent() {
    return sent.get();
  }

  private void send(String messageId) {
    StoredSegment seg = awaiting.get(messageId);
    SMPPServerSession s = receiver.get();
    if (seg == null || closed) {
      return;
    }
    if (s == null) {
      schedule(messageId, RETRY);
      return;
    }
    boolean ok = ThreadLocalRandom.current().nextDouble() >= failureShare;
    String date = DATE.format(Instant.now());
    String text =
        DeliveryReceiptParser.format(
            new DeliveryReceipt(
                messageId,
                1,
                ok ? 1 : 0,
                date,
                date,
                ok ? "DELIVRD" : "UNDELIV",
                ok ? "000" : "001",
                ""));
    try {
      s.deliverShortMessage(
          "",
          TypeOfNumber.INTERNATIONAL,
          NumberingPlanIndicator.ISDN,
          seg.destination(),
          TypeOfNumber.UNKNOWN,
          NumberingPlanIndicator.UNKNOWN,
          seg.source(),
          new ESMClass(0x04),
          (byte) 0,
          (byte) 0,
          new RegisteredDelivery(0),
          new GeneralDataCoding(),
          text.getBytes(StandardCharsets.US_ASCII));
      awaiting.remove(messageId);
      sent.incrementAndGet();
    } catch (Exception e) {
      log.debug("receipt {} not delivered yet: {}", messageId, e.toString());
      schedule(messageId, RETRY);
    }
  }

  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
  }
}
