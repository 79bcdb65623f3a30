package org.hotline.sms.smpp;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hotline.sms.text.EncodedMessage;
import org.hotline.sms.text.Segment;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ESME side of the SMPP link (jsmpp, blocking): keeps a transceiver (or a transmitter plus a
 * receiver) bound, submits messages segment by segment in order on a pool of {@code window} threads
 * (so at most {@code window} submit_sm are outstanding), paces them with a {@link RateLimiter}, and
 * on ESME_RTHROTTLED / ESME_RMSGQFUL slows down and retries instead of failing. Results are {@link
 * CompletableFuture}s completed on the submit threads; the caller hops back to its Vert.x context.
 * Thread-safe.
 */
public final class SmppClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmppClient.class);
  static final int ESME_RMSGQFUL = 0x14;
  static final int ESME_RTHROTTLED = 0x58;
  private static final Set<Integer> PERMANENT =
      Set.of(0x01, 0x0A, 0x0B, 0x0C, 0x48, 0x49, 0x50, 0x51, 0x61, 0x62, 0x66);
  private static final int MAX_THROTTLE_RETRIES = 30;

  private final SmppConfig config;
  private final RateLimiter rateLimiter;
  private final ScheduledExecutorService linkScheduler;
  private final ExecutorService submitPool;
  private final SmppBinding transmitter;
  private final SmppBinding receiver;
  private final AtomicInteger throttled = new AtomicInteger();

  /**
   * @param onLinkChange called (on a jsmpp or link thread) with the new bound state
   */
  public SmppClient(SmppConfig config, InboundHandler inbound, Consumer<Boolean> onLinkChange) {
    this.config = config;
    this.rateLimiter = new RateLimiter(config.ratePerSecond());
    this.linkScheduler = Executors.newSingleThreadScheduledExecutor(Threads.daemon("smpp-link"));
    this.submitPool = Executors.newFixedThreadPool(config.window(), Threads.daemon("smpp-submit"));
    DeliverSmListener listener = new DeliverSmListener(inbound);
    Runnable change = () -> onLinkChange.accept(isBound());
    if (config.bindMode() == BindMode.TRX) {
      transmitter = new SmppBinding(config, BindType.BIND_TRX, listener, linkScheduler, change);
      receiver = transmitter;
    } else {
      transmitter = new SmppBinding(config, BindType.BIND_TX, listener, linkScheduler, change);
      receiver = new SmppBinding(config, BindType.BIND_RX, listener, linkScheduler, change);
    }
  }

  /** Starts binding in the background; returns at once. */
  public void start() {
    transmitter.start();
    if (receiver != transmitter) {
      receiver.start();
    }
  }

  /** True when able to send and to receive. */
  public boolean isBound() {
    return transmitter.isBound() && receiver.isBound();
  }

  public SmppConfig config() {
    return config;
  }

  /** Times the SMSC answered ESME_RTHROTTLED or ESME_RMSGQFUL. */
  public int throttledCount() {
    return throttled.get();
  }

  public double currentRate() {
    return rateLimiter.currentRate();
  }

  /**
   * Submits the segments of a message in order, skipping {@code alreadySent} segment numbers. Never
   * fails the future: errors are reported in the outcome.
   */
  public CompletableFuture<SubmitOutcome> submit(
      long outboxId, String destination, EncodedMessage message, Set<Integer> alreadySent) {
    return CompletableFuture.supplyAsync(
        () -> submitNow(outboxId, destination, message, alreadySent), submitPool);
  }

  private SubmitOutcome submitNow(
      long outboxId, String destination, EncodedMessage message, Set<Integer> alreadySent) {
    Map<Integer, String> ids = new HashMap<>();
    for (Segment seg : message.segments()) {
      if (alreadySent.contains(seg.seq())) {
        continue;
      }
      try {
        ids.put(seg.seq(), submitSegment(outboxId, destination, message, seg));
      } catch (NegativeResponseException e) {
        int status = e.getCommandStatus();
        return new SubmitOutcome(
            ids, String.format("submit_sm status 0x%02X", status), PERMANENT.contains(status));
      } catch (Exception e) {
        return new SubmitOutcome(ids, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
      }
    }
    return new SubmitOutcome(ids, null, false);
  }

  private String submitSegment(long outboxId, String destination, EncodedMessage m, Segment seg)
      throws Exception {
    for (int attempt = 0; ; attempt++) {
      SMPPSession session = transmitter.boundSession();
      if (session == null) {
        throw new java.io.IOException("SMPP link not bound");
      }
      rateLimiter.acquire();
      try {
        return session
            .submitShortMessage(
                "",
                TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN,
                config.sourceAddress(),
                destination.startsWith("+") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.ISDN,
                destination.startsWith("+") ? destination.substring(1) : destination,
                new ESMClass(seg.hasUdh() ? 0x40 : 0x00),
                (byte) 0,
                (byte) 1,
                null,
                null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                (byte) 0,
                DataCodings.newInstance(m.encoding().dataCoding()),
                (byte) 0,
                seg.payload(),
                tags(outboxId, seg))
            .getMessageId();
      } catch (NegativeResponseException e) {
        int status = e.getCommandStatus();
        if ((status != ESME_RTHROTTLED && status != ESME_RMSGQFUL)
            || attempt >= MAX_THROTTLE_RETRIES) {
          throw e;
        }
        throttled.incrementAndGet();
        rateLimiter.slowDown();
        long pause = Math.min(2_000, 50L << Math.min(attempt, 6));
        log.debug("SMSC throttled message {} seg {}; pausing {} ms", outboxId, seg.seq(), pause);
        java.util.concurrent.locks.LockSupport.parkNanos(pause * 1_000_000L);
      }
    }
  }

  private OptionalParameter[] tags(long outboxId, Segment seg) {
    if (!config.tagMessages()) {
      return new OptionalParameter[0];
    }
    byte[] tag = MessageTag.format(outboxId, seg.seq()).getBytes(StandardCharsets.US_ASCII);
    return new OptionalParameter[] {new OptionalParameter.OctetString(MessageTag.TAG, tag)};
  }

  @Override
  public void close() {
    submitPool.shutdownNow();
    linkScheduler.shutdownNow();
    transmitter.close();
    if (receiver != transmitter) {
      receiver.close();
    }
  }
}
