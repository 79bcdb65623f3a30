package org.hotline.telephony.sim.agi;

import java.util.List;
import java.util.Map;

/**
 * How a simulated AGI session ended: the transcript, the channel variables as the dialplan would
 * see them afterwards, the files recorded, whether the channel was hung up (by the caller or by a
 * HANGUP command), whether the simulator had to give up waiting, and how long the call took as the
 * caller lives it ({@code simulatedMs}: prompts, timeouts and key presses at their simulated
 * length, whatever {@code timeScale} the plan used, plus the server's real time in between), from
 * connect until the server handed the call back (closed the socket).
 */
public record SimCallResult(
    AgiTranscript transcript,
    Map<String, String> variables,
    List<String> recordings,
    boolean hungUp,
    boolean timedOut,
    long simulatedMs) {

  /** A channel variable after the session, or null. */
  public String variable(String name) {
    return variables.get(name);
  }

  public List<String> commands() {
    return transcript.commands();
  }
}
