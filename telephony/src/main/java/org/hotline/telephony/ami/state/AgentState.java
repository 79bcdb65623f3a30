package org.hotline.telephony.ami.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.telephony.ami.protocol.AmiMessage;

/** Mutable state of one agent (one member interface), owned by {@link CallCentreState}. */
final class AgentState {
  /** Membership of the agent in one queue, as the last member event described it. */
  static final class Membership {
    boolean paused;
    String pausedReason = "";
    long callsTaken;
  }

  final String iface;
  String name;
  final Map<String, Membership> queues = new LinkedHashMap<>();
  int deviceStatus = DeviceState.NOT_INUSE;
  boolean inCall;
  long wrapupSeconds;
  Instant lastCallEnded;
  String ringingCallId;
  String callId;
  String callerNumber;
  Instant since;
  AgentStatus lastStatus;

  AgentState(String iface, String name) {
    this.iface = iface;
    this.name = name;
  }

  /** Applies the member fields shared by QueueMember, QueueMemberStatus/Added/Pause. */
  void applyMemberFields(String queue, AmiMessage m) {
    String memberName = m.text("MemberName", m.text("Name", null));
    if (memberName != null) {
      name = memberName;
    }
    Membership ms = queues.computeIfAbsent(queue, q -> new Membership());
    if (m.get("Paused") != null) {
      ms.paused = m.flag("Paused");
      ms.pausedReason = ms.paused ? m.text("PausedReason", "") : "";
    }
    ms.callsTaken = m.number("CallsTaken", ms.callsTaken);
    deviceStatus = (int) m.number("Status", deviceStatus);
    if (m.get("InCall") != null) {
      inCall = m.flag("InCall");
    }
    wrapupSeconds = m.number("Wrapuptime", wrapupSeconds);
    long lastCall = m.number("LastCall", 0);
    if (lastCall > 0) {
      Instant ended = Instant.ofEpochSecond(lastCall);
      if (lastCallEnded == null || ended.isAfter(lastCallEnded)) {
        lastCallEnded = ended;
      }
    }
  }

  boolean paused() {
    return !queues.isEmpty() && queues.values().stream().allMatch(q -> q.paused);
  }

  String pausedReason() {
    return queues.values().stream()
        .filter(q -> q.paused && !q.pausedReason.isEmpty())
        .map(q -> q.pausedReason)
        .findFirst()
        .orElse(paused() ? "" : null);
  }

  AgentStatus status(Instant now) {
    if (queues.isEmpty() || DeviceState.unreachable(deviceStatus)) {
      return AgentStatus.LOGGED_OUT;
    }
    if (callId != null || inCall || DeviceState.onCall(deviceStatus)) {
      return AgentStatus.ON_CALL;
    }
    if (ringingCallId != null || DeviceState.ringing(deviceStatus)) {
      return AgentStatus.RINGING;
    }
    if (paused()) {
      return AgentStatus.PAUSED;
    }
    if (lastCallEnded != null
        && wrapupSeconds > 0
        && now.isBefore(lastCallEnded.plusSeconds(wrapupSeconds))) {
      return AgentStatus.WRAP_UP;
    }
    return AgentStatus.AVAILABLE;
  }

  /** Notes the time the status last changed, for "since" on the console. */
  void touch(Instant now) {
    AgentStatus s = status(now);
    if (s != lastStatus) {
      lastStatus = s;
      since = now;
    }
  }

  AgentView view(Instant now) {
    long taken = queues.values().stream().mapToLong(q -> q.callsTaken).max().orElse(0);
    AgentStatus s = status(now);
    return new AgentView(
        name,
        iface,
        s,
        s == AgentStatus.PAUSED ? pausedReason() : null,
        List.copyOf(new ArrayList<>(queues.keySet())),
        callId != null ? callId : ringingCallId,
        callerNumber,
        since,
        taken);
  }
}
