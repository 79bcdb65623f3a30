package org.hotline.telephony.agi;

import static org.hotline.telephony.TelephonyAddresses.IVR_CALLER;
import static org.hotline.telephony.TelephonyAddresses.IVR_MISSED;
import static org.hotline.telephony.TelephonyAddresses.IVR_ORDER_STATUS;
import static org.hotline.telephony.TelephonyAddresses.IVR_VOICEMAIL;
import static org.hotline.telephony.TelephonyAddresses.SURVEY_RESULT;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for the ticketing core: real event-bus consumers on the IVR addresses that answer with
 * configurable JSON and remember every message they got. A null answer means "never reply".
 */
public final class FakeCore {
  private final Vertx vertx;
  private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();
  private final Map<String, Function<JsonObject, JsonObject>> answers = new ConcurrentHashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  public FakeCore(Vertx vertx) {
    this.vertx = vertx;
    answers.put(IVR_CALLER, body -> caller());
    answers.put(IVR_ORDER_STATUS, body -> new JsonObject().put("found", false));
    answers.put(IVR_VOICEMAIL, body -> new JsonObject().put("ticketNumber", "HL-20261128-0001"));
    answers.put(SURVEY_RESULT, body -> new JsonObject().put("ok", true));
  }

  /** A known caller in staffed hours with a short wait. */
  public static JsonObject caller() {
    return new JsonObject()
        .put("blocked", false)
        .put("knownCaller", true)
        .put("openOrders", 1)
        .put("priority", 3)
        .put("profileId", "P-42")
        .put("staffed", true)
        .put("greeting", "day")
        .put("expectedWaitSeconds", 20)
        .put("voicemailOffered", false);
  }

  public FakeCore answer(String address, Function<JsonObject, JsonObject> answer) {
    answers.put(address, answer);
    return this;
  }

  public FakeCore answer(String address, JsonObject reply) {
    return answer(address, body -> reply);
  }

  /** Registers the consumers (all addresses, including the published {@code missed}). */
  public FakeCore start() {
    for (String address :
        List.of(IVR_CALLER, IVR_ORDER_STATUS, IVR_VOICEMAIL, SURVEY_RESULT, IVR_MISSED)) {
      MessageConsumer<JsonObject> consumer =
          vertx
              .eventBus()
              .consumer(
                  address,
                  message -> {
                    received
                        .computeIfAbsent(address, a -> new CopyOnWriteArrayList<>())
                        .add(message.body());
                    Function<JsonObject, JsonObject> answer = answers.get(address);
                    JsonObject reply = answer == null ? null : answer.apply(message.body());
                    if (reply != null && message.replyAddress() != null) {
                      message.reply(reply);
                    }
                  });
      consumers.add(consumer);
    }
    return this;
  }

  public Future<Void> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  public List<JsonObject> received(String address) {
    return List.copyOf(received.getOrDefault(address, List.of()));
  }

  public void clear() {
    received.clear();
  }
}
