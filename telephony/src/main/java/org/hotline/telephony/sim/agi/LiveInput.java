package org.hotline.telephony.sim.agi;

import org.hotline.telephony.agi.script.IvrPrompts;

/**
 * One input-taking AGI command of a {@link LiveAgiCall} while it waits for a person's keys: what it
 * accepts, when it gives up, and Asterisk 22's reply for each ending (key, timeout, hang-up).
 */
final class LiveInput {
  private static final long DEFAULT_PROMPT_MS = 2000;

  private enum Kind {
    STREAM,
    GET_DATA,
    WAIT_DIGIT,
    RECORD
  }

  private final Kind kind;
  private final String escape;
  private final long promptMs;
  private final long timeoutMs;
  private final int maxDigits;
  private final long startedNanos = System.nanoTime();
  private final double timeScale;
  private final StringBuilder digits = new StringBuilder();
  long timer = -1;

  private LiveInput(
      Kind kind, String escape, long promptMs, long timeoutMs, int maxDigits, double timeScale) {
    this.kind = kind;
    this.escape = escape;
    this.promptMs = promptMs;
    this.timeoutMs = timeoutMs;
    this.maxDigits = maxDigits;
    this.timeScale = timeScale;
  }

  /** The wait for an input-taking command, or null for a command that takes no keys. */
  static LiveInput of(AgiCommandWords c, double timeScale) {
    return switch (c.verb()) {
      case "STREAM FILE" ->
          c.arg(1, "").isEmpty()
              ? null
              : new LiveInput(Kind.STREAM, c.arg(1, ""), prompt(c.arg(0, "")), 0, 1, timeScale);
      case "GET DATA" ->
          new LiveInput(
              Kind.GET_DATA,
              "0123456789*#",
              prompt(c.arg(0, "")),
              c.longArg(1, 6000),
              (int) Math.max(1, Math.min(1024, c.longArg(2, 1024))),
              timeScale);
      case "WAIT FOR DIGIT" -> {
        long t = c.longArg(0, -1);
        yield new LiveInput(Kind.WAIT_DIGIT, "0123456789*#", 0, t < 0 ? 60_000 : t, 1, timeScale);
      }
      case "RECORD FILE" -> {
        long t = c.longArg(3, -1);
        yield new LiveInput(Kind.RECORD, c.arg(2, ""), 0, t < 0 ? 60_000 : t, 1, timeScale);
      }
      default -> null;
    };
  }

  private static long prompt(String file) {
    return IvrPrompts.lengths().getOrDefault(file, DEFAULT_PROMPT_MS);
  }

  private long scaled(long ms) {
    return Math.max(1, Math.round(ms * timeScale));
  }

  /** Real ms until the command gives up if no key comes. */
  long initialWaitMs() {
    return scaled(promptMs + timeoutMs);
  }

  /** After a key of GET DATA: the inter-digit timeout starts again (real ms); 0 otherwise. */
  long restartMs() {
    return kind == Kind.GET_DATA ? scaled(timeoutMs) : 0;
  }

  /** A key pressed: the reply line when it ends the command, else null (key kept or ignored). */
  String key(char k) {
    if (escape.indexOf(k) < 0) {
      return null;
    }
    long pos = elapsedSimulatedMs() * 8;
    return switch (kind) {
      case STREAM -> "200 result=" + (int) k + " endpos=" + pos;
      case WAIT_DIGIT -> "200 result=" + (int) k;
      case RECORD -> "200 result=" + (int) k + " (dtmf) endpos=" + pos;
      case GET_DATA -> {
        if (k == '#') {
          yield "200 result=" + digits;
        }
        digits.append(k);
        yield digits.length() >= maxDigits ? "200 result=" + digits : null;
      }
    };
  }

  String timeoutReply() {
    return switch (kind) {
      case STREAM -> "200 result=0 endpos=" + promptMs * 8;
      case WAIT_DIGIT -> "200 result=0";
      case RECORD -> "200 result=0 (timeout) endpos=" + timeoutMs * 8;
      case GET_DATA -> "200 result=" + digits + " (timeout)";
    };
  }

  /** The reply when the caller hangs up during the command (see the agi-hotline-hangup fixture). */
  String interruptedReply() {
    long pos = elapsedSimulatedMs() * 8;
    return switch (kind) {
      case STREAM -> "200 result=-1 endpos=" + pos;
      case RECORD -> "200 result=-1 (hangup) endpos=" + pos;
      default -> "200 result=-1";
    };
  }

  private long elapsedSimulatedMs() {
    return Math.round((System.nanoTime() - startedNanos) / 1e6 / Math.max(timeScale, 1e-6));
  }
}
