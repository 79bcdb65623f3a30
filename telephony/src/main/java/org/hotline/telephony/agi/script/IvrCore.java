package org.hotline.telephony.agi.script;

import static org.hotline.telephony.TelephonyAddresses.IVR_CALLER;
import static org.hotline.telephony.TelephonyAddresses.IVR_MISSED;
import static org.hotline.telephony.TelephonyAddresses.IVR_ORDER_STATUS;
import static org.hotline.telephony.TelephonyAddresses.IVR_VOICEMAIL;
import static org.hotline.telephony.TelephonyAddresses.SURVEY_RESULT;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's side of the event-bus contract with the core (see {@link
 * org.hotline.telephony.TelephonyAddresses}). Every request has a short timeout; lookups fall back
 * to defaults so that a silent core never holds a caller.
 */
public final class IvrCore {
  private static final Logger log = LoggerFactory.getLogger(IvrCore.class);

  private final EventBus bus;
  private final DeliveryOptions delivery;

  public IvrCore(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public Future<CallerInfo> lookupCaller(
      String callId, String number, String dnid, String channel) {
    JsonObject body =
        new JsonObject()
            .put("callId", callId)
            .put("number", number)
            .put("dnid", dnid)
            .put("channel", channel);
    return request(IVR_CALLER, body)
        .map(CallerInfo::fromJson)
        .otherwise(
            err -> {
              log.warn(
                  "call {}: no caller info from the core ({}), using defaults",
                  callId,
                  err.toString());
              return CallerInfo.fallback();
            });
  }

  public Future<OrderStatus> orderStatus(String callId, String number, String orderNumber) {
    JsonObject body =
        new JsonObject()
            .put("callId", callId)
            .put("number", number)
            .put("orderNumber", orderNumber);
    return request(IVR_ORDER_STATUS, body)
        .map(OrderStatus::fromJson)
        .otherwise(
            err -> {
              log.warn("call {}: order status unavailable ({})", callId, err.toString());
              return OrderStatus.unavailable();
            });
  }

  /** Fails when the core did not confirm; the caller then reports the call as missed. */
  public Future<String> voicemail(
      String callId, String number, String recording, long durationSeconds) {
    JsonObject body =
        new JsonObject()
            .put("callId", callId)
            .put("number", number)
            .put("recording", recording)
            .put("durationSeconds", durationSeconds)
            .put("recordedAt", Instant.now().toString());
    return request(IVR_VOICEMAIL, body).map(reply -> reply.getString("ticketNumber", ""));
  }

  public void missed(String callId, String number, String stage) {
    bus.publish(
        IVR_MISSED,
        new JsonObject()
            .put("callId", callId)
            .put("number", number)
            .put("at", Instant.now().toString())
            .put("stage", stage));
  }

  public Future<Boolean> surveyResult(
      String callId, String number, int score, String kind, String ref) {
    JsonObject body =
        new JsonObject()
            .put("callId", callId)
            .put("number", number)
            .put("score", score)
            .put("kind", kind)
            .put("ref", ref);
    return request(SURVEY_RESULT, body)
        .map(reply -> reply.getBoolean("ok", false))
        .otherwise(
            err -> {
              log.error("call {}: survey score {} not stored ({})", callId, score, err.toString());
              return false;
            });
  }

  private Future<JsonObject> request(String address, JsonObject body) {
    return bus.<Object>request(address, body, delivery)
        .map(Message::body)
        .map(reply -> reply instanceof JsonObject json ? json : new JsonObject());
  }
}
