package org.hotline.telephony.ami.records;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * Turns the AMI event stream into call records. Channels are grouped into calls by Linkedid; a call
 * ends when its last channel hangs up. Wait and talk times come from Asterisk's own figures
 * (AgentConnect/QueueCallerAbandon HoldTime, AgentComplete TalkTime, all in seconds) and fall back
 * to event times when those are missing.
 *
 * <p>Pure and single-threaded; every method returns what it noticed, for the caller to publish.
 */
public final class CallRecordAssembler {
  /** Events that belong to list responses (resync), never to a call's own history. */
  private static final Set<String> LIST_EVENTS =
      Set.of(
          "queueparams",
          "queuemember",
          "queueentry",
          "queuestatuscomplete",
          "coreshowchannel",
          "coreshowchannelscomplete",
          "queuesummary",
          "queuesummarycomplete");

  final Map<String, CallInProgress> calls = new LinkedHashMap<>();
  final Map<String, String> channelToCall = new HashMap<>();
  private final Map<String, OriginateInfo> pendingOriginates = new HashMap<>();

  /** Linkedids of channels that belong to another call (our conference legs): → that call's. */
  final Map<String, String> linkedAliases = new HashMap<>();

  private final OutageReconciler outage = new OutageReconciler();

  /** What the platform asked for when it originated a call. */
  public record OriginateInfo(String number, String agent, List<String> ticketIds, String taskId) {}

  /** Applies one live event received at {@code at}; returns what it noticed (often nothing). */
  public List<CallNotice> apply(AmiMessage e, Instant at) {
    String name = e.eventName();
    String uid = e.get("Uniqueid");
    if (name == null || LIST_EVENTS.contains(name.toLowerCase())) {
      return List.of();
    }
    if (e.isEvent("BlindTransfer") || e.isEvent("AttendedTransfer")) {
      transferReported(e, at);
      return List.of();
    }
    if (uid == null || uid.isEmpty()) {
      return List.of();
    }
    String ev = name.toLowerCase();
    if (ev.equals("hangup")) {
      return hangup(uid, at);
    }
    if (ev.equals("queuecallerabandon")) {
      outage.abandonSeen(e.get("Queue"));
    }
    String linked = linkedAliases.getOrDefault(e.get("Linkedid"), e.get("Linkedid"));
    if (linked == null || linked.isEmpty() || ev.equals("originateresponse")) {
      return List.of();
    }
    CallInProgress c = track(uid, linked, ev.equals("newchannel"), at);
    List<CallNotice> out = new ArrayList<>();
    switch (ev) {
      case "newchannel" -> {
        if (uid.equals(linked)) {
          c.calledNumber = e.text("Exten", c.calledNumber);
          c.caller = e.text("CallerIDNum", c.caller);
        }
      }
      case "newcallerid" -> {
        if (c.caller == null && (uid.equals(c.rootUniqueId) || uid.equals(c.queueCallerId))) {
          c.caller = e.text("CallerIDNum", null);
        }
      }
      case "queuecallerjoin" -> {
        c.queueCallerId = uid;
        c.queue = e.get("Queue");
        c.caller = e.text("CallerIDNum", c.caller);
        if (c.queuedAt == null) {
          c.queuedAt = at;
        }
      }
      case "agentconnect" -> connect(c, e, at, out);
      case "agentcomplete" -> {
        c.talkSeconds = e.number("TalkTime", 0);
        if (c.agent == null) { // connected while the AMI link was down: Asterisk knows
          c.answeredAt = c.answeredAt != null ? c.answeredAt : at.minusSeconds(c.talkSeconds);
          c.queueCallerId = uid;
          c.queue = e.text("Queue", c.queue);
          c.agent = e.text("MemberName", e.text("Interface", null));
          c.agentInterface = e.text("Interface", null);
          c.waitSeconds = e.number("HoldTime", 0);
          c.partial = true; // the connect itself was not seen
        }
        out.add(new CallNotice.AgentCompleted(c.callId(), c.agent, c.queue, c.talkSeconds, at));
      }
      case "queuecallerabandon" -> {
        c.abandoned = true;
        c.queueCallerId = uid;
        c.queue = e.text("Queue", c.queue);
        c.waitSeconds = e.number("HoldTime", 0);
        missed(c, "abandoned", at, out);
      }
      case "varset" -> varSet(c, e);
      case "newexten" -> {
        String app = e.text("Application", "");
        if (app.equalsIgnoreCase("VoiceMail") || app.equalsIgnoreCase("Record")) {
          c.voicemailApp = true;
        } else if (app.equalsIgnoreCase("MixMonitor") && c.recording == null) {
          c.recording = e.text("AppData", "").split(",")[0];
        }
      }
      case "confbridgejoin" -> {
        // a leg we originated into the call's conference (its own Linkedid, aliased): joined
        if (!e.text("Linkedid", "").equals(linked)
            && e.text("Conference", "").equals(c.conference)) {
          TransferNotes.note(c, CallTransfer.CONFERENCE, null, CallTransfer.SUCCESS, at);
        }
      }
      default -> {}
    }
    return out;
  }

  /** Notes a successful originate: the call of {@code uniqueId} is outbound and carries ids. */
  public void originated(String uniqueId, OriginateInfo info) {
    String linked = channelToCall.get(uniqueId);
    if (linked == null) {
      pendingOriginates.put(uniqueId, info);
      return;
    }
    markOutbound(calls.get(linked), info);
  }

  /**
   * Notes a transfer or conference the platform asked Asterisk for (see {@link CallTransfer}):
   * {@code result} is {@code success} when the action itself did it (Redirect), else {@code
   * requested} until an event confirms it. False when the call is not known.
   */
  public boolean transferRequested(
      String callId, String kind, String target, String result, Instant at) {
    CallInProgress c = callOf(callId);
    if (c == null) {
      return false;
    }
    c.transfers.add(new CallTransfer(kind, target, at, result));
    return true;
  }

  /** The outcome of a requested transfer known without an event (e.g. a failed originate). */
  public void transferResult(String callId, String kind, String result) {
    CallInProgress c = callOf(callId);
    if (c != null) {
      TransferNotes.note(c, kind, null, result, null);
    }
  }

  /**
   * The call is being moved into ConfBridge {@code conference}; channels whose Linkedid is {@code
   * legLinkedId} (the target's leg we originate, with that ChannelId) belong to this call.
   */
  public void conferenceOpened(String callId, String conference, String legLinkedId) {
    CallInProgress c = callOf(callId);
    if (c != null) {
      c.conference = conference;
      linkedAliases.put(legLinkedId, c.linkedId);
    }
  }

  CallInProgress callOf(String uniqueId) {
    String linked = uniqueId == null ? null : channelToCall.get(uniqueId);
    return linked == null ? null : calls.get(linked);
  }

  /** BlindTransfer / AttendedTransfer: the call is found by any of its channels involved. */
  private void transferReported(AmiMessage e, Instant at) {
    TransferNotes.channelsOf(e).stream()
        .map(this::callOf)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .ifPresent(c -> TransferNotes.reported(c, e, at));
  }

  /** After a reconnect, with only the channel list (no queue figures). */
  public List<CallNotice> reconcile(List<AmiMessage> coreChannels, Instant at) {
    return reconcile(coreChannels, List.of(), List.of(), at);
  }

  /**
   * After a reconnect: the channels that exist now (CoreShowChannel events), the QueueStatus list
   * and the live events that arrived while they were taken; see {@link OutageReconciler}.
   */
  public List<CallNotice> reconcile(
      List<AmiMessage> coreChannels,
      List<AmiMessage> queueStatus,
      List<AmiMessage> sinceSnapshot,
      Instant at) {
    return outage.reconcile(this, coreChannels, queueStatus, sinceSnapshot, at);
  }

  /** Calls not yet ended. */
  public int callsInProgress() {
    return calls.size();
  }

  CallInProgress track(String uid, String linked, boolean newChannel, Instant at) {
    CallInProgress c = calls.get(linked);
    if (c == null) {
      c = new CallInProgress(linked);
      c.enteredAt = at;
      c.partial = !(newChannel && uid.equals(linked));
      calls.put(linked, c);
    }
    if (uid.equals(linked)) {
      c.rootUniqueId = uid;
    }
    if (c.liveChannels.add(uid)) {
      channelToCall.put(uid, linked);
      OriginateInfo info = pendingOriginates.remove(uid);
      if (info != null) {
        markOutbound(c, info);
      }
    }
    return c;
  }

  private void connect(CallInProgress c, AmiMessage e, Instant at, List<CallNotice> out) {
    c.queueCallerId = e.get("Uniqueid");
    c.queue = e.text("Queue", c.queue);
    c.answeredAt = at;
    c.agent = e.text("MemberName", e.text("Interface", null));
    c.agentInterface = e.text("Interface", null);
    c.waitSeconds = e.number("HoldTime", 0);
    c.caller = e.text("CallerIDNum", c.caller);
    out.add(
        new CallNotice.AgentConnected(
            c.callId(),
            c.linkedId,
            c.agent,
            c.agentInterface,
            c.caller,
            c.queue,
            c.waitSeconds,
            at));
  }

  private void varSet(CallInProgress c, AmiMessage e) {
    String var = e.text("Variable", "");
    if (var.equalsIgnoreCase(TelephonyAddresses.VAR_ROUTE)) {
      c.route = e.text("Value", null);
    } else if (var.equalsIgnoreCase(TelephonyAddresses.VAR_RECORDING)) {
      c.recording = e.text("Value", c.recording);
    }
  }

  void missed(CallInProgress c, String reason, Instant at, List<CallNotice> out) {
    if (!c.missedSent && c.caller != null) {
      c.missedSent = true;
      long wait = c.waitSeconds == null ? 0 : c.waitSeconds;
      out.add(new CallNotice.CallMissed(c.callId(), c.caller, c.queue, reason, wait, at));
    }
  }

  List<CallNotice> hangup(String uid, Instant at) {
    String linked = channelToCall.remove(uid);
    if (linked == null) {
      return List.of();
    }
    CallInProgress c = calls.get(linked);
    c.liveChannels.remove(uid);
    if (!c.liveChannels.isEmpty()) {
      return List.of();
    }
    calls.remove(linked);
    List<CallNotice> out = new ArrayList<>();
    if ("queue".equalsIgnoreCase(c.route)
        && c.queuedAt == null
        && c.answeredAt == null
        && !c.outbound) {
      missed(c, "ivr-hangup", at, out);
    }
    out.add(new CallNotice.CallEnded(c.toRecord(at)));
    return out;
  }

  private static void markOutbound(CallInProgress c, OriginateInfo info) {
    c.outbound = true;
    if (info.number() != null) {
      c.caller = info.number();
    }
    if (c.agent == null) {
      c.agent = info.agent();
    }
    info.ticketIds()
        .forEach(
            t -> {
              if (!c.ticketIds.contains(t)) {
                c.ticketIds.add(t);
              }
            });
    c.taskId = info.taskId();
  }

  static Duration parseDuration(String hms) {
    if (hms == null) {
      return Duration.ZERO;
    }
    String[] p = hms.split(":");
    try {
      long s = 0;
      for (String part : p) {
        s = s * 60 + Long.parseLong(part.trim());
      }
      return Duration.ofSeconds(s);
    } catch (NumberFormatException ex) {
      return Duration.ZERO;
    }
  }
}
