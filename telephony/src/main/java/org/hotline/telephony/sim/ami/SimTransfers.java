package org.hotline.telephony.sim.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * Transfers and conferences in the simulated PBX, with the events Asterisk 22 emits: Atxfer (the
 * agent rings the target, the caller waits on hold; when the agent hangs up, AgentComplete with
 * reason {@code transfer}, AttendedTransfer, the agent's Hangup), Redirect with ExtraChannel into
 * the conference context (both legs run {@code ConfBridge(room)}: ConfbridgeStart once,
 * ConfbridgeJoin each), and an originated leg that runs the ConfBridge application. Called locked.
 */
final class SimTransfers {
  /** The context of the sample dialplan whose extensions run {@code ConfBridge(${EXTEN})}. */
  static final String CONFERENCE_CONTEXT = "hotline-conference";

  private final SimulatedPbx pbx;

  SimTransfers(SimulatedPbx pbx) {
    this.pbx = pbx;
  }

  // ----- attended transfer -----

  /** Atxfer on the agent's leg: the target's Local channel is created and rings, then answers. */
  void atxfer(SimCall call, String context, String exten) {
    SimChannel target =
        new SimChannel(
            "Local/" + exten + "@" + context + "-" + pbx.nextChannelSuffix() + ";1",
            pbx.newUniqueId(),
            call.caller.linkedId,
            pbx.clock.instant());
    target.callerNum = call.agentLeg.callerNum;
    target.callerName = call.agentLeg.callerName;
    target.context = context;
    target.exten = exten;
    target.state = 0;
    pbx.channels.put(target.uniqueId, target);
    pbx.emit(AmiEventFactory.channelEvent("Newchannel", target));
    pbx.emit(
        AmiEventFactory.channel(
                AmiEventFactory.event("MusicOnHoldStart", "call,all"), call.caller, "")
            .add("Class", "default")
            .build());
    target.state = 6;
    target.bridgeId = UUID.randomUUID().toString();
    pbx.emit(AmiEventFactory.channelEvent("Newstate", target));
    call.transferTarget = target;
  }

  /** The agent hangs up while the target is on the line: the attended transfer completes. */
  void completeAttended(SimCall call) {
    SimChannel target = call.transferTarget;
    SimChannel agent = call.agentLeg;
    String origBridge = call.caller.bridgeId;
    SimQueueFlow.complete(pbx, call, "transfer", false);
    AmiMessage.Builder b =
        AmiEventFactory.event("AttendedTransfer", "call,all").add("Result", "Success");
    AmiEventFactory.channel(b, agent, "OrigTransferer");
    bridge(b, "OrigBridge", origBridge, "basic", "simple_bridge", "", "", 2);
    AmiEventFactory.channel(b, agent, "SecondTransferer");
    bridge(b, "SecondBridge", target.bridgeId, "basic", "simple_bridge", "", "", 2);
    b.add("DestType", "Bridge").add("DestBridgeUniqueid", origBridge);
    AmiEventFactory.channel(b, call.caller, "Transferee");
    AmiEventFactory.channel(b, target, "TransferTarget");
    pbx.emit(b.add("IsExternal", "No").build());
    pbx.emit(
        AmiEventFactory.channel(
                AmiEventFactory.event("MusicOnHoldStop", "call,all"), call.caller, "")
            .build());
    pbx.hangupChannel(agent, 16, "Normal Clearing");
    target.bridgeId = origBridge;
    call.extraLegs.add(target);
    call.transferTarget = null;
  }

  // ----- conference -----

  /** A channel redirected into the conference context joins the room named by the extension. */
  void joinRoom(SimChannel ch, String room) {
    ch.application = "ConfBridge";
    ch.applicationData = room;
    pbx.emit(AmiEventFactory.newexten(ch, ch.application, ch.applicationData));
    Room r = pbx.rooms.computeIfAbsent(room, n -> new Room(n, UUID.randomUUID().toString()));
    if (r.members.isEmpty()) {
      pbx.emit(bridge(confEvent("ConfbridgeStart", room), "Bridge", r.id, room, 0).build());
    }
    r.members.add(ch);
    ch.bridgeId = r.id;
    AmiMessage.Builder b =
        bridge(confEvent("ConfbridgeJoin", room), "Bridge", r.id, room, r.members.size());
    AmiEventFactory.channel(b, ch, "");
    pbx.emit(b.add("Admin", "No").add("Muted", "No").build());
  }

  /** A channel of a room hangs up: ConfbridgeLeave, and ConfbridgeEnd when the room is empty. */
  void leaveRoom(SimChannel ch) {
    for (Room r : List.copyOf(pbx.rooms.values())) {
      if (r.members.remove(ch)) {
        AmiMessage.Builder b =
            bridge(confEvent("ConfbridgeLeave", r.name), "Bridge", r.id, r.name, r.members.size());
        AmiEventFactory.channel(b, ch, "");
        pbx.emit(b.add("Admin", "No").build());
        if (r.members.isEmpty()) {
          pbx.rooms.remove(r.name);
          pbx.emit(bridge(confEvent("ConfbridgeEnd", r.name), "Bridge", r.id, r.name, 0).build());
        }
      }
    }
  }

  /** The call a room belongs to: the one whose caller sits in it. */
  Optional<SimCall> callInRoom(String room) {
    Room r = pbx.rooms.get(room);
    if (r == null) {
      return Optional.empty();
    }
    return pbx.calls.values().stream().filter(c -> r.members.contains(c.caller)).findFirst();
  }

  private static AmiMessage.Builder confEvent(String name, String room) {
    return AmiEventFactory.event(name, "call,all").add("Conference", room);
  }

  private static AmiMessage.Builder bridge(
      AmiMessage.Builder b, String prefix, String id, String room, int channels) {
    return bridge(b, prefix, id, "base", "softmix", "ConfBridge", room, channels);
  }

  /** The bridge snapshot block (BridgeUniqueid … BridgeVideoSourceMode) with a prefix. */
  static AmiMessage.Builder bridge(
      AmiMessage.Builder b,
      String prefix,
      String id,
      String type,
      String technology,
      String creator,
      String name,
      int channels) {
    return b.add(prefix + "Uniqueid", id)
        .add(prefix + "Type", type)
        .add(prefix + "Technology", technology)
        .add(prefix + "Creator", creator)
        .add(prefix + "Name", name)
        .add(prefix + "NumChannels", channels)
        .add(prefix + "VideoSourceMode", "none");
  }

  /** A ConfBridge room of the simulator. */
  static final class Room {
    final String name;
    final String id;
    final List<SimChannel> members = new ArrayList<>();

    Room(String name, String id) {
      this.name = name;
      this.id = id;
    }
  }
}
