package org.hotline.telephony.sim.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * The model of the simulated Asterisk: queues with agents, callers who arrive, wait, are connected,
 * hang up or abandon, and the channels behind them. Every change emits the AMI events Asterisk 22
 * would emit, in the same order and with the same fields, to the event sink (the {@link
 * SimulatedAmiServer}).
 *
 * <p>Thread-safe: every method locks the model, so tests drive it from any thread.
 */
public final class SimulatedPbx {
  final Clock clock;
  final Map<String, List<SimMember>> queues = new LinkedHashMap<>();
  final Map<String, SimChannel> channels = new LinkedHashMap<>();
  final Map<String, SimCall> calls = new LinkedHashMap<>();
  final Map<String, Long> queueCompleted = new LinkedHashMap<>();
  final Map<String, Long> queueAbandoned = new LinkedHashMap<>();
  private final AtomicLong uniqueSeq = new AtomicLong(1);
  private final AtomicLong channelSeq = new AtomicLong(1);
  private volatile Consumer<AmiMessage> sink = m -> {};
  private String recordingPattern;
  final Map<String, SimTransfers.Room> rooms = new LinkedHashMap<>();
  final SimTransfers transfers = new SimTransfers(this);

  public SimulatedPbx(Clock clock, String... queueNames) {
    this.clock = clock;
    for (String q : queueNames.length == 0 ? new String[] {"hotline"} : queueNames) {
      queues.put(q, new ArrayList<>());
      queueCompleted.put(q, 0L);
      queueAbandoned.put(q, 0L);
    }
  }

  void sink(Consumer<AmiMessage> sink) {
    this.sink = sink;
  }

  String defaultQueue() {
    return queues.keySet().iterator().next();
  }

  /**
   * Records every answered call with MixMonitor: the caller channel gets a VarSet of
   * MIXMONITOR_FILENAME = pattern with {@code {id}} replaced by the call id.
   */
  public synchronized void recordCalls(String pattern) {
    this.recordingPattern = pattern;
  }

  // ----- agents -----

  /** Logs an agent into the default queue (as QueueAdd would). */
  public void addAgent(String iface, String name) {
    addAgent(defaultQueue(), iface, name, false, "");
  }

  /** Logs an agent into a queue; returns false when it is already there or no such queue. */
  public synchronized boolean addAgent(
      String queue, String iface, String name, boolean paused, String reason) {
    List<SimMember> members = queues.get(queue);
    if (members == null || member(queue, iface).isPresent()) {
      return false;
    }
    SimMember m = new SimMember(queue, iface, name == null ? iface : name, iface, epoch());
    m.paused = paused;
    m.pausedReason = paused && reason != null ? reason : "";
    members.add(m);
    emit(AmiEventFactory.member("QueueMemberAdded", m));
    return true;
  }

  /** Sets a member's wrap-up seconds (queues.conf wrapuptime). */
  public synchronized void wrapupTime(String iface, int seconds) {
    members(iface).forEach(m -> m.wrapupTime = seconds);
  }

  /** Removes an agent from a queue; false when not there. */
  public synchronized boolean removeAgent(String queue, String iface) {
    Optional<SimMember> m = member(queue, iface);
    m.ifPresent(
        x -> {
          queues.get(queue).remove(x);
          emit(AmiEventFactory.member("QueueMemberRemoved", x));
        });
    return m.isPresent();
  }

  /** Pauses (or unpauses) an agent in one queue or, with queue null, in all; false if unknown. */
  public synchronized boolean pauseAgent(
      String queue, String iface, boolean paused, String reason) {
    List<SimMember> targets =
        members(iface).stream()
            .filter(m -> queue == null || queue.isEmpty() || m.queue.equals(queue))
            .toList();
    for (SimMember m : targets) {
      m.paused = paused;
      m.pausedReason = paused && reason != null ? reason : "";
      m.lastPause = paused ? epoch() : m.lastPause;
      emit(AmiEventFactory.member("QueueMemberPause", m));
    }
    return !targets.isEmpty();
  }

  /** Changes an agent's device state (e.g. 5 = unavailable when the softphone unregisters). */
  public synchronized void deviceState(String iface, int status) {
    for (SimMember m : members(iface)) {
      m.status = status;
      emit(AmiEventFactory.member("QueueMemberStatus", m));
    }
  }

  // ----- callers -----

  /** A citizen calls 12345 and enters the IVR; returns the call id (the channel's Uniqueid). */
  public synchronized String callerArrives(String number) {
    String uid = newUniqueId();
    SimChannel c = new SimChannel("PJSIP/trunk-" + nextChannelSuffix(), uid, uid, clock.instant());
    c.callerNum = number;
    c.callerName = "<unknown>";
    c.context = "hotline-in";
    c.exten = "12345";
    c.state = 4;
    channels.put(uid, c);
    calls.put(uid, new SimCall(c));
    emit(AmiEventFactory.channelEvent("Newchannel", c));
    c.state = 6;
    c.language = "zh";
    c.priority = 2;
    c.application = "AGI";
    c.applicationData = "agi://platform:4573/hotline";
    emit(AmiEventFactory.channelEvent("Newstate", c));
    return uid;
  }

  /** The IVR hands the caller to the queue (QueueCallerJoin). */
  public synchronized void joinQueue(String callId) {
    SimCall call = call(callId);
    call.queue = defaultQueue();
    call.joinedAt = clock.instant();
    call.position = (int) waitingIn(call.queue).count();
    call.caller.priority = 7;
    call.caller.application = "Queue";
    call.caller.applicationData = call.queue + ",c,,,30";
    emit(AmiEventFactory.callerQueueEvent("QueueCallerJoin", call, call.position, call.position));
  }

  /** Arrives and goes straight to the queue; returns the call id. */
  public String callerJoins(String number) {
    synchronized (this) {
      String id = callerArrives(number);
      joinQueue(id);
      return id;
    }
  }

  /** Sets a channel variable on the caller (VarSet), as the IVR does with HOTLINE_ROUTE. */
  public synchronized void setVariable(String callId, String variable, String value) {
    emit(AmiEventFactory.varSet(call(callId).caller, variable, value));
  }

  /** The queue rings an agent for a waiting caller (AgentCalled). */
  public synchronized void ringAgent(String callId, String iface) {
    SimQueueFlow.ring(this, call(callId), memberOf(call(callId), iface));
  }

  /** The agent answers (ringing first if needed): QueueCallerLeave, AgentConnect, bridge. */
  public synchronized void agentAnswers(String callId, String iface) {
    SimCall call = call(callId);
    SimQueueFlow.answer(this, call, memberOf(call, iface), recordingPattern);
  }

  /** The agent lets it ring out: AgentRingNoAnswer (RingTime in ms). */
  public synchronized void agentRingNoAnswer(String callId, String iface) {
    SimCall call = call(callId);
    SimQueueFlow.ringNoAnswer(this, call, memberOf(call, iface));
  }

  /** The caller hangs up while waiting: QueueCallerAbandon, QueueCallerLeave, Hangup. */
  public synchronized void callerAbandons(String callId) {
    SimQueueFlow.abandon(this, call(callId));
    hangupChannel(call(callId).caller, 16, "Normal Clearing");
    calls.remove(callId);
  }

  /** The agent hangs up: AgentComplete (reason agent); the caller goes on to the survey. */
  public synchronized void agentHangsUp(String callId) {
    SimCall call = call(callId);
    SimQueueFlow.complete(this, call, "agent");
    call.caller.context = "hotline-survey";
    call.caller.exten = "s";
    call.caller.priority = 1;
    call.caller.application = "AGI";
    call.caller.applicationData = "agi://platform:4573/survey";
  }

  /**
   * The caller hangs up wherever they are (IVR, queue, talking, survey, conference): the call ends,
   * and with it the legs that joined it later (transfer target, conference members).
   */
  public synchronized void callerHangsUp(String callId) {
    SimCall call = calls.get(callId);
    if (call == null) {
      Optional.ofNullable(channels.get(callId))
          .ifPresent(c -> hangupChannel(c, 16, "Normal Clearing"));
      return;
    }
    if (call.waiting()) {
      SimQueueFlow.abandon(this, call);
    } else if (call.agent != null && !call.completed) {
      SimQueueFlow.complete(this, call, "caller");
    }
    hangupChannel(call.caller, 16, "Normal Clearing");
    if (call.transferTarget != null) {
      call.extraLegs.add(call.transferTarget);
    }
    if (call.agentLeg != null) {
      call.extraLegs.add(call.agentLeg);
    }
    call.extraLegs.forEach(c -> hangupChannel(c, 16, "Normal Clearing"));
    calls.remove(callId);
  }

  /** The agent hangs up after starting an attended transfer (Atxfer): the transfer completes. */
  public synchronized void agentCompletesTransfer(String callId) {
    SimCall call = call(callId);
    if (call.transferTarget == null) {
      throw new IllegalStateException("no attended transfer in progress on " + callId);
    }
    transfers.completeAttended(call);
  }

  /** Names of the channels in a ConfBridge room now (empty when there is no such room). */
  public synchronized List<String> roomMembers(String room) {
    SimTransfers.Room r = rooms.get(room);
    return r == null ? List.of() : r.members.stream().map(c -> c.name).toList();
  }

  // ----- inspection -----

  /** The queues, the default (first) one first. */
  public synchronized List<String> queueNames() {
    return List.copyOf(queues.keySet());
  }

  public synchronized int callsWaiting() {
    return (int) calls.values().stream().filter(SimCall::waiting).count();
  }

  public synchronized int activeChannels() {
    return channels.size();
  }

  public synchronized Optional<String> channelName(String uniqueId) {
    return Optional.ofNullable(channels.get(uniqueId)).map(c -> c.name);
  }

  /** The current context/exten of a channel, e.g. after a Redirect ("hotline-transfer,110"). */
  public synchronized Optional<String> channelLocation(String uniqueId) {
    return Optional.ofNullable(channels.get(uniqueId)).map(c -> c.context + "," + c.exten);
  }

  // ----- internals shared with SimQueueFlow and SimActions -----

  void emit(AmiMessage m) {
    sink.accept(m);
  }

  long epoch() {
    return clock.instant().getEpochSecond();
  }

  long secondsSince(Instant t) {
    return t == null ? 0 : Math.max(0, Duration.between(t, clock.instant()).getSeconds());
  }

  String newUniqueId() {
    return epoch() + "." + uniqueSeq.getAndIncrement();
  }

  String nextChannelSuffix() {
    return String.format("%08x", channelSeq.getAndIncrement());
  }

  java.util.stream.Stream<SimCall> waitingIn(String queue) {
    return calls.values().stream().filter(c -> c.waiting() && queue.equals(c.queue));
  }

  List<SimMember> members(String iface) {
    return queues.values().stream()
        .flatMap(List::stream)
        .filter(m -> m.iface.equals(iface))
        .toList();
  }

  Optional<SimMember> member(String queue, String iface) {
    return queues.getOrDefault(queue, List.of()).stream()
        .filter(m -> m.iface.equals(iface))
        .findFirst();
  }

  void hangupChannel(SimChannel c, int cause, String text) {
    if (channels.remove(c.uniqueId) != null) {
      transfers.leaveRoom(c);
      emit(AmiEventFactory.hangup(c, cause, text));
      if (c.memberIface != null) {
        for (SimMember m : members(c.memberIface)) {
          m.status = 1;
          emit(AmiEventFactory.member("QueueMemberStatus", m));
        }
      }
    }
  }

  /** The call whose caller channel or agent leg is this channel, if any. */
  Optional<String> callIdOfChannel(SimChannel c) {
    return calls.entrySet().stream()
        .filter(e -> e.getValue().caller == c || e.getValue().agentLeg == c)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  Optional<SimChannel> channelByName(String name) {
    return channels.values().stream().filter(c -> c.name.equals(name)).findFirst();
  }

  /** An agent-leg channel: redirect or hang up the agent's side only. */
  boolean isAgentLeg(String callId, SimChannel c) {
    SimCall call = calls.get(callId);
    return call != null && call.agentLeg == c;
  }

  SimCall callOf(String callId) {
    return calls.get(callId);
  }

  private SimCall call(String callId) {
    SimCall c = calls.get(callId);
    if (c == null) {
      throw new IllegalArgumentException("no such call: " + callId);
    }
    return c;
  }

  private SimMember memberOf(SimCall call, String iface) {
    String q = call.queue != null ? call.queue : defaultQueue();
    return member(q, iface)
        .orElseThrow(() -> new IllegalArgumentException(iface + " is not a member of " + q));
  }
}
