package org.hotline.sms.smpp;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound SMPP session that keeps itself bound: binds on start, and whenever the session closes
 * (peer drop, enquire_link timeout, unbind) binds again with exponential backoff between {@code
 * rebindMin} and {@code rebindMax}. jsmpp sends enquire_link when the link is idle. Thread-safe;
 * all binding happens on the given single-threaded scheduler.
 */
final class SmppBinding {

  private static final Logger log = LoggerFactory.getLogger(SmppBinding.class);

  private final SmppConfig config;
  private final BindType bindType;
  private final MessageReceiverListener receiver;
  private final ScheduledExecutorService scheduler;
  private final Runnable onChange;
  private volatile SMPPSession session;
  private volatile boolean closed;
  private Duration backoff;

  SmppBinding(
      SmppConfig config,
      BindType bindType,
      MessageReceiverListener receiver,
      ScheduledExecutorService scheduler,
      Runnable onChange) {
    this.config = config;
    this.bindType = bindType;
    this.receiver = receiver;
    this.scheduler = scheduler;
    this.onChange = onChange;
    this.backoff = config.rebindMin();
  }

  void start() {
    scheduler.execute(this::bind);
  }

  /** The session when bound, else null. */
  SMPPSession boundSession() {
    SMPPSession s = session;
    return s != null && s.getSessionState().isBound() ? s : null;
  }

  boolean isBound() {
    return boundSession() != null;
  }

  private void bind() {
    if (closed || isBound()) {
      return;
    }
    SMPPSession s = new SMPPSession();
    s.setEnquireLinkTimer((int) config.enquireLink().toMillis());
    s.setTransactionTimer(config.responseTimeout().toMillis());
    s.setPduProcessorDegree(config.receiverThreads());
    s.setQueueCapacity(Math.max(1000, config.window() * 4));
    s.setMessageReceiverListener(receiver);
    try {
      s.connectAndBind(
          config.host(),
          config.port(),
          new BindParameter(
              bindType,
              config.systemId(),
              config.password(),
              config.systemType(),
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              null));
      s.addSessionStateListener(
          (newState, oldState, src) -> {
            if (newState == SessionState.CLOSED && src == session) {
              log.warn("SMPP {} session to {}:{} closed", bindType, config.host(), config.port());
              onChange.run();
              scheduleBind();
            }
          });
      session = s;
      backoff = config.rebindMin();
      log.info(
          "SMPP {} bound to {}:{} as {}",
          bindType,
          config.host(),
          config.port(),
          config.systemId());
      onChange.run();
      if (!s.getSessionState().isBound()) {
        scheduleBind();
      }
    } catch (Exception e) {
      log.warn(
          "SMPP {} bind to {}:{} failed ({}); retrying in {} ms",
          bindType,
          config.host(),
          config.port(),
          e.toString(),
          backoff.toMillis());
      s.close();
      scheduleBind();
    }
  }

  private void scheduleBind() {
    if (closed) {
      return;
    }
    Duration wait = backoff;
    backoff =
        backoff.multipliedBy(2).compareTo(config.rebindMax()) > 0
            ? config.rebindMax()
            : backoff.multipliedBy(2);
    try {
      scheduler.schedule(this::bind, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("scheduler stopped; no rebind");
    }
  }

  void close() {
    closed = true;
    SMPPSession s = session;
    if (s != null) {
      s.unbindAndClose();
    }
  }
}
