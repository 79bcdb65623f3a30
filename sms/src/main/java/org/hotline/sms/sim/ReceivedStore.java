package org.hotline.sms.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the simulated SMSC accepted, with duplicate counting by gateway tag. Thread-safe. */
final class ReceivedStore {

  private final Queue<StoredSegment> stored = new ConcurrentLinkedQueue<>();
  private final Map<String, Integer> tagCounts = new ConcurrentHashMap<>();

  void add(StoredSegment seg) {
    stored.add(seg);
    if (seg.tag() != null) {
      tagCounts.merge(seg.tag(), 1, Integer::sum);
    }
  }

  List<StoredSegment> segments() {
    return List.copyOf(stored);
  }

  /** Reassembles by destination, reference and total, in completion order. */
  List<StoredMessage> messages() {
    Map<String, String[]> pending = new HashMap<>();
    List<StoredMessage> out = new ArrayList<>();
    for (StoredSegment s : stored) {
      if (s.total() <= 1) {
        out.add(new StoredMessage(s.destination(), s.text(), 1));
        continue;
      }
      String key = s.destination() + "/" + s.reference() + "/" + s.total();
      String[] parts = pending.computeIfAbsent(key, k -> new String[s.total()]);
      parts[s.seq() - 1] = s.text();
      if (Arrays.stream(parts).allMatch(Objects::nonNull)) {
        out.add(new StoredMessage(s.destination(), String.join("", parts), s.total()));
        pending.remove(key);
      }
    }
    return out;
  }

  int duplicateTags() {
    return (int) tagCounts.values().stream().filter(c -> c > 1).count();
  }

  Map<String, Integer> tagCounts() {
    return Map.copyOf(tagCounts);
  }
}
