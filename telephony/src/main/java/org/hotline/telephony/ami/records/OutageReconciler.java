package org.hotline.telephony.ami.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * Counts abandons per queue as Asterisk counts them (QueueParams {@code Abandoned} of each resync)
 * and as we saw them live, so that after an outage the abandons we missed are known: a caller who
 * was waiting before the link went down and is gone after it was, when such an abandon exists, an
 * abandoned call (and a missed call to ring back), not an IVR-only one; and reconciles the
 * assembler's calls with what Asterisk lists after a reconnect. Single-threaded.
 */
final class OutageReconciler {
  /** Asterisk's counter at the last resync plus the abandons seen live since. */
  private final Map<String, Long> abandoned = new HashMap<>();

  void abandonSeen(String queue) {
    if (queue != null) {
      abandoned.computeIfPresent(queue, (q, n) -> n + 1);
    }
  }

  /** Abandons per queue that Asterisk counted and no event told us of; remembers the counters. */
  Map<String, Long> unseenAbandons(List<AmiMessage> queueStatus) {
    Map<String, Long> unseen = new HashMap<>();
    for (AmiMessage m : queueStatus) {
      if (m.isEvent("QueueParams") && m.get("Queue") != null) {
        long now = m.number("Abandoned", 0);
        Long before = abandoned.put(m.get("Queue"), now);
        if (before != null && now > before) {
          unseen.put(m.get("Queue"), now - before);
        }
      }
    }
    return unseen;
  }

  /**
   * Calls whose channels all vanished while we were away end now (marked partial); a vanished
   * caller who was waiting in a queue whose abandon counter grew unseen is closed as abandoned (and
   * missed). Unknown live calls are adopted (partial); a caller bridged to an agent leg ({@code
   * AppQueue}) counts as answered. {@code sinceSnapshot}: the live events that arrived while the
   * lists were taken (already applied): a channel they created is not "vanished", one they hung up
   * is not adopted.
   */
  List<CallNotice> reconcile(
      CallRecordAssembler a,
      List<AmiMessage> coreChannels,
      List<AmiMessage> queueStatus,
      List<AmiMessage> sinceSnapshot,
      Instant at) {
    Set<String> created = uniqueIds(sinceSnapshot, "Newchannel");
    Set<String> ended = uniqueIds(sinceSnapshot, "Hangup");
    Map<String, AmiMessage> live =
        coreChannels.stream()
            .filter(m -> m.isEvent("CoreShowChannel") && m.get("Uniqueid") != null)
            .filter(m -> !ended.contains(m.get("Uniqueid")))
            .collect(
                Collectors.toMap(m -> m.get("Uniqueid"), m -> m, (x, y) -> x, LinkedHashMap::new));
    Map<String, Long> unseenAbandons = unseenAbandons(queueStatus);
    List<CallNotice> out = new ArrayList<>();
    for (CallInProgress c : List.copyOf(a.calls.values())) {
      List<String> gone =
          c.liveChannels.stream()
              .filter(uid -> !live.containsKey(uid) && !created.contains(uid))
              .toList();
      if (gone.isEmpty()) {
        continue;
      }
      c.partial = true;
      if (gone.size() == c.liveChannels.size()
          && c.queuedAt != null
          && c.answeredAt == null
          && !c.abandoned
          && unseenAbandons.getOrDefault(c.queue, 0L) > 0) {
        unseenAbandons.merge(c.queue, -1L, Long::sum);
        c.abandoned = true;
        a.missed(c, "abandoned", at, out);
      }
      gone.forEach(uid -> out.addAll(a.hangup(uid, at)));
    }
    for (AmiMessage m : live.values()) {
      String uid = m.get("Uniqueid");
      if (!a.channelToCall.containsKey(uid)) {
        String linked = m.text("Linkedid", uid);
        CallInProgress c = a.track(uid, a.linkedAliases.getOrDefault(linked, linked), false, at);
        c.enteredAt =
            earliest(c.enteredAt, at.minus(CallRecordAssembler.parseDuration(m.get("Duration"))));
        if ("Queue".equalsIgnoreCase(m.get("Application"))) {
          c.queueCallerId = uid;
          c.queue = m.text("ApplicationData", "").split(",")[0];
          c.caller = m.text("CallerIDNum", c.caller);
        }
      }
    }
    for (AmiMessage m : live.values()) {
      CallInProgress c = a.callOf(m.get("Uniqueid"));
      if (c != null && c.answeredAt == null && "AppQueue".equalsIgnoreCase(m.get("Application"))) {
        // connected to an agent while we were away; AgentComplete will bring the exact figures
        c.answeredAt = at.minus(CallRecordAssembler.parseDuration(m.get("Duration")));
        c.partial = true;
      }
    }
    return out;
  }

  private static Set<String> uniqueIds(List<AmiMessage> events, String name) {
    return events.stream()
        .filter(e -> e.isEvent(name) && e.get("Uniqueid") != null)
        .map(e -> e.get("Uniqueid"))
        .collect(Collectors.toSet());
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
