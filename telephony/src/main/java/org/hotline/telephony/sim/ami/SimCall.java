package org.hotline.telephony.sim.ami;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A caller's journey through the simulated queue. Mutated only under the pbx lock. */
final class SimCall {
  final SimChannel caller;
  String queue;
  Instant joinedAt;
  int position;

  /** Agent legs ringing now, by member interface. */
  final Map<String, SimChannel> ringing = new LinkedHashMap<>();

  final Map<String, Instant> ringingSince = new LinkedHashMap<>();
  SimMember agent;
  SimChannel agentLeg;
  Instant connectedAt;
  long holdSeconds;
  boolean left;
  boolean completed;

  /** The target leg of an attended transfer the agent started and has not completed. */
  SimChannel transferTarget;

  /** Legs that joined the call later (transfer target, conference members), hung up with it. */
  final java.util.List<SimChannel> extraLegs = new java.util.ArrayList<>();

  SimCall(SimChannel caller) {
    this.caller = caller;
  }

  boolean waiting() {
    return joinedAt != null && !left && agent == null;
  }
}
