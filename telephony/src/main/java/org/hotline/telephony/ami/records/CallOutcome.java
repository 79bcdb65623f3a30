package org.hotline.telephony.ami.records;

/** How a call ended, as call records and reports name it. */
public enum CallOutcome {
  /** An agent answered (or, for an outbound call, the called party answered). */
  ANSWERED("answered"),
  /** The caller hung up while waiting in the queue. */
  ABANDONED("abandoned"),
  /** The caller left a message (留言). */
  VOICEMAIL("voicemail"),
  /** The call ended in the IVR (self-service, or hung up before the queue). */
  IVR("ivr");

  private final String json;

  CallOutcome(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }
}
