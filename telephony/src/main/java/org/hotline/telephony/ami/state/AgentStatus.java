package org.hotline.telephony.ami.state;

/** What an agent is doing, as the wallboard and the agent console show it. */
public enum AgentStatus {
  /** Logged into a queue, idle, can take the next call. */
  AVAILABLE("available"),
  /** A queue call is ringing the agent's phone. */
  RINGING("ringing"),
  /** On a call (queue call, or any call the phone's device state reports). */
  ON_CALL("onCall"),
  /** 话后处理: the call ended less than the member's wrap-up time ago. */
  WRAP_UP("wrapUp"),
  /** 示忙: paused in its queues, with a reason code. */
  PAUSED("paused"),
  /** Not a member of any queue, or the phone is unreachable (device invalid/unavailable). */
  LOGGED_OUT("loggedOut");

  private final String json;

  AgentStatus(String json) {
    this.json = json;
  }

  /** The name used in JSON messages. */
  public String json() {
    return json;
  }
}
