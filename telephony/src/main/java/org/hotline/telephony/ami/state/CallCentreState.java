package org.hotline.telephony.ami.state;

import static org.hotline.telephony.ami.state.StateFields.channelOf;
import static org.hotline.telephony.ami.state.StateFields.count;
import static org.hotline.telephony.ami.state.StateFields.ifaceOf;
import static org.hotline.telephony.ami.state.StateFields.present;
import static org.hotline.telephony.ami.state.StateFields.wellFormed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * Live picture of the call centre, built from AMI events: callers waiting and since when, agents
 * and what they are doing, live channels, per-queue figures.
 *
 * <p>Pure and single-threaded (the AMI verticle owns it on its event loop). Every update sets state
 * rather than counting, so applying an event twice leaves the same state: after a reconnect the
 * verticle replaces everything with {@link #applySnapshot} and replays the events that arrived
 * meanwhile. Daily counters live in {@code DailyFigures}, not here.
 */
public final class CallCentreState {
  private final Map<String, WaitingCall> waiting = new LinkedHashMap<>();
  private final Map<String, AgentState> agents = new LinkedHashMap<>();
  private final Map<String, ActiveChannel> channels = new LinkedHashMap<>();
  private final Map<String, AmiMessage> queueParams = new LinkedHashMap<>();

  /** Creates the state knowing the queue names to show even before Asterisk reports them. */
  public CallCentreState(List<String> queues) {
    queues.forEach(q -> queueParams.put(q, AmiMessage.builder().add("Queue", q).build()));
  }

  /**
   * Applies one live event received at {@code at}. Unknown events, and events missing the fields
   * they are identified by (Uniqueid, Queue, Interface), are ignored.
   */
  public void apply(AmiMessage e, Instant at) {
    String name = e.eventName();
    if (name == null || !wellFormed(name.toLowerCase(), e)) {
      return;
    }
    switch (name.toLowerCase()) {
      case "queuecallerjoin" -> callerJoined(e, at);
      case "queuecallerleave", "queuecallerabandon" -> callerLeft(e.get("Uniqueid"));
      case "agentcalled" -> agentFor(e, at).ifPresent(a -> ringing(a, e));
      case "agentringnoanswer" -> agentFor(e, at).ifPresent(a -> a.ringingCallId = null);
      case "agentconnect" -> agentFor(e, at).ifPresent(a -> connected(a, e));
      case "agentcomplete" -> agentFor(e, at).ifPresent(a -> completed(a, at));
      case "queuememberadded", "queuememberstatus", "queuememberpause", "queuememberpaused" ->
          memberChanged(e, at);
      case "queuememberremoved" -> memberRemoved(e, at);
      case "newchannel" -> channels.put(e.get("Uniqueid"), channelOf(e));
      case "newcallerid" -> callerIdChanged(e);
      case "hangup" -> hungUp(e.get("Uniqueid"));
      case "queueparams" -> queueParams.put(e.get("Queue"), e);
      default -> {
        return;
      }
    }
    agents.values().forEach(a -> a.touch(at));
  }

  /**
   * Replaces the whole state with a resync snapshot: the events of a QueueStatus (QueueParams,
   * QueueMember, QueueEntry) and of a CoreShowChannels (CoreShowChannel), taken at {@code at}.
   * Agents that are no longer members are kept, as logged out.
   */
  public void applySnapshot(
      List<AmiMessage> queueStatus, List<AmiMessage> coreChannels, Instant at) {
    channels.clear();
    coreChannels.stream()
        .filter(m -> m.isEvent("CoreShowChannel") && present(m.get("Uniqueid")))
        .forEach(m -> channels.put(m.get("Uniqueid"), channelOf(m)));
    waiting.clear();
    for (AgentState a : agents.values()) {
      a.queues.clear();
      a.callId = null;
      a.ringingCallId = null;
      a.callerNumber = null;
      a.inCall = false;
    }
    for (AmiMessage m : queueStatus) {
      if (!present(m.get("Queue"))
          || m.isEvent("QueueMember") && ifaceOf(m) == null
          || m.isEvent("QueueEntry") && !present(m.get("Uniqueid"))) {
        continue; // malformed list item: nothing to identify it by
      }
      if (m.isEvent("QueueParams")) {
        queueParams.put(m.get("Queue"), m);
      } else if (m.isEvent("QueueMember")) {
        AgentState a = agent(ifaceOf(m), m.text("Name", m.text("MemberName", null)));
        a.applyMemberFields(m.get("Queue"), m);
        if (a.inCall) {
          callOfAgent(a.iface)
              .ifPresent(
                  c -> {
                    a.callId = c.uniqueId();
                    a.callerNumber = c.callerNumber();
                  });
        }
      } else if (m.isEvent("QueueEntry")) {
        long wait = m.number("Wait", 0);
        WaitingCall w =
            new WaitingCall(
                m.get("Uniqueid"),
                m.get("Channel"),
                m.get("Queue"),
                m.text("CallerIDNum", null),
                m.text("CallerIDName", null),
                (int) m.number("Position", 0),
                at.minusSeconds(wait));
        waiting.put(w.callId(), w);
      }
    }
    agents.values().forEach(a -> a.touch(at));
  }

  // ----- views -----

  /** Callers waiting, longest wait first. */
  public List<WaitingCall> waitingCalls() {
    List<WaitingCall> list = new ArrayList<>(waiting.values());
    list.sort(Comparator.comparing(WaitingCall::joinedAt));
    return list;
  }

  public int callsWaiting() {
    return waiting.size();
  }

  public long longestWaitSeconds(Instant now) {
    return waiting.values().stream().mapToLong(w -> w.waitSeconds(now)).max().orElse(0);
  }

  public List<AgentView> agents(Instant now) {
    return agents.values().stream().map(a -> a.view(now)).toList();
  }

  /** The agent with this member name or interface. */
  public Optional<AgentView> agent(String nameOrInterface, Instant now) {
    return findAgent(nameOrInterface).map(a -> a.view(now));
  }

  /** Agents counted by status; every status present, zero when none. */
  public Map<AgentStatus, Integer> agentCounts(Instant now) {
    return count(agents.values().stream().map(a -> a.status(now)).toList());
  }

  public List<String> queues() {
    return List.copyOf(queueParams.keySet());
  }

  public List<QueueView> queueViews(Instant now) {
    List<QueueView> out = new ArrayList<>();
    for (AmiMessage p : queueParams.values()) {
      String q = p.get("Queue");
      List<WaitingCall> w = waiting.values().stream().filter(c -> q.equals(c.queue())).toList();
      Map<AgentStatus, Integer> counts =
          count(
              agents.values().stream()
                  .filter(a -> a.queues.containsKey(q))
                  .map(a -> a.status(now))
                  .toList());
      out.add(
          new QueueView(
              q,
              w.size(),
              w.stream().mapToLong(c -> c.waitSeconds(now)).max().orElse(0),
              counts,
              p.text("Strategy", null),
              p.number("Completed", 0),
              p.number("Abandoned", 0),
              p.number("Holdtime", 0),
              p.number("TalkTime", 0)));
    }
    return out;
  }

  public Optional<ActiveChannel> channel(String uniqueId) {
    return Optional.ofNullable(channels.get(uniqueId));
  }

  /**
   * The agent's leg of a call: the channel of the member connected to it, else another live channel
   * of the same call (Linkedid). Empty when the caller talks to nobody.
   */
  public Optional<ActiveChannel> peer(String callId) {
    ActiveChannel caller = channels.get(callId);
    if (caller == null) {
      return Optional.empty();
    }
    List<ActiveChannel> others =
        channels.values().stream()
            .filter(c -> c != caller && java.util.Objects.equals(c.linkedId(), caller.linkedId()))
            .toList();
    return agents.values().stream()
        .filter(a -> callId.equals(a.callId))
        .flatMap(a -> others.stream().filter(c -> Interfaces.matchesChannel(a.iface, c.name())))
        .findFirst()
        .or(() -> others.stream().findFirst());
  }

  public List<ActiveChannel> channels() {
    return List.copyOf(channels.values());
  }

  // ----- event handlers -----

  private void callerJoined(AmiMessage e, Instant at) {
    String q = e.get("Queue");
    queueParams.computeIfAbsent(q, k -> AmiMessage.builder().add("Queue", k).build());
    waiting.putIfAbsent(
        e.get("Uniqueid"),
        new WaitingCall(
            e.get("Uniqueid"),
            e.get("Channel"),
            q,
            e.text("CallerIDNum", null),
            e.text("CallerIDName", null),
            (int) e.number("Position", waiting.size() + 1),
            at));
  }

  private void callerLeft(String uniqueId) {
    WaitingCall gone = waiting.remove(uniqueId);
    if (gone == null) {
      return;
    }
    waiting.replaceAll(
        (id, w) ->
            w.queue().equals(gone.queue()) && w.position() > gone.position()
                ? w.withPosition(w.position() - 1)
                : w);
  }

  private void ringing(AgentState a, AmiMessage e) {
    a.ringingCallId = e.get("Uniqueid");
    a.callerNumber = e.text("CallerIDNum", null);
  }

  private void connected(AgentState a, AmiMessage e) {
    a.ringingCallId = null;
    a.callId = e.get("Uniqueid");
    a.callerNumber = e.text("CallerIDNum", null);
    callerLeft(a.callId);
  }

  private void completed(AgentState a, Instant at) {
    a.callId = null;
    a.callerNumber = null;
    a.inCall = false;
    a.lastCallEnded = at;
  }

  private void memberChanged(AmiMessage e, Instant at) {
    AgentState a = agent(ifaceOf(e), e.text("MemberName", null));
    boolean wasPaused = a.paused();
    String wasReason = a.pausedReason();
    a.applyMemberFields(e.get("Queue"), e);
    notePause(a, wasPaused, wasReason, at);
    if (!a.inCall && a.callId != null && !DeviceState.onCall(a.deviceStatus)) {
      a.callId = null; // a missed AgentComplete: the member event is the more recent truth
    }
  }

  private void memberRemoved(AmiMessage e, Instant at) {
    findAgent(ifaceOf(e))
        .ifPresent(
            a -> {
              boolean wasPaused = a.paused();
              String wasReason = a.pausedReason();
              a.queues.remove(e.get("Queue"));
              notePause(a, wasPaused, wasReason, at);
            });
  }

  /** An agent's pause as the platform records it: paused in every queue it is a member of. */
  public record PauseChange(
      String agent, String iface, boolean paused, String reason, Instant at) {}

  private final List<PauseChange> pauseChanges = new ArrayList<>();

  private void notePause(AgentState a, boolean wasPaused, String wasReason, Instant at) {
    boolean paused = a.paused();
    if (paused != wasPaused || (paused && !java.util.Objects.equals(wasReason, a.pausedReason()))) {
      pauseChanges.add(
          new PauseChange(a.name, a.iface, paused, paused ? a.pausedReason() : null, at));
    }
  }

  /** The pause changes since the last call (the caller publishes them). */
  public List<PauseChange> drainPauseChanges() {
    if (pauseChanges.isEmpty()) {
      return List.of();
    }
    List<PauseChange> out = List.copyOf(pauseChanges);
    pauseChanges.clear();
    return out;
  }

  private void callerIdChanged(AmiMessage e) {
    ActiveChannel c = channels.get(e.get("Uniqueid"));
    if (c != null) {
      channels.put(c.uniqueId(), channelOf(e));
    }
  }

  private void hungUp(String uniqueId) {
    channels.remove(uniqueId);
    callerLeft(uniqueId);
    for (AgentState a : agents.values()) {
      if (uniqueId.equals(a.ringingCallId)) {
        a.ringingCallId = null;
      }
    }
  }

  // ----- helpers -----

  private Optional<AgentState> agentFor(AmiMessage e, Instant at) {
    String iface = ifaceOf(e);
    if (iface == null) {
      return Optional.empty();
    }
    AgentState a = agent(iface, e.text("MemberName", null));
    if (e.get("Queue") != null) {
      a.queues.computeIfAbsent(e.get("Queue"), q -> new AgentState.Membership());
    }
    return Optional.of(a);
  }

  private AgentState agent(String iface, String name) {
    AgentState a = agents.computeIfAbsent(iface, i -> new AgentState(i, name != null ? name : i));
    if (name != null) {
      a.name = name;
    }
    return a;
  }

  private Optional<AgentState> findAgent(String key) {
    if (key == null) {
      return Optional.empty();
    }
    AgentState byIface = agents.get(key);
    if (byIface != null) {
      return Optional.of(byIface);
    }
    return agents.values().stream().filter(a -> key.equals(a.name)).findFirst();
  }

  /** The queue call an agent's channel is bridged with, from the channel snapshot. */
  private Optional<ActiveChannel> callOfAgent(String iface) {
    return channels.values().stream()
        .filter(c -> Interfaces.matchesChannel(iface, c.name()) && c.bridgeId() != null)
        .flatMap(
            agentLeg ->
                channels.values().stream()
                    .filter(c -> c != agentLeg && agentLeg.bridgeId().equals(c.bridgeId())))
        .findFirst();
  }
}
