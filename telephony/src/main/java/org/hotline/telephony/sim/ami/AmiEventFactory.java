package org.hotline.telephony.sim.ami;

import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * Builds events with the field names and order Asterisk 22 uses (see the ami-session fixture): the
 * channel block, the {@code Dest}-prefixed block of the member leg, and the queue member block.
 */
final class AmiEventFactory {
  private AmiEventFactory() {}

  static AmiMessage.Builder event(String name, String privilege) {
    return AmiMessage.builder().add("Event", name).add("Privilege", privilege);
  }

  /** The channel block shared by channel events (Channel … Linkedid). */
  static AmiMessage.Builder channel(AmiMessage.Builder b, SimChannel c, String prefix) {
    return b.add(prefix + "Channel", c.name)
        .add(prefix + "ChannelState", c.state)
        .add(prefix + "ChannelStateDesc", c.stateDesc())
        .add(prefix + "CallerIDNum", c.callerNum)
        .add(prefix + "CallerIDName", c.callerName)
        .add(prefix + "ConnectedLineNum", c.connectedNum)
        .add(prefix + "ConnectedLineName", c.connectedName)
        .add(prefix + "Language", c.language)
        .add(prefix + "AccountCode", "")
        .add(prefix + "Context", c.context)
        .add(prefix + "Exten", c.exten)
        .add(prefix + "Priority", c.priority)
        .add(prefix + "Uniqueid", c.uniqueId)
        .add(prefix + "Linkedid", c.linkedId);
  }

  static AmiMessage channelEvent(String name, SimChannel c) {
    return channel(event(name, "call,all"), c, "").build();
  }

  static AmiMessage hangup(SimChannel c, int cause, String causeText) {
    return channel(event("Hangup", "call,all"), c, "")
        .add("Cause", cause)
        .add("Cause-txt", causeText)
        .build();
  }

  static AmiMessage varSet(SimChannel c, String variable, String value) {
    return channel(event("VarSet", "dialplan,all"), c, "")
        .add("Variable", variable)
        .add("Value", value)
        .build();
  }

  static AmiMessage newexten(SimChannel c, String app, String appData) {
    return channel(event("Newexten", "dialplan,all"), c, "")
        .add("Extension", c.exten)
        .add("Application", app)
        .add("AppData", appData)
        .build();
  }

  /** QueueCallerJoin / QueueCallerLeave: channel block, Queue, Position, Count. */
  static AmiMessage callerQueueEvent(String name, SimCall call, int position, int count) {
    return channel(event(name, "agent,all"), call.caller, "")
        .add("Queue", call.queue)
        .add("Position", position)
        .add("Count", count)
        .build();
  }

  static AmiMessage callerAbandon(SimCall call, long holdSeconds) {
    return channel(event("QueueCallerAbandon", "agent,all"), call.caller, "")
        .add("Queue", call.queue)
        .add("Position", call.position)
        .add("OriginalPosition", call.position)
        .add("HoldTime", holdSeconds)
        .build();
  }

  /** AgentCalled / AgentConnect / AgentComplete / AgentRingNoAnswer: caller, Dest leg, member. */
  static AmiMessage.Builder agentEvent(String name, SimCall call, SimChannel leg, SimMember m) {
    AmiMessage.Builder b = channel(event(name, "agent,all"), call.caller, "");
    channel(b, leg, "Dest");
    return b.add("Queue", call.queue).add("Interface", m.iface).add("MemberName", m.name);
  }

  /** QueueMemberAdded/Removed/Status/Pause: the member block. */
  static AmiMessage member(String name, SimMember m) {
    return event(name, "agent,all")
        .add("Queue", m.queue)
        .add("MemberName", m.name)
        .add("Interface", m.iface)
        .add("StateInterface", m.stateInterface)
        .add("Membership", "dynamic")
        .add("Penalty", m.penalty)
        .add("CallsTaken", m.callsTaken)
        .add("LastCall", m.lastCall)
        .add("LastPause", m.lastPause)
        .add("LoginTime", m.loginTime)
        .add("InCall", m.inCall ? 1 : 0)
        .add("Status", m.status)
        .add("Paused", m.paused ? 1 : 0)
        .add("PausedReason", m.pausedReason)
        .add("Ringinuse", 0)
        .add("Wrapuptime", m.wrapupTime)
        .build();
  }

  /** QueueMember list item of a QueueStatus response (no Privilege, Name/Location). */
  static AmiMessage queueMemberItem(SimMember m, String actionId) {
    AmiMessage.Builder b =
        AmiMessage.builder()
            .add("Event", "QueueMember")
            .add("Queue", m.queue)
            .add("Name", m.name)
            .add("Location", m.iface)
            .add("StateInterface", m.stateInterface)
            .add("Membership", "dynamic")
            .add("Penalty", m.penalty)
            .add("CallsTaken", m.callsTaken)
            .add("LastCall", m.lastCall)
            .add("LastPause", m.lastPause)
            .add("LoginTime", m.loginTime)
            .add("InCall", m.inCall ? 1 : 0)
            .add("Status", m.status)
            .add("Paused", m.paused ? 1 : 0)
            .add("PausedReason", m.pausedReason)
            .add("Wrapuptime", m.wrapupTime);
    return withActionId(b, actionId).build();
  }

  static AmiMessage.Builder withActionId(AmiMessage.Builder b, String actionId) {
    return actionId == null ? b : b.add("ActionID", actionId);
  }

  /** A Response packet: Response, ActionID (when the action had one), then the fields. */
  static AmiMessage.Builder response(String response, String actionId) {
    return withActionId(AmiMessage.builder().add("Response", response), actionId);
  }
}
