package org.hotline.telephony.ami.records;

import java.time.Instant;

/** Something the call record assembler noticed that others want to hear about at once. */
public sealed interface CallNotice {

  /** Screen pop: a queue call connected to an agent after {@code waitSeconds} in the queue. */
  record AgentConnected(
      String callId,
      String linkedId,
      String agent,
      String agentInterface,
      String callerNumber,
      String queue,
      long waitSeconds,
      Instant at)
      implements CallNotice {}

  /** An answered queue call ended for the agent after {@code talkSeconds}. */
  record AgentCompleted(String callId, String agent, String queue, long talkSeconds, Instant at)
      implements CallNotice {}

  /** 漏接: a caller who wanted an agent did not get one. Sent once per call. */
  record CallMissed(
      String callId, String number, String queue, String reason, long waitSeconds, Instant at)
      implements CallNotice {}

  /** The call is over: every channel hung up. */
  record CallEnded(CallRecord record) implements CallNotice {}
}
