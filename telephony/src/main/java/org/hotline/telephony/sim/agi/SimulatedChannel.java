package org.hotline.telephony.sim.agi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Asterisk side of one simulated AGI session, without I/O: given each command line, it says
 * what Asterisk 22 would answer (bytes as in the recorded transcripts), after how long, and whether
 * the out-of-band {@code HANGUP} line goes with it. Single-threaded.
 */
final class SimulatedChannel {
  static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
  static final String UNKNOWN = "510 Invalid or unknown command";
  static final String USAGE_SINGLE = "520 Invalid command syntax.  Proper usage not available.";
  static final String GARBAGE = "\u0007\u00ff?? ### garbage ###";

  static final Set<String> ALLOWED_WHEN_DEAD =
      Set.of(
          "VERBOSE",
          "GET VARIABLE",
          "GET FULL VARIABLE",
          "SET VARIABLE",
          "EXEC",
          "DATABASE PUT",
          "DATABASE GET",
          "DATABASE DEL",
          "NOOP");
  private static final Set<String> APPLICATIONS =
      Set.of(
          "NoOp",
          "Playback",
          "Set",
          "Wait",
          "Verbose",
          "Log",
          "MixMonitor",
          "Background",
          "Answer",
          "Hangup",
          "Queue",
          "Dial",
          "Goto",
          "SayDigits",
          "Record",
          "Progress",
          "Ringing",
          "MusicOnHold");
  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  /** What to send for one command. */
  record Outcome(
      long delayMs, List<String> lines, boolean noticeBefore, boolean noticeAfter, boolean silent) {
    static Outcome now(String line) {
      return new Outcome(0, List.of(line), false, false, false);
    }

    static Outcome after(long delayMs, String line) {
      return new Outcome(delayMs, List.of(line), false, false, false);
    }
  }

  private final SimCallPlan plan;
  private final Deque<DtmfInput> inputs;
  private final Map<String, String> variables;
  private final Map<String, String> database = new HashMap<>();
  private final List<String> recordings = new ArrayList<>();
  private boolean dead;

  SimulatedChannel(SimCallPlan plan, Map<String, String> environment) {
    this.plan = plan;
    this.inputs = new ArrayDeque<>(plan.inputs);
    this.variables = new HashMap<>(plan.variables);
    variables.put("UNIQUEID", environment.get("agi_uniqueid"));
    variables.put("CALLERID(num)", environment.get("agi_callerid"));
    variables.put("CHANNEL(language)", environment.get("agi_language"));
  }

  boolean isDead() {
    return dead;
  }

  Map<String, String> variables() {
    return variables;
  }

  List<String> recordings() {
    return recordings;
  }

  Outcome handle(int index, String line) {
    if (index == plan.garbageAtCommand) {
      return Outcome.now(GARBAGE);
    }
    if (index == plan.silentAtCommand) {
      return new Outcome(0, List.of(), false, false, true);
    }
    AgiCommandWords command = AgiCommandWords.parse(line);
    if (command.verb() == null
        || (plan.refusedCommandPrefix != null && line.startsWith(plan.refusedCommandPrefix))) {
      return Outcome.now(UNKNOWN);
    }
    if (!command.arityOk()) {
      return usage(command.verb());
    }
    boolean hangsUpNow =
        !dead
            && (index == plan.hangupAtCommand
                || (plan.hangupOnCommandPrefix != null
                    && line.startsWith(plan.hangupOnCommandPrefix)));
    if (hangsUpNow) {
      dead = true;
      Outcome interrupted = interrupted(command);
      if (interrupted != null) {
        return interrupted;
      }
      Outcome asDead =
          ALLOWED_WHEN_DEAD.contains(command.verb()) ? alive(command) : Outcome.now(DEAD);
      return new Outcome(asDead.delayMs(), asDead.lines(), true, false, false);
    }
    if (dead && !ALLOWED_WHEN_DEAD.contains(command.verb())) {
      return Outcome.now(DEAD);
    }
    return alive(command);
  }

  private Outcome usage(String verb) {
    if (plan.usageStyle == SimCallPlan.UsageStyle.SINGLE_LINE) {
      return Outcome.now(USAGE_SINGLE);
    }
    return new Outcome(
        0,
        List.of(
            "520-Invalid command syntax.  Proper usage follows:",
            " Usage: " + verb + " <arguments>",
            "     See the Asterisk documentation of " + verb + ".",
            "520 End of proper usage."),
        false,
        false,
        false);
  }

  /** The reply of a media command cut by the caller's hang-up, or null for other commands. */
  private Outcome interrupted(AgiCommandWords c) {
    long length =
        switch (c.verb()) {
          case "STREAM FILE" -> promptMs(c.arg(0, ""));
          case "RECORD FILE" -> c.longArg(3, 10_000);
          case "GET DATA",
              "WAIT FOR DIGIT",
              "SAY DIGITS",
              "SAY DATE",
              "SAY NUMBER",
              "SAY DATETIME",
              "EXEC" ->
              2000;
          default -> -1;
        };
    if (length < 0) {
      return null;
    }
    long cut = plan.hangupAfterMs >= 0 ? Math.min(plan.hangupAfterMs, length) : length / 2;
    String line =
        switch (c.verb()) {
          case "STREAM FILE" -> "200 result=-1 endpos=" + cut * 8;
          case "RECORD FILE" -> "200 result=-1 (hangup) endpos=" + cut * 8;
          default -> "200 result=-1";
        };
    if (c.verb().equals("RECORD FILE")) {
      recordings.add(c.arg(0, "") + "." + c.arg(1, ""));
    }
    return new Outcome(cut, List.of(line), false, true, false);
  }

  private Outcome alive(AgiCommandWords c) {
    return switch (c.verb()) {
      case "ANSWER", "NOOP" -> Outcome.now("200 result=0");
      case "CHANNEL STATUS" -> Outcome.now("200 result=6");
      case "VERBOSE" -> Outcome.now("200 result=1");
      case "SET VARIABLE" -> {
        variables.put(c.arg(0, ""), c.arg(1, ""));
        yield Outcome.now("200 result=1");
      }
      case "GET VARIABLE" -> valueReply(variables.get(c.arg(0, "")));
      case "GET FULL VARIABLE" -> Outcome.now("200 result=1 (" + expand(c.arg(0, "")) + ")");
      case "DATABASE PUT" -> {
        database.put(c.arg(0, "") + "/" + c.arg(1, ""), c.arg(2, ""));
        yield Outcome.now("200 result=1");
      }
      case "DATABASE GET" -> valueReply(database.get(c.arg(0, "") + "/" + c.arg(1, "")));
      case "DATABASE DEL" ->
          Outcome.now(
              database.remove(c.arg(0, "") + "/" + c.arg(1, "")) != null
                  ? "200 result=1"
                  : "200 result=0");
      case "EXEC" -> exec(c);
      case "HANGUP" -> {
        dead = true;
        yield new Outcome(0, List.of("200 result=1"), false, true, false);
      }
      case "STREAM FILE" -> streamFile(c);
      case "GET DATA" -> getData(c);
      case "WAIT FOR DIGIT" -> waitForDigit(c);
      case "RECORD FILE" -> recordFile(c);
      case "SAY DIGITS", "SAY NUMBER" ->
          Outcome.after(400L * c.arg(0, "").length(), "200 result=0");
      default -> Outcome.after(2000, "200 result=0");
    };
  }

  private static Outcome valueReply(String value) {
    return Outcome.now(value == null ? "200 result=0" : "200 result=1 (" + value + ")");
  }

  private String expand(String expression) {
    Matcher m = VARIABLE_REFERENCE.matcher(expression);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Outcome exec(AgiCommandWords c) {
    String app = c.arg(0, "");
    if (!APPLICATIONS.contains(app)) {
      return Outcome.now("200 result=-2");
    }
    long length = app.equals("Playback") ? promptMs(c.arg(1, "")) : 0;
    return Outcome.after(length, "200 result=0");
  }

  private Outcome streamFile(AgiCommandWords c) {
    String file = c.arg(0, "");
    String escape = c.arg(1, "");
    if (plan.missingPrompts.contains(file)) {
      return Outcome.now("200 result=-1 endpos=0");
    }
    long length = promptMs(file);
    DtmfInput input = escape.isEmpty() ? DtmfInput.none() : nextInput();
    if (input.pressed()
        && input.afterMs() < length
        && escape.indexOf(input.keys().charAt(0)) >= 0) {
      return Outcome.after(
          input.afterMs(),
          "200 result=" + (int) input.keys().charAt(0) + " endpos=" + input.afterMs() * 8);
    }
    return Outcome.after(length, "200 result=0 endpos=" + length * 8);
  }

  private Outcome getData(AgiCommandWords c) {
    long length = plan.missingPrompts.contains(c.arg(0, "")) ? 0 : promptMs(c.arg(0, ""));
    long timeout = c.longArg(1, 6000);
    int maxDigits = (int) Math.max(1, Math.min(1024, c.longArg(2, 1024)));
    DtmfInput input = nextInput();
    if (!input.pressed()) {
      return Outcome.after(length + timeout, "200 result= (timeout)");
    }
    StringBuilder digits = new StringBuilder();
    boolean ended = false;
    for (char key : input.keys().toCharArray()) {
      if (key == '#') {
        ended = true;
        break;
      }
      digits.append(key);
      if (digits.length() >= maxDigits) {
        ended = true;
        break;
      }
    }
    long typing = input.afterMs() + 150L * input.keys().length();
    return ended
        ? Outcome.after(typing, "200 result=" + digits)
        : Outcome.after(typing + timeout, "200 result=" + digits + " (timeout)");
  }

  private Outcome waitForDigit(AgiCommandWords c) {
    long timeout = c.longArg(0, -1);
    DtmfInput input = nextInput();
    if (input.pressed() && (timeout < 0 || input.afterMs() < timeout)) {
      return Outcome.after(input.afterMs(), "200 result=" + (int) input.keys().charAt(0));
    }
    return Outcome.after(timeout < 0 ? 60_000 : timeout, "200 result=0");
  }

  private Outcome recordFile(AgiCommandWords c) {
    recordings.add(c.arg(0, "") + "." + c.arg(1, ""));
    String escape = c.arg(2, "");
    long timeout = c.longArg(3, -1);
    long limit = timeout < 0 ? 60_000 : timeout;
    DtmfInput input = nextInput();
    if (input.pressed() && input.afterMs() < limit && escape.indexOf(input.keys().charAt(0)) >= 0) {
      return Outcome.after(
          input.afterMs(),
          "200 result=" + (int) input.keys().charAt(0) + " (dtmf) endpos=" + input.afterMs() * 8);
    }
    return Outcome.after(limit, "200 result=0 (timeout) endpos=" + limit * 8);
  }

  private DtmfInput nextInput() {
    DtmfInput input = inputs.poll();
    return input == null ? DtmfInput.none() : input;
  }

  private long promptMs(String file) {
    return plan.promptMs.getOrDefault(file, plan.defaultPromptMs);
  }
}
