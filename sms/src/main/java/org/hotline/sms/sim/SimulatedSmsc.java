package org.hotline.sms.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.sms.smpp.MessageTag;
import org.hotline.sms.text.DecodedPart;
import org.hotline.sms.text.Segment;
import org.hotline.sms.text.Segmenter;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMSC that speaks SMPP 3.4 as the server over a real loopback socket, for tests, benchmarks and
 * running without an operator. It accepts binds with the configured credentials (rejects others
 * with ESME_RINVPASWD), stores every submit_sm and reassembles long messages, sends delivery
 * receipts after a delay (a share of them UNDELIV), keeps receipts for later when no receiver is
 * bound, injects MO messages, throttles on demand and can drop every connection. Thread-safe;
 * {@link #close()} stops everything.
 */
public final class SimulatedSmsc implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimulatedSmsc.class);
  private static final int ESME_RINVPASWD = 0x0E;

  /** Settings; {@code port} 0 picks a free port. */
  public record Options(
      int port, String systemId, String password, Duration receiptDelay, double failureShare) {
    public static Options defaults() {
      return new Options(0, "hotline", "secret", Duration.ofMillis(20), 0.0);
    }

    public Options withPort(int p) {
      return new Options(p, systemId, password, receiptDelay, failureShare);
    }

    public Options withCredentials(String id, String pw) {
      return new Options(port, id, pw, receiptDelay, failureShare);
    }

    public Options withReceipts(Duration delay, double failures) {
      return new Options(port, systemId, password, delay, failures);
    }
  }

  private final Options options;
  private final String idPrefix = Long.toString(System.nanoTime() % 1_000_000L, 36);
  private final AtomicLong idCounter = new AtomicLong();
  private final LoopbackServerConnectionFactory factory = new LoopbackServerConnectionFactory();
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final ReceivedStore store = new ReceivedStore();
  private final ReceiptSender receipts;
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger dropAfter = new AtomicInteger(-1);
  private final AtomicInteger bindsAccepted = new AtomicInteger();
  private final ExecutorService bindPool = Executors.newCachedThreadPool(daemon("smsc-bind"));
  private volatile double throttleShare;
  private volatile long throttleUntilNanos;
  private volatile boolean closed;
  private SMPPServerSessionListener listener;
  private Thread acceptor;

  public SimulatedSmsc(Options options) {
    this.options = options;
    this.receipts =
        new ReceiptSender(this::receiverSession, options.failureShare(), daemon("smsc-receipt"));
  }

  /** Binds the loopback socket and starts accepting; returns this for chaining. */
  public SimulatedSmsc start() throws IOException {
    listener = new SMPPServerSessionListener(options.port(), 0, 50, factory);
    listener.setPduProcessorDegree(8);
    listener.setQueueCapacity(2000);
    listener.setMessageReceiverListener(new SubmitHandler(this));
    listener.setResponseDeliveryListener(
        new ServerResponseDeliveryAdapter() {
          @Override
          public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession s) {
            receipts.schedule(result.getMessageId(), options.receiptDelay());
          }
        });
    acceptor = new Thread(this::acceptLoop, "smsc-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** The port actually bound on 127.0.0.1. */
  public int port() {
    return factory.boundPort();
  }

  // ---- controls used by tests and the benchmark -------------------------------------------

  /** Closes every bound session at once (the client must rebind). */
  public void dropConnections() {
    for (SMPPServerSession s : sessions) {
      s.close();
    }
    sessions.clear();
  }

  /** Drops every connection when the n-th next submit_sm arrives (after storing it). */
  public void dropAfterSubmits(int n) {
    dropAfter.set(n);
  }

  /** From now on a share (0..1) of delivery receipts say UNDELIV. */
  public void failReceipts(double share) {
    receipts.failShare(share);
  }

  /** Answers a share (0..1) of submit_sm with ESME_RTHROTTLED during the period. */
  public void throttle(double share, Duration period) {
    throttleShare = share;
    throttleUntilNanos = System.nanoTime() + period.toNanos();
  }

  /**
   * Injects an MO message from {@code from} to the service number, split and concatenated when long
   * (parts sent in order). Blocks until each deliver_sm is answered; returns the part count.
   */
  public int injectMo(String from, String text) throws Exception {
    List<Segment> parts =
        Segmenter.split(text, ThreadLocalRandom.current().nextInt(256)).segments();
    byte dc = Segmenter.split(text, 0).encoding().dataCoding();
    for (Segment part : parts) {
      injectRaw(from, dc, part.hasUdh(), part.payload());
    }
    return parts.size();
  }

  /** Injects one raw deliver_sm (for binary, malformed or out-of-order parts). */
  public void injectRaw(String from, byte dataCoding, boolean udhi, byte[] payload)
      throws Exception {
    SMPPServerSession s = receiverSession();
    if (s == null) {
      throw new IllegalStateException("no receiver bound");
    }
    ESMClass esm = new ESMClass(udhi ? 0x40 : 0x00);
    s.deliverShortMessage(
        "",
        TypeOfNumber.INTERNATIONAL,
        NumberingPlanIndicator.ISDN,
        from,
        TypeOfNumber.UNKNOWN,
        NumberingPlanIndicator.UNKNOWN,
        "12345",
        esm,
        (byte) 0,
        (byte) 0,
        new RegisteredDelivery(0),
        DataCodings.newInstance(dataCoding),
        payload);
  }

  // ---- what was received ------------------------------------------------------------------

  /** Every accepted submit_sm, in arrival order (duplicates included). */
  public List<StoredSegment> segments() {
    return store.segments();
  }

  /** Complete messages reassembled from accepted segments, in completion order. */
  public List<StoredMessage> messages() {
    return store.messages();
  }

  /** Segments whose gateway tag ("outboxId:seq") was accepted more than once, counted once each. */
  public int duplicateTags() {
    return store.duplicateTags();
  }

  /** How many times each gateway tag was accepted. */
  public Map<String, Integer> tagCounts() {
    return store.tagCounts();
  }

  /** submit_sm answered ESME_RTHROTTLED so far. */
  public int throttledCount() {
    return throttled.get();
  }

  public int receiptsSent() {
    return receipts.sent();
  }

  /** Binds accepted since start: a reconnect after a drop shows as a new bind. */
  public int bindsAccepted() {
    return bindsAccepted.get();
  }

  public int boundSessions() {
    return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
  }

  @Override
  public void close() {
    closed = true;
    dropConnections();
    try {
      if (listener != null) {
        listener.close();
      }
    } catch (IOException e) {
      log.debug("closing SMSC listener: {}", e.toString());
    }
    bindPool.shutdownNow();
    receipts.close();
  }

  // ---- internals ------------------------------------------------------------------------

  SubmitSmResult accept(SubmitSm submit) throws org.jsmpp.extra.ProcessRequestException {
    if (throttleShare > 0
        && System.nanoTime() < throttleUntilNanos
        && ThreadLocalRandom.current().nextDouble() < throttleShare) {
      throttled.incrementAndGet();
      throw new org.jsmpp.extra.ProcessRequestException("throttled", 0x58);
    }
    boolean udhi = (submit.getEsmClass() & 0x40) != 0;
    DecodedPart part = DecodedPart.decode(submit.getDataCoding(), udhi, submit.getShortMessage());
    OptionalParameter tagParam =
        OptionalParameters.get(MessageTag.TAG, submit.getOptionalParameters());
    String tag =
        tagParam instanceof OptionalParameter.OctetString o
            ? new String(o.getValue(), StandardCharsets.US_ASCII)
            : null;
    String id = idPrefix + Long.toHexString(idCounter.incrementAndGet());
    StoredSegment seg =
        new StoredSegment(
            id,
            submit.getSourceAddr(),
            submit.getDestAddress(),
            part.text(),
            part.reference(),
            part.total(),
            part.seq(),
            tag,
            submit.getDataCoding(),
            System.currentTimeMillis());
    store.add(seg);
    if ((submit.getRegisteredDelivery() & 0x03) != 0) {
      receipts.expect(seg);
    }
    if (dropAfter.get() > 0 && dropAfter.decrementAndGet() == 0) {
      log.info("simulated SMSC drops every connection after {}", id);
      bindPool.execute(this::dropConnections);
    }
    try {
      return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
    } catch (org.jsmpp.PDUStringException e) {
      throw new org.jsmpp.extra.ProcessRequestException("bad id", 0x08);
    }
  }

  private SMPPServerSession receiverSession() {
    for (SMPPServerSession s : sessions) {
      SessionState st = s.getSessionState();
      if (st == SessionState.BOUND_TRX || st == SessionState.BOUND_RX) {
        return s;
      }
    }
    return null;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        SMPPServerSession session = listener.accept();
        bindPool.execute(() -> awaitBind(session));
      } catch (IOException e) {
        if (!closed) {
          log.warn("SMSC accept failed: {}", e.toString());
        }
      }
    }
  }

  private void awaitBind(SMPPServerSession session) {
    try {
      BindRequest req = session.waitForBind(5_000);
      if (!options.systemId().equals(req.getSystemId())
          || !options.password().equals(req.getPassword())) {
        log.info("SMSC rejects bind of {}", req.getSystemId());
        req.reject(ESME_RINVPASWD);
        return;
      }
      req.accept("hotline-sim");
      sessions.add(session);
      bindsAccepted.incrementAndGet();
      session.addSessionStateListener(
          (newState, old, src) -> {
            if (!newState.isBound()) {
              sessions.remove(session);
            }
          });
    } catch (Exception e) {
      log.debug("bind not completed: {}", e.toString());
      session.close();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
