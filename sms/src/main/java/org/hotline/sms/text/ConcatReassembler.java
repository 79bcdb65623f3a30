package org.hotline.sms.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reassembles concatenated MO messages keyed by sender, reference and total, whatever order the
 * parts arrive in. Incomplete messages older than the timeout are released by {@link #expire} with
 * their missing parts marked, so nothing a citizen sent is silently dropped. Thread-safe.
 */
public final class ConcatReassembler {

  /** Marker put where a part never arrived. */
  public static final String MISSING = "…";

  private record Key(String from, int reference, int total) {}

  private static final class Pending {
    final String[] parts;
    final Instant firstSeen;
    int received;

    Pending(int total, Instant firstSeen) {
      this.parts = new String[total];
      this.firstSeen = firstSeen;
    }
  }

  /** A message released because it timed out with parts missing. */
  public record Incomplete(String from, String text, int received, int total) {}

  private final Duration timeout;
  private final Map<Key, Pending> pending = new HashMap<>();

  public ConcatReassembler(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Offers one part. Returns the whole text once every part is there; duplicates of a part already
   * held are ignored.
   */
  public synchronized Optional<String> offer(
      String from, int reference, int total, int seq, String part, Instant now) {
    if (total <= 1) {
      return Optional.of(part);
    }
    if (seq < 1 || seq > total) {
      throw new IllegalArgumentException("seq " + seq + " outside 1.." + total);
    }
    Key key = new Key(from, reference, total);
    Pending p = pending.computeIfAbsent(key, k -> new Pending(total, now));
    if (p.parts[seq - 1] == null) {
      p.parts[seq - 1] = part;
      p.received++;
    }
    if (p.received < total) {
      return Optional.empty();
    }
    pending.remove(key);
    return Optional.of(String.join("", p.parts));
  }

  /** Releases (and forgets) messages whose first part is older than the timeout. */
  public synchronized List<Incomplete> expire(Instant now) {
    List<Incomplete> out = new ArrayList<>();
    Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Pending> e = it.next();
      Pending p = e.getValue();
      if (p.firstSeen.plus(timeout).isAfter(now)) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      for (String part : p.parts) {
        sb.append(part == null ? MISSING : part);
      }
      out.add(new Incomplete(e.getKey().from(), sb.toString(), p.received, p.parts.length));
      it.remove();
    }
    return out;
  }

  /** Messages waiting for parts. */
  public synchronized int pendingCount() {
    return pending.size();
  }
}
