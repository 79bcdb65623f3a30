package org.hotline.telephony.sim.ami;

import java.time.Instant;

/** A channel of the simulated PBX. Mutated only under the {@link SimulatedPbx} lock. */
final class SimChannel {
  final String name;
  final String uniqueId;
  final String linkedId;
  final Instant createdAt;
  String callerNum;
  String callerName;
  String connectedNum = "<unknown>";
  String connectedName = "<unknown>";
  int state = 4;
  String language = "en";
  String context;
  String exten;
  int priority = 1;
  String application = "";
  String applicationData = "";
  String bridgeId = "";

  /** The queue member whose phone this channel is, for device state; null for citizens. */
  String memberIface;

  SimChannel(String name, String uniqueId, String linkedId, Instant createdAt) {
    this.name = name;
    this.uniqueId = uniqueId;
    this.linkedId = linkedId;
    this.createdAt = createdAt;
  }

  String stateDesc() {
    return switch (state) {
      case 0 -> "Down";
      case 4 -> "Ring";
      case 5 -> "Ringing";
      case 6 -> "Up";
      default -> "Unknown";
    };
  }
}
