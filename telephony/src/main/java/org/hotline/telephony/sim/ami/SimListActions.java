package org.hotline.telephony.sim.ami;

import java.time.Duration;
import java.util.List;
import org.hotline.telephony.ami.protocol.AmiMessage;

/** List actions: a Success response with EventList start, items, then a *Complete event. */
final class SimListActions {
  private SimListActions() {}

  static void queueStatus(SimulatedPbx pbx, AmiSession s, String onlyQueue, String id) {
    s.write(
        AmiEventFactory.response("Success", id)
            .add("EventList", "start")
            .add("Message", "Queue status will follow")
            .build());
    int items = 0;
    for (var q : pbx.queues.entrySet()) {
      if (onlyQueue != null && !onlyQueue.equals(q.getKey())) {
        continue;
      }
      List<SimCall> waiting = pbx.waitingIn(q.getKey()).toList();
      s.write(
          AmiEventFactory.withActionId(
                  AmiMessage.builder()
                      .add("Event", "QueueParams")
                      .add("Queue", q.getKey())
                      .add("Max", 0)
                      .add("Strategy", "ringall")
                      .add("Calls", waiting.size())
                      .add("Holdtime", 0)
                      .add("TalkTime", 0)
                      .add("Completed", pbx.queueCompleted.get(q.getKey()))
                      .add("Abandoned", pbx.queueAbandoned.get(q.getKey()))
                      .add("ServiceLevel", 0)
                      .add("ServicelevelPerf", "0.0")
                      .add("ServicelevelPerf2", "0.0")
                      .add("Weight", 0),
                  id)
              .build());
      items++;
      for (SimMember m : q.getValue()) {
        s.write(AmiEventFactory.queueMemberItem(m, id));
        items++;
      }
      for (SimCall c : waiting) {
        s.write(
            AmiEventFactory.withActionId(
                    AmiMessage.builder()
                        .add("Event", "QueueEntry")
                        .add("Queue", q.getKey())
                        .add("Position", c.position)
                        .add("Channel", c.caller.name)
                        .add("Uniqueid", c.caller.uniqueId)
                        .add("CallerIDNum", c.caller.callerNum)
                        .add("CallerIDName", c.caller.callerName)
                        .add("ConnectedLineNum", c.caller.connectedNum)
                        .add("ConnectedLineName", c.caller.connectedName)
                        .add("Wait", pbx.secondsSince(c.joinedAt))
                        .add("Priority", 0),
                    id)
                .build());
        items++;
      }
    }
    s.write(complete("QueueStatusComplete", id, items));
  }

  static void queueSummary(SimulatedPbx pbx, AmiSession s, String id) {
    s.write(
        AmiEventFactory.response("Success", id)
            .add("EventList", "start")
            .add("Message", "Queue summary will follow")
            .build());
    for (var q : pbx.queues.entrySet()) {
      List<SimCall> waiting = pbx.waitingIn(q.getKey()).toList();
      long available = q.getValue().stream().filter(m -> !m.paused && m.status == 1).count();
      s.write(
          AmiEventFactory.withActionId(
                  AmiMessage.builder()
                      .add("Event", "QueueSummary")
                      .add("Queue", q.getKey())
                      .add("LoggedIn", q.getValue().size())
                      .add("Available", available)
                      .add("Callers", waiting.size())
                      .add("HoldTime", 0)
                      .add("TalkTime", 0)
                      .add(
                          "LongestHoldTime",
                          waiting.stream()
                              .mapToLong(c -> pbx.secondsSince(c.joinedAt))
                              .max()
                              .orElse(0)),
                  id)
              .build());
    }
    s.write(complete("QueueSummaryComplete", id, pbx.queues.size()));
  }

  static void coreShowChannels(SimulatedPbx pbx, AmiSession s, String id) {
    s.write(
        AmiEventFactory.response("Success", id)
            .add("EventList", "start")
            .add("Message", "Channels will follow")
            .build());
    for (SimChannel c : pbx.channels.values()) {
      AmiMessage.Builder b = AmiMessage.builder().add("Event", "CoreShowChannel");
      AmiEventFactory.withActionId(b, id);
      AmiEventFactory.channel(b, c, "");
      long secs = pbx.secondsSince(c.createdAt);
      b.add("Application", c.application)
          .add("ApplicationData", c.applicationData)
          .add("Duration", hms(Duration.ofSeconds(secs)))
          .add("BridgeId", c.bridgeId);
      s.write(b.build());
    }
    s.write(complete("CoreShowChannelsComplete", id, pbx.channels.size()));
  }

  private static AmiMessage complete(String event, String id, int items) {
    return AmiEventFactory.withActionId(AmiMessage.builder().add("Event", event), id)
        .add("EventList", "Complete")
        .add("ListItems", items)
        .build();
  }

  private static String hms(Duration d) {
    long s = d.getSeconds();
    return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
