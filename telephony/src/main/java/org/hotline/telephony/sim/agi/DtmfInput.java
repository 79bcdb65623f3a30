package org.hotline.telephony.sim.agi;

/**
 * What the simulated caller does while one input-taking command runs (STREAM FILE with escape
 * digits, GET DATA, WAIT FOR DIGIT, RECORD FILE): press {@code keys} (e.g. {@code 2}, {@code
 * 12345#}) {@code afterMs} simulated milliseconds after the command started, or nothing.
 */
public record DtmfInput(String keys, long afterMs) {
  public DtmfInput {
    if (!keys.matches("[0-9*#]*") || afterMs < 0) {
      throw new IllegalArgumentException("bad DTMF input: " + keys + " after " + afterMs);
    }
  }

  public static DtmfInput keys(String keys) {
    return new DtmfInput(keys, 300);
  }

  public static DtmfInput keys(String keys, long afterMs) {
    return new DtmfInput(keys, afterMs);
  }

  /** The caller presses nothing: the command times out or plays to the end. */
  public static DtmfInput none() {
    return new DtmfInput("", 0);
  }

  public boolean pressed() {
    return !keys.isEmpty();
  }
}
