package org.hotline.telephony.sim.agi;

import java.util.List;
import java.util.Map;

/**
 * How a simulated AGI session ended: the transcript, the channel variables as the dialplan would
 * see them afterwards, the files recorded, whether the channel was hung up (by the caller or by a
 * HANGUP command), and whether the simulator had to give up waiting.
 */
public record SimCallResult(
    AgiTranscript transcript,
    Map<String, String> variables,
    List<String> recordings,
    boolean hungUp,
    boolean timedOut) {

  /** A channel variable after the session, or null. */
  public String variable(String name) {
    return variables.get(name);
  }

  public List<String> commands() {
    return transcript.commands();
  }
}
