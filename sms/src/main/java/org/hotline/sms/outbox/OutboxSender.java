package org.hotline.sms.outbox;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.sms.SmsAddresses;
import org.hotline.sms.smpp.SmppClient;
import org.hotline.sms.smpp.SubmitOutcome;
import org.hotline.sms.text.EncodedMessage;
import org.hotline.sms.text.Segmenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to the SMSC. Claims due rows with {@code FOR UPDATE SKIP LOCKED} (so several
 * nodes can run it), marks them 'submitting' under a lease, applies the {@link DispatchPolicy},
 * submits through the {@link SmppClient} with at most {@code 4 × window} messages in flight, and
 * records results in batches: 'submitted' with the SMSC id of each segment, or back to 'queued'
 * with a backoff (segments already accepted are not sent again), or 'failed'. Every {@code
 * receiptSweepMillis} it applies stored delivery receipts to their segments and settles messages as
 * delivered or failed.
 *
 * <p>Crash semantics (at-least-once): a node that dies leaves its rows 'submitting'; once the lease
 * expires any node claims them again and submits the segments that have no recorded SMSC id. A
 * segment the SMSC accepted whose response was lost in the crash is therefore sent twice; each copy
 * carries the outbox id in the {@link org.hotline.sms.smpp.MessageTag} TLV, and only the recorded
 * copy's receipt is matched, so delivery accounting counts each segment once. {@link #stop}
 * deliberately does not flush: stopping behaves like a crash.
 */
public final class OutboxSender extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Pool pool;
  private final SmppClient client;
  private final OutboxSettings settings;
  private final DispatchPolicy policy;
  private OutboxRepository repo;
  private Batcher<SendResult> results;
  private int inFlight;
  private boolean claiming;
  private boolean stopped;

  public OutboxSender(Pool pool, SmppClient client, OutboxSettings settings) {
    this.pool = pool;
    this.client = client;
    this.settings = settings;
    this.policy = settings.policy();
  }

  @Override
  public Future<?> start() {
    repo = new OutboxRepository(pool);
    results = new Batcher<>(context, 500, this::record);
    vertx.setPeriodic(settings.poll().toMillis(), id -> pump());
    vertx.setPeriodic(settings.receiptSweep().toMillis(), id -> sweep());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return Future.succeededFuture();
  }

  /** Messages handed to the client at once: enough to keep the submit window full. */
  private int maxInFlight() {
    return client.config().window() * 4;
  }

  /** Claims more when at most half the in-flight allowance is used, so claims come in batches. */
  private void pump() {
    if (stopped || claiming || !client.isBound() || inFlight > maxInFlight() / 2) {
      return;
    }
    int limit = Math.min(settings.batchSize(), maxInFlight() - inFlight);
    claiming = true;
    repo.claim(limit, settings.lease())
        .compose(this::dispatch)
        .onComplete(
            ar -> {
              claiming = false;
              if (ar.failed() && !stopped) {
                log.warn("outbox claim failed: {}", ar.cause().toString());
              } else if (ar.result() == limit) {
                pump();
              }
            });
  }

  /** Applies the policy to claimed rows and starts the sendable ones; returns rows claimed. */
  private Future<Integer> dispatch(List<ClaimedMessage> claimed) {
    Instant now = Instant.now();
    Map<String, Integer> sentNow = new HashMap<>();
    for (ClaimedMessage m : claimed) {
      int already = m.sentThisHour() + sentNow.getOrDefault(m.number(), 0);
      DispatchPolicy.Decision d =
          policy.decide(m.kind(), m.urgent(), m.createdAt(), m.optedOut(), already, now);
      switch (d.action()) {
        case FAIL -> results.add(result(m, "failed", Map.of(), null, d.reason(), false));
        case DEFER -> results.add(result(m, "queued", Map.of(), d.until(), d.reason(), true));
        case SEND -> {
          sentNow.merge(m.number(), 1, Integer::sum);
          send(m);
        }
      }
    }
    return repo.countSent(sentNow).map(v -> claimed.size());
  }

  private void send(ClaimedMessage m) {
    EncodedMessage encoded = Segmenter.split(m.text(), (int) (m.id() & 0xFF));
    inFlight++;
    client
        .submit(m.id(), m.number(), encoded, m.sentSegments())
        .whenComplete(
            (outcome, err) ->
                context.runOnContext(
                    v -> {
                      inFlight--;
                      if (!stopped) {
                        results.add(toResult(m, outcome, err));
                      }
                      pump();
                    }));
  }

  private SendResult toResult(ClaimedMessage m, SubmitOutcome o, Throwable err) {
    if (err != null) {
      return retryOrFail(m, Map.of(), err.toString());
    }
    if (o.complete()) {
      return result(m, "submitted", o.smscIds(), null, null, false);
    }
    if (o.permanent()) {
      log.warn("message {} to {} refused by SMSC: {}", m.id(), m.number(), o.error());
      return result(m, "failed", o.smscIds(), null, o.error(), false);
    }
    return retryOrFail(m, o.smscIds(), o.error());
  }

  private SendResult retryOrFail(ClaimedMessage m, Map<Integer, String> ids, String error) {
    Instant next = Instant.now().plus(Backoff.afterAttempt(m.attempts()));
    if (m.createdAt().plus(settings.maxAge()).isBefore(next)) {
      return result(m, "failed", ids, null, "gave up: " + error, false);
    }
    log.debug("message {} will be retried at {}: {}", m.id(), next, error);
    return result(m, "queued", ids, next, error, false);
  }

  private static SendResult result(
      ClaimedMessage m,
      String state,
      Map<Integer, String> ids,
      Instant next,
      String error,
      boolean deferred) {
    return new SendResult(m.id(), state, ids, System.currentTimeMillis(), next, error, deferred);
  }

  private Future<?> record(List<SendResult> batch) {
    if (stopped) {
      return Future.succeededFuture();
    }
    return repo.record(batch)
        .onSuccess(this::publish)
        .onFailure(
            e -> log.error("recording {} send results failed: {}", batch.size(), e.toString()));
  }

  private boolean sweeping;

  private void sweep() {
    if (!stopped && !sweeping) {
      sweeping = true;
      repo.sweepReceipts()
          .onSuccess(this::publish)
          .onFailure(e -> log.warn("receipt sweep failed: {}", e.toString()))
          .onComplete(ar -> sweeping = false);
    }
  }

  private void publish(List<StatusChange> changes) {
    for (StatusChange c : changes) {
      vertx.eventBus().publish(SmsAddresses.MT_STATUS, c.toJson());
    }
  }
}
