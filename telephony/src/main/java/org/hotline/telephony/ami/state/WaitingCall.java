package org.hotline.telephony.ami.state;

import java.time.Duration;
import java.time.Instant;

/** A caller waiting in a queue. {@code callId} is the caller channel's Uniqueid. */
public record WaitingCall(
    String callId,
    String channel,
    String queue,
    String callerNumber,
    String callerName,
    int position,
    Instant joinedAt) {

  /** Whole seconds waited so far. */
  public long waitSeconds(Instant now) {
    return Math.max(0, Duration.between(joinedAt, now).getSeconds());
  }

  WaitingCall withPosition(int newPosition) {
    return new WaitingCall(callId, channel, queue, callerNumber, callerName, newPosition, joinedAt);
  }
}
