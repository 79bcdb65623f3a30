package org.hotline.telephony.sim.ami;

/**
 * A queue member (agent) of the simulated PBX. Mutated only under the {@link SimulatedPbx} lock.
 */
final class SimMember {
  final String queue;
  final String iface;
  final String name;
  final String stateInterface;
  final long loginTime;
  int penalty;
  long callsTaken;
  long lastCall;
  long lastPause;
  boolean inCall;
  int status = 1;
  boolean paused;
  String pausedReason = "";
  int wrapupTime;

  SimMember(String queue, String iface, String name, String stateInterface, long loginTime) {
    this.queue = queue;
    this.iface = iface;
    this.name = name;
    this.stateInterface = stateInterface;
    this.loginTime = loginTime;
  }
}
