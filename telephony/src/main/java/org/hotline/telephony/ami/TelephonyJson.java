package org.hotline.telephony.ami;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.hotline.telephony.ami.records.CallNotice;
import org.hotline.telephony.ami.records.CallRecord;
import org.hotline.telephony.ami.state.AgentStatus;
import org.hotline.telephony.ami.state.AgentView;
import org.hotline.telephony.ami.state.CallCentreState;
import org.hotline.telephony.ami.state.DailyFigures;
import org.hotline.telephony.ami.state.QueueView;

/** The JSON shapes of {@link org.hotline.telephony.TelephonyAddresses}' AMI messages. */
public final class TelephonyJson {
  private TelephonyJson() {}

  public static JsonObject record(CallRecord r) {
    return new JsonObject()
        .put("id", r.id())
        .put("linkedId", r.linkedId())
        .put("direction", r.outbound() ? "outbound" : "inbound")
        .put("caller", r.caller())
        .put("calledNumber", r.calledNumber())
        .put("queue", r.queue())
        .put("enteredAt", time(r.enteredAt()))
        .put("queuedAt", time(r.queuedAt()))
        .put("answeredAt", time(r.answeredAt()))
        .put("endedAt", time(r.endedAt()))
        .put("waitSeconds", r.waitSeconds())
        .put("talkSeconds", r.talkSeconds())
        .put("agent", r.agent())
        .put("agentInterface", r.agentInterface())
        .put("outcome", r.outcome().json())
        .put("recording", r.recording())
        .put("transferTarget", r.transferTarget())
        .put("transfers", transfers(r.transfers()))
        .put("ticketIds", new JsonArray(r.ticketIds()))
        .put("taskId", r.taskId())
        .put("partial", r.partial());
  }

  /** [{kind, target, at, result}] of a call record, in the order they happened. */
  public static JsonArray transfers(
      java.util.List<org.hotline.telephony.ami.records.CallTransfer> list) {
    JsonArray a = new JsonArray();
    list.forEach(
        t ->
            a.add(
                new JsonObject()
                    .put("kind", t.kind())
                    .put("target", t.target())
                    .put("at", time(t.at()))
                    .put("result", t.result())));
    return a;
  }

  public static JsonObject screenPop(CallNotice.AgentConnected c) {
    return new JsonObject()
        .put("agent", c.agent())
        .put("agentInterface", c.agentInterface())
        .put("callerNumber", c.callerNumber())
        .put("callId", c.callId())
        .put("linkedId", c.linkedId())
        .put("queue", c.queue())
        .put("waitSeconds", c.waitSeconds())
        .put("at", time(c.at()));
  }

  public static JsonObject missed(CallNotice.CallMissed m) {
    return new JsonObject()
        .put("callId", m.callId())
        .put("number", m.number())
        .put("at", time(m.at()))
        .put("queue", m.queue())
        .put("reason", m.reason())
        .put("waitSeconds", m.waitSeconds());
  }

  public static JsonObject agent(AgentView a) {
    return new JsonObject()
        .put("agent", a.agent())
        .put("interface", a.iface())
        .put("state", a.status().json())
        .put("pausedReason", a.pausedReason())
        .put("queues", new JsonArray(a.queues()))
        .put("callId", a.callId())
        .put("callerNumber", a.callerNumber())
        .put("since", time(a.since()))
        .put("callsTaken", a.callsTaken());
  }

  public static JsonObject agentCounts(Map<AgentStatus, Integer> counts) {
    JsonObject o = new JsonObject();
    for (AgentStatus s : AgentStatus.values()) {
      o.put(s.json(), counts.getOrDefault(s, 0));
    }
    return o;
  }

  /** The wallboard: live state plus today's figures. */
  public static JsonObject wallboard(
      CallCentreState state,
      DailyFigures figures,
      Instant now,
      boolean connected,
      boolean simulated) {
    DailyFigures.Counters t = figures.total(now);
    JsonArray queues = new JsonArray();
    for (QueueView q : state.queueViews(now)) {
      DailyFigures.Counters c = figures.queue(q.queue(), now);
      queues.add(
          new JsonObject()
              .put("queue", q.queue())
              .put("callsWaiting", q.callsWaiting())
              .put("longestWaitSeconds", q.longestWaitSeconds())
              .put("agents", agentCounts(q.agents()))
              .put("answeredToday", c.answered())
              .put("abandonedToday", c.abandoned()));
    }
    return new JsonObject()
        .put("callsWaiting", state.callsWaiting())
        .put("longestWaitSeconds", state.longestWaitSeconds(now))
        .put("agents", agentCounts(state.agentCounts(now)))
        .put("answeredWithin15sToday", t.answeredWithinThreshold())
        .put("answeredToday", t.answered())
        .put("abandonedToday", t.abandoned())
        .put("abandonRate", round(t.abandonRate()))
        .put("serviceLevel", round(t.serviceLevel()))
        .put("avgHandleSeconds", t.avgHandleSeconds())
        .put("connected", connected)
        .put("simulated", simulated)
        .put("at", time(now))
        .put("queues", queues);
  }

  public static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
