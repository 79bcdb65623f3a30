package org.hotline.telephony.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import org.hotline.telephony.agi.script.IvrPrompts;
import org.hotline.telephony.sim.agi.LiveAgiCall;

/** One call a person placed through {@link SimulatedCalls}: where it is, what the IVR did. */
final class SimulatedCall {
  enum State {
    IVR,
    QUEUED,
    TALKING,
    ENDED
  }

  final String id;
  final String caller;
  final String script;
  private final Clock clock;
  private final JsonArray log = new JsonArray();
  State state = State.IVR;
  LiveAgiCall live;
  final StringBuilder typedAhead = new StringBuilder();
  String route;
  String agent;
  Map<String, String> variables = Map.of();

  SimulatedCall(String id, String caller, String script, Clock clock) {
    this.id = id;
    this.caller = caller;
    this.script = script;
    this.clock = clock;
    note("call", caller + " → 12345");
  }

  boolean ended() {
    return state == State.ENDED;
  }

  void note(String kind, String detail) {
    log.add(
        new JsonObject()
            .put("at", clock.instant().toString())
            .put("kind", kind)
            .put("detail", detail));
  }

  void keysPressed(String digits) {
    note("dtmf", digits);
  }

  /** An AGI command of the IVR, as a person would read it: prompts with their Chinese text. */
  void ivrCommand(String line) {
    String[] w = line.split(" ");
    String verb = w.length >= 2 ? w[0] + " " + w[1] : w[0];
    switch (verb.toUpperCase(java.util.Locale.ROOT)) {
      case "STREAM FILE", "GET DATA" -> {
        String prompt = w.length > 2 ? w[2] : "";
        JsonObject e = entry("GET DATA".equalsIgnoreCase(verb) ? "ask" : "play", prompt);
        e.put("text", IvrPrompts.text(prompt));
        log.add(e);
      }
      case "SAY DIGITS" -> log.add(entry("say-digits", w.length > 2 ? w[2] : ""));
      case "SAY DATE" -> log.add(entry("say-date", w.length > 2 ? w[2] : ""));
      case "SET VARIABLE" -> log.add(entry("set", line.substring(Math.min(line.length(), 13))));
      case "RECORD FILE" -> log.add(entry("record", w.length > 2 ? w[2] : ""));
      case "ANSWER" -> log.add(entry("answer", ""));
      case "HANGUP" -> log.add(entry("ivr-hangup", ""));
      case "WAIT FOR" -> log.add(entry("wait-for-digit", line));
      default -> {} // VERBOSE, CHANNEL STATUS, GET VARIABLE: nothing a caller hears
    }
  }

  private JsonObject entry(String kind, String detail) {
    return new JsonObject()
        .put("at", clock.instant().toString())
        .put("kind", kind)
        .put("detail", detail);
  }

  JsonObject json() {
    return new JsonObject()
        .put("id", id)
        .put("caller", caller)
        .put("script", script)
        .put("state", state.name().toLowerCase(java.util.Locale.ROOT))
        .put("route", route)
        .put("agent", agent)
        .put(
            "variables",
            new JsonObject(
                Map.copyOf(variables).entrySet().stream()
                    .collect(
                        java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> (Object) e.getValue()))))
        .put("ivr", log.copy());
  }
}
