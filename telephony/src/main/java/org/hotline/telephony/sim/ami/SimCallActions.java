package org.hotline.telephony.sim.ami;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.telephony.ami.protocol.AmiMessage;

/** Queue membership, Originate, Redirect and Hangup actions of the simulator (pbx locked). */
final class SimCallActions {
  private static final Pattern CALLER_ID = Pattern.compile("\\s*\"?([^\"<]*)\"?\\s*<([^>]*)>\\s*");
  private final SimulatedPbx pbx;
  private final SimulatedAmiServer server;
  private final Set<String> failingNumbers;

  SimCallActions(SimulatedPbx pbx, SimulatedAmiServer server, Set<String> failingNumbers) {
    this.pbx = pbx;
    this.server = server;
    this.failingNumbers = failingNumbers;
  }

  void handle(AmiSession s, AmiMessage a, String name, String id) {
    switch (name) {
      case "queueadd" -> queueAdd(s, a, id);
      case "queueremove" -> queueRemove(s, a, id);
      case "queuepause" -> queuePause(s, a, id);
      case "originate" -> originate(s, a, id);
      case "redirect" -> redirect(s, a, id);
      case "hangup" -> hangup(s, a, id);
      case "atxfer" -> atxfer(s, a, id);
      default -> s.write(SimActions.error(id, "Invalid/unknown command"));
    }
  }

  private void queueAdd(AmiSession s, AmiMessage a, String id) {
    String queue = a.get("Queue");
    String iface = a.get("Interface");
    if (queue == null || iface == null) {
      s.write(
          SimActions.error(
              id, queue == null ? "'Queue' not specified." : "'Interface' not specified."));
    } else if (!pbx.queues.containsKey(queue)) {
      s.write(SimActions.error(id, "Unable to add interface to queue: No such queue"));
    } else if (pbx.member(queue, iface).isPresent()) {
      s.write(SimActions.error(id, "Unable to add interface: Already there"));
    } else {
      s.write(SimActions.success(id, "Added interface to queue"));
      pbx.addAgent(
          queue, iface, a.text("MemberName", iface), a.flag("Paused"), a.text("Reason", ""));
    }
  }

  private void queueRemove(AmiSession s, AmiMessage a, String id) {
    String queue = a.text("Queue", "");
    String iface = a.text("Interface", "");
    if (!pbx.queues.containsKey(queue)) {
      s.write(SimActions.error(id, "Unable to remove interface from queue: No such queue"));
    } else if (pbx.member(queue, iface).isEmpty()) {
      s.write(SimActions.error(id, "Unable to remove interface: Not there"));
    } else {
      s.write(SimActions.success(id, "Removed interface from queue"));
      pbx.removeAgent(queue, iface);
    }
  }

  private void queuePause(AmiSession s, AmiMessage a, String id) {
    String iface = a.text("Interface", "");
    String queue = a.text("Queue", null);
    boolean paused = a.flag("Paused");
    boolean known =
        pbx.members(iface).stream().anyMatch(m -> queue == null || m.queue.equals(queue));
    if (!known) {
      s.write(SimActions.error(id, "Interface not found"));
      return;
    }
    s.write(
        SimActions.success(
            id, paused ? "Interface paused successfully" : "Interface unpaused successfully"));
    pbx.pauseAgent(queue, iface, paused, a.text("Reason", ""));
  }

  private void originate(AmiSession s, AmiMessage a, String id) {
    String channel = a.text("Channel", null);
    if (channel == null || (a.get("Exten") == null && a.get("Application") == null)) {
      s.write(
          SimActions.error(id, channel == null ? "Channel not specified" : "Exten not specified"));
      return;
    }
    s.write(SimActions.success(id, "Originate successfully queued"));
    boolean async = a.flag("Async");
    Runnable dial = () -> dial(a, id, async);
    if (async) {
      server.schedule(dial, Duration.ofMillis(5));
    } else {
      dial.run();
    }
  }

  private void dial(AmiMessage a, String id, boolean async) {
    String channel = a.get("Channel");
    String number = numberOf(channel);
    Matcher cid = CALLER_ID.matcher(a.text("CallerID", ""));
    String cidNum = cid.matches() ? cid.group(2) : a.text("CallerID", "<unknown>");
    String cidName = cid.matches() && !cid.group(1).isBlank() ? cid.group(1).trim() : "<unknown>";
    String uid = a.text("ChannelId", pbx.newUniqueId()); // Originate may name the Uniqueid
    String suffix = pbx.nextChannelSuffix();
    String name =
        channel.startsWith("Local/") ? channel + "-" + suffix + ";1" : channel + "-" + suffix;
    SimChannel c = new SimChannel(name, uid, uid, pbx.clock.instant());
    c.callerNum = cidNum;
    c.callerName = cidName;
    c.context = a.text("Context", "default");
    c.exten = a.text("Exten", "s");
    c.state = 0;
    pbx.channels.put(uid, c);
    pbx.emit(AmiEventFactory.channelEvent("Newchannel", c));
    boolean fails =
        failingNumbers.contains(number)
            || !(channel.startsWith("Local/")
                || channel.startsWith("PJSIP/")
                || channel.startsWith("SIP/"));
    if (fails) {
      pbx.hangupChannel(c, 0, "Unknown");
      if (async) {
        pbx.emit(originateResponse(id, "Failure", channel, a, 0, "<unknown>", cidNum, cidName));
      }
      return;
    }
    c.state = 6;
    c.application = a.text("Application", "AppDial");
    pbx.emit(AmiEventFactory.channelEvent("Newstate", c));
    String iface = channel.startsWith("Local/") ? null : channel;
    if (iface != null && !pbx.members(iface).isEmpty()) {
      c.memberIface = iface;
      for (SimMember m : pbx.members(iface)) {
        m.status = 2;
        pbx.emit(AmiEventFactory.member("QueueMemberStatus", m));
      }
    }
    if (async) {
      pbx.emit(originateResponse(id, "Success", c.name, a, 4, uid, cidNum, cidName));
    }
    if ("ConfBridge".equalsIgnoreCase(a.get("Application"))) {
      String room = a.text("Data", "").split(",")[0];
      pbx.transfers.callInRoom(room).ifPresent(call -> call.extraLegs.add(c));
      pbx.transfers.joinRoom(c, room);
    }
  }

  private AmiMessage originateResponse(
      String id,
      String response,
      String channel,
      AmiMessage a,
      int reason,
      String uid,
      String cidNum,
      String cidName) {
    return AmiEventFactory.withActionId(AmiEventFactory.event("OriginateResponse", "call,all"), id)
        .add("Response", response)
        .add("Channel", channel)
        .add("Context", a.text("Context", ""))
        .add("Exten", a.text("Exten", ""))
        .add("Reason", reason)
        .add("Uniqueid", uid)
        .add("CallerIDNum", cidNum)
        .add("CallerIDName", cidName)
        .build();
  }

  /**
   * Redirect, or with ExtraChannel a dual redirect. A channel sent to the conference context joins
   * the ConfBridge room named by the extension; elsewhere it dials the emergency trunk. Redirecting
   * the caller out of the queue bridge ends the agent's part (AgentComplete, reason transfer); the
   * agent's leg hangs up unless it is redirected too.
   */
  private void redirect(AmiSession s, AmiMessage a, String id) {
    Optional<SimChannel> c = pbx.channelByName(a.text("Channel", ""));
    String extraName = a.text("ExtraChannel", null);
    Optional<SimChannel> extra = Optional.ofNullable(extraName).flatMap(pbx::channelByName);
    if (c.isEmpty() || (extraName != null && extra.isEmpty())) {
      String missing = c.isEmpty() ? a.text("Channel", "") : extraName;
      s.write(SimActions.error(id, "Channel does not exist: " + missing));
      return;
    }
    s.write(
        SimActions.success(
            id, extra.isPresent() ? "Dual Redirect successful" : "Redirect successful"));
    SimChannel ch = c.get();
    pbx.callIdOfChannel(ch)
        .map(pbx::callOf)
        .filter(call -> call.caller == ch)
        .ifPresent(
            call -> {
              if (call.agent != null && !call.completed) {
                boolean agentMoves = extra.isPresent() && extra.get() == call.agentLeg;
                SimQueueFlow.complete(pbx, call, "transfer", !agentMoves);
                if (agentMoves) {
                  call.extraLegs.add(call.agentLeg);
                  call.agentLeg.memberIface = null; // out of the queue's hands now
                }
              }
            });
    moveTo(ch, a.text("Context", ch.context), a.text("Exten", ch.exten), a.number("Priority", 1));
    extra.ifPresent(
        x ->
            moveTo(
                x,
                a.text("ExtraContext", a.text("Context", x.context)),
                a.text("ExtraExten", a.text("Exten", x.exten)),
                a.number("ExtraPriority", a.number("Priority", 1))));
  }

  private void moveTo(SimChannel ch, String context, String exten, long priority) {
    ch.context = context;
    ch.exten = exten;
    ch.priority = (int) priority;
    if (SimTransfers.CONFERENCE_CONTEXT.equals(context)) {
      pbx.transfers.joinRoom(ch, exten);
      return;
    }
    ch.application = "Dial";
    ch.applicationData = "PJSIP/" + ch.exten + "@emergency-trunk";
    pbx.emit(AmiEventFactory.newexten(ch, ch.application, ch.applicationData));
  }

  /** Atxfer on the agent's leg (as manager.c checks it), then the target's leg rings. */
  private void atxfer(AmiSession s, AmiMessage a, String id) {
    String name = a.text("Channel", "");
    String exten = a.text("Exten", "");
    Optional<SimChannel> c = pbx.channelByName(name);
    if (name.isEmpty()) {
      s.write(SimActions.error(id, "No channel specified"));
      return;
    }
    if (exten.isEmpty()) {
      s.write(SimActions.error(id, "No extension specified"));
      return;
    }
    if (c.isEmpty()) {
      s.write(SimActions.error(id, "Channel specified does not exist"));
      return;
    }
    Optional<SimCall> call =
        pbx.callIdOfChannel(c.get()).map(pbx::callOf).filter(x -> x.agentLeg == c.get());
    if (call.isEmpty() || call.get().completed) {
      s.write(SimActions.error(id, "Channel is not in a bridge")); // nothing to transfer
      return;
    }
    s.write(SimActions.success(id, "Atxfer successfully queued"));
    pbx.transfers.atxfer(call.get(), a.text("Context", "default"), exten);
  }

  private void hangup(AmiSession s, AmiMessage a, String id) {
    Optional<SimChannel> c = pbx.channelByName(a.text("Channel", ""));
    if (c.isEmpty()) {
      s.write(SimActions.error(id, "No such channel"));
      return;
    }
    s.write(SimActions.success(id, "Channel Hungup"));
    SimChannel ch = c.get();
    Optional<String> callId = pbx.callIdOfChannel(ch);
    if (callId.isPresent()
        && pbx.isAgentLeg(callId.get(), ch)
        && pbx.callOf(callId.get()).transferTarget != null) {
      pbx.agentCompletesTransfer(callId.get());
    } else if (callId.isPresent() && pbx.isAgentLeg(callId.get(), ch)) {
      pbx.agentHangsUp(callId.get());
    } else {
      pbx.callerHangsUp(callId.orElse(ch.uniqueId));
    }
  }

  private static String numberOf(String channel) {
    String rest = channel.substring(channel.indexOf('/') + 1);
    int at = rest.indexOf('@');
    return at >= 0 ? rest.substring(0, at) : rest;
  }
}
