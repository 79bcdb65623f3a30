package org.hotline.telephony.agi.script;

import static org.hotline.telephony.TelephonyAddresses.VAR_LANGUAGE;
import static org.hotline.telephony.TelephonyAddresses.VAR_PRIORITY;
import static org.hotline.telephony.TelephonyAddresses.VAR_PROFILE;
import static org.hotline.telephony.TelephonyAddresses.VAR_QUEUE;
import static org.hotline.telephony.TelephonyAddresses.VAR_ROUTE;

import io.vertx.core.Future;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.hotline.telephony.agi.AgiChannel;
import org.hotline.telephony.agi.AgiHangupException;
import org.hotline.telephony.agi.AgiReply;

/**
 * One run of the {@code hotline} script. Flow: ANSWER while asking the core about the caller;
 * blocked → polite prompt, hang up; otherwise set the queue variables, play the greeting (keys 2
 * and 0 interrupt it), key 2 → order progress; then voicemail (no agent, or wait too long) or
 * {@code HOTLINE_ROUTE=queue} and back to the dialplan. A hang-up after the greeting started and
 * before routing is published as missed. Runs on the session's event loop.
 */
final class HotlineCall {
  private static final String GREETING_KEYS = "20";
  private static final int SAMPLES_PER_SECOND = 8000;
  private static final Pattern ORDER_NUMBER = Pattern.compile("[0-9]{4,20}");

  private enum Stage {
    START("start"),
    GREETING("greeting"),
    ORDER_STATUS("order-status"),
    VOICEMAIL_OFFER("voicemail-offer"),
    VOICEMAIL("voicemail");

    final String wire;

    Stage(String wire) {
      this.wire = wire;
    }
  }

  private final AgiChannel channel;
  private final IvrCore core;
  private final IvrSettings settings;
  private final String callId;
  private final String number;
  private Stage stage = Stage.START;
  private boolean routed;

  HotlineCall(AgiChannel channel, IvrCore core, IvrSettings settings) {
    this.channel = channel;
    this.core = core;
    this.settings = settings;
    this.callId = channel.request().uniqueId();
    this.number = channel.request().callerId();
  }

  Future<Void> run() {
    Future<CallerInfo> caller =
        core.lookupCaller(
            callId, number, channel.request().dnid(), channel.request().channelName());
    return Future.all(channel.answer(), caller)
        .compose(both -> caller.result().blocked() ? refuse() : intake(caller.result()))
        .recover(this::onFailure);
  }

  // ---- blocked ----

  private Future<Void> refuse() {
    routed = true;
    return channel
        .setVariable(VAR_ROUTE, "blocked")
        .compose(r -> channel.streamFile(IvrPrompts.BLOCKED, ""))
        .compose(r -> channel.hangup())
        .mapEmpty();
  }

  // ---- intake ----

  private Future<Void> intake(CallerInfo caller) {
    String priority = String.valueOf(caller.priority());
    return Future.all(
            channel.setVariable(VAR_PROFILE, caller.profileId()),
            channel.setVariable(VAR_PRIORITY, priority),
            channel.setVariable(VAR_LANGUAGE, settings.language()),
            channel.setVariable(VAR_QUEUE, settings.queueName()),
            channel.setVariable("QUEUE_PRIORITY", priority),
            channel.setVariable("QUEUE_PRIO", priority))
        .compose(all -> greet(caller))
        .compose(key -> key == '2' ? orderStatus(0) : Future.succeededFuture())
        .compose(v -> needsVoicemail(caller) ? voicemail(caller) : toQueue());
  }

  private Future<Character> greet(CallerInfo caller) {
    if (channel.isHungUp()) {
      return Future.failedFuture(new AgiHangupException("hung up before the greeting"));
    }
    stage = Stage.GREETING;
    return channel
        .streamFile(IvrPrompts.welcome(caller.greeting()), GREETING_KEYS)
        .compose(reply -> ensureAlive(reply).map(v -> reply.digit()));
  }

  private boolean needsVoicemail(CallerInfo caller) {
    return !caller.staffed()
        || caller.voicemailOffered()
        || caller.expectedWaitSeconds() > settings.maxWaitSeconds();
  }

  private Future<Void> toQueue() {
    return channel.setVariable(VAR_ROUTE, "queue").onSuccess(r -> routed = true).mapEmpty();
  }

  // ---- key 2: order progress ----

  private Future<Void> orderStatus(int retries) {
    stage = Stage.ORDER_STATUS;
    return channel
        .getData(IvrPrompts.ORDER_ENTER, settings.digitTimeoutMs(), 20)
        .compose(reply -> ensureAlive(reply).map(v -> reply.result()))
        .compose(
            digits ->
                ORDER_NUMBER.matcher(digits).matches()
                    ? lookUpOrder(digits, retries)
                    : retryOrTransfer(IvrPrompts.INPUT_INVALID, retries));
  }

  private Future<Void> lookUpOrder(String orderNumber, int retries) {
    return core.orderStatus(callId, number, orderNumber)
        .compose(
            status -> {
              if (!status.available()) {
                return channel.streamFile(IvrPrompts.ORDER_UNAVAILABLE, "").mapEmpty();
              }
              if (!status.found()) {
                return retryOrTransfer(IvrPrompts.ORDER_NOT_FOUND, retries);
              }
              return readBack(orderNumber, status);
            });
  }

  private Future<Void> retryOrTransfer(String prompt, int retries) {
    if (retries < settings.maxRetries()) {
      return channel.streamFile(prompt, "").compose(r -> orderStatus(retries + 1));
    }
    return channel.streamFile(IvrPrompts.TRANSFER_AGENT, "").mapEmpty();
  }

  private Future<Void> readBack(String orderNumber, OrderStatus status) {
    OptionalLong due = status.dueEpochSeconds();
    Future<AgiReply> spoken =
        channel
            .streamFile(IvrPrompts.ORDER_NUMBER_IS, "")
            .compose(r -> channel.sayDigits(orderNumber, ""))
            .compose(r -> channel.streamFile(IvrPrompts.orderState(status.state()), ""));
    if (due.isPresent()) {
      spoken =
          spoken
              .compose(r -> channel.streamFile(IvrPrompts.ORDER_DUE, ""))
              .compose(r -> channel.sayDate(due.getAsLong(), ""));
    }
    return spoken.mapEmpty();
  }

  // ---- voicemail ----

  private Future<Void> voicemail(CallerInfo caller) {
    if (!caller.staffed()) {
      stage = Stage.VOICEMAIL;
      return channel.streamFile(IvrPrompts.VOICEMAIL_NO_AGENT, "").compose(r -> record());
    }
    stage = Stage.VOICEMAIL_OFFER;
    return channel
        .getData(IvrPrompts.VOICEMAIL_OFFER, 3000, 1)
        .compose(reply -> ensureAlive(reply).map(v -> reply.result()))
        .compose(key -> key.equals("1") ? record() : toQueue());
  }

  private Future<Void> record() {
    stage = Stage.VOICEMAIL;
    String base =
        settings.recordingsDir()
            + "/voicemail-"
            + callId.replaceAll("[^A-Za-z0-9._-]", "_")
            + "-"
            + System.currentTimeMillis();
    String file = base + "." + settings.recordFormat();
    return channel
        .record(base, settings.recordFormat(), "#", settings.recordMaxMs())
        .compose(
            reply -> {
              long seconds = reply.endpos().orElse(0) / SAMPLES_PER_SECOND;
              boolean hungUp = reply.resultAsInt(0) == -1;
              if (seconds < settings.minVoicemailSeconds()) {
                return hungUp
                    ? Future.failedFuture(new AgiHangupException("hung up while recording"))
                    : emptyMessage();
              }
              routed = true;
              return submitVoicemail(file, seconds)
                  .compose(v -> hungUp ? Future.succeededFuture() : thankAndHangUp());
            });
  }

  private Future<Void> submitVoicemail(String file, long seconds) {
    return core.voicemail(callId, number, file, seconds)
        .recover(
            err -> {
              core.missed(callId, number, Stage.VOICEMAIL.wire);
              return Future.succeededFuture("");
            })
        .mapEmpty();
  }

  private Future<Void> thankAndHangUp() {
    return channel
        .setVariable(VAR_ROUTE, "voicemail")
        .compose(r -> channel.streamFile(IvrPrompts.VOICEMAIL_THANKS, ""))
        .compose(r -> channel.hangup())
        .mapEmpty();
  }

  private Future<Void> emptyMessage() {
    core.missed(callId, number, Stage.VOICEMAIL.wire);
    routed = true;
    return channel
        .setVariable(VAR_ROUTE, "hangup")
        .compose(r -> channel.streamFile(IvrPrompts.VOICEMAIL_EMPTY, ""))
        .compose(r -> channel.hangup())
        .mapEmpty();
  }

  // ---- hang-up handling ----

  /**
   * A prompt that returns -1 was cut by a hang-up or is missing; {@code CHANNEL STATUS} tells them
   * apart (511 on a dead channel fails the future with {@link AgiHangupException}).
   */
  private Future<Void> ensureAlive(AgiReply reply) {
    if (reply.resultAsInt(0) != -1) {
      return Future.succeededFuture();
    }
    return channel.sendCommand("CHANNEL STATUS").mapEmpty();
  }

  /**
   * A hang-up ends the script normally (reported as missed after the greeting started). Any other
   * failure still tries to send the caller to an agent before the session ends.
   */
  private Future<Void> onFailure(Throwable failure) {
    if (!(failure instanceof AgiHangupException) && !channel.isHungUp()) {
      Future<Void> failed = Future.failedFuture(failure);
      return routed ? failed : channel.setVariable(VAR_ROUTE, "queue").transform(ar -> failed);
    }
    if (stage != Stage.START && !routed) {
      core.missed(callId, number, stage.wire);
    }
    return Future.succeededFuture();
  }
}
