package org.hotline.telephony.ami.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * Counts abandons per queue as Asterisk counts them (QueueParams {@code Abandoned} of each resync)
 * and as we saw them live, so that after an outage the abandons we missed are known: a caller who
 * was waiting before the link went down and is gone after it was, when such an abandon exists, an
 * abandoned call (and a missed call to ring back), not an IVR-only one. Single-threaded.
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
}
