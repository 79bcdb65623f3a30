package org.hotline.telephony.sim.ami;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The queue steps of the simulated PBX, each emitting what app_queue emits. Called locked. */
final class SimQueueFlow {
  private SimQueueFlow() {}

  static void ring(SimulatedPbx pbx, SimCall call, SimMember m) {
    if (call.ringing.containsKey(m.iface) || !call.waiting()) {
      return;
    }
    SimChannel leg =
        new SimChannel(
            legName(pbx, m.iface), pbx.newUniqueId(), call.caller.linkedId, pbx.clock.instant());
    leg.callerNum = call.caller.callerNum;
    leg.callerName = call.caller.callerName;
    leg.context = "hotline-agents";
    leg.exten = call.caller.exten;
    leg.state = 0;
    pbx.channels.put(leg.uniqueId, leg);
    pbx.emit(AmiEventFactory.channelEvent("Newchannel", leg));
    pbx.emit(AmiEventFactory.agentEvent("AgentCalled", call, leg, m).build());
    leg.state = 5;
    m.status = 6;
    pbx.emit(AmiEventFactory.member("QueueMemberStatus", m));
    call.ringing.put(m.iface, leg);
    call.ringingSince.put(m.iface, pbx.clock.instant());
  }

  static void answer(SimulatedPbx pbx, SimCall call, SimMember m, String recordingPattern) {
    if (!call.waiting()) {
      throw new IllegalStateException("call " + call.caller.uniqueId + " is not waiting");
    }
    ring(pbx, call, m);
    SimChannel leg = call.ringing.remove(m.iface);
    Instant since = call.ringingSince.remove(m.iface);
    stopRinging(pbx, call, 26, "Answered elsewhere");
    leg.state = 6;
    leg.application = "AppQueue";
    leg.applicationData = "(Outgoing Line)";
    call.agent = m;
    leaveQueue(pbx, call);
    long hold = pbx.secondsSince(call.joinedAt);
    call.agentLeg = leg;
    call.connectedAt = pbx.clock.instant();
    call.holdSeconds = hold;
    pbx.emit(
        AmiEventFactory.agentEvent("AgentConnect", call, leg, m)
            .add("HoldTime", hold)
            .add("RingTime", pbx.secondsSince(since))
            .build());
    String bridge = UUID.randomUUID().toString();
    call.caller.bridgeId = bridge;
    leg.bridgeId = bridge;
    m.inCall = true;
    m.status = 2;
    pbx.emit(AmiEventFactory.member("QueueMemberStatus", m));
    if (recordingPattern != null) {
      String file = recordingPattern.replace("{id}", call.caller.uniqueId);
      pbx.emit(AmiEventFactory.varSet(call.caller, "MIXMONITOR_FILENAME", file));
    }
  }

  static void ringNoAnswer(SimulatedPbx pbx, SimCall call, SimMember m) {
    SimChannel leg = call.ringing.remove(m.iface);
    Instant since = call.ringingSince.remove(m.iface);
    if (leg == null) {
      throw new IllegalStateException(m.iface + " is not ringing for " + call.caller.uniqueId);
    }
    pbx.emit(
        AmiEventFactory.agentEvent("AgentRingNoAnswer", call, leg, m)
            .add("RingTime", Duration.between(since, pbx.clock.instant()).toMillis())
            .build());
    pbx.hangupChannel(leg, 0, "Unknown");
    m.status = 1;
    pbx.emit(AmiEventFactory.member("QueueMemberStatus", m));
  }

  static void abandon(SimulatedPbx pbx, SimCall call) {
    if (!call.waiting()) {
      throw new IllegalStateException("call " + call.caller.uniqueId + " is not waiting");
    }
    stopRinging(pbx, call, 0, "Unknown");
    pbx.emit(AmiEventFactory.callerAbandon(call, pbx.secondsSince(call.joinedAt)));
    leaveQueue(pbx, call);
    pbx.queueAbandoned.merge(call.queue, 1L, Long::sum);
  }

  static void complete(SimulatedPbx pbx, SimCall call, String reason) {
    complete(pbx, call, reason, true);
  }

  /** AgentComplete; the agent's leg hangs up unless it goes on elsewhere (conference, transfer). */
  static void complete(SimulatedPbx pbx, SimCall call, String reason, boolean hangupLeg) {
    if (call.agent == null || call.completed) {
      throw new IllegalStateException("call " + call.caller.uniqueId + " is not with an agent");
    }
    SimMember m = call.agent;
    call.completed = true;
    pbx.emit(
        AmiEventFactory.agentEvent("AgentComplete", call, call.agentLeg, m)
            .add("HoldTime", call.holdSeconds)
            .add("TalkTime", pbx.secondsSince(call.connectedAt))
            .add("Reason", reason)
            .build());
    if (hangupLeg) {
      pbx.hangupChannel(call.agentLeg, 16, "Normal Clearing");
    }
    m.inCall = false;
    m.status = 1;
    m.callsTaken++;
    m.lastCall = pbx.epoch();
    pbx.emit(AmiEventFactory.member("QueueMemberStatus", m));
    call.caller.bridgeId = "";
    pbx.queueCompleted.merge(call.queue, 1L, Long::sum);
  }

  /** QueueCallerLeave for the call; the callers behind it move up one place. */
  private static void leaveQueue(SimulatedPbx pbx, SimCall call) {
    call.left = true;
    List<SimCall> behind =
        pbx.waitingIn(call.queue).filter(c -> c.position > call.position).toList();
    int count = (int) pbx.waitingIn(call.queue).count();
    pbx.emit(AmiEventFactory.callerQueueEvent("QueueCallerLeave", call, call.position, count));
    behind.forEach(c -> c.position--);
  }

  private static void stopRinging(SimulatedPbx pbx, SimCall call, int cause, String text) {
    for (Map.Entry<String, SimChannel> e : List.copyOf(call.ringing.entrySet())) {
      pbx.hangupChannel(e.getValue(), cause, text);
      pbx.member(call.queue, e.getKey())
          .ifPresent(
              m -> {
                m.status = 1;
                pbx.emit(AmiEventFactory.member("QueueMemberStatus", m));
              });
    }
    call.ringing.clear();
    call.ringingSince.clear();
  }

  private static String legName(SimulatedPbx pbx, String iface) {
    String suffix = pbx.nextChannelSuffix();
    if (iface.startsWith("Local/") && iface.lastIndexOf('/') > 5) {
      return iface.substring(0, iface.lastIndexOf('/')) + "-" + suffix + ";1";
    }
    return iface + "-" + suffix;
  }
}
