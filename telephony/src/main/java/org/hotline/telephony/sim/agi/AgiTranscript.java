package org.hotline.telephony.sim.agi;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What crossed the wire in one simulated session, in the format of the recorded fixtures ({@code
 * [seconds] AST> line\n} for what Asterisk sent, {@code AGI<} for what the server sent), plus the
 * exact bytes of each direction. Thread-confined to the call's event loop until the call ends.
 */
public final class AgiTranscript {
  /** One protocol line. */
  public record Entry(long nanosSinceConnect, boolean fromAsterisk, String line) {}

  private final long startNanos = System.nanoTime();
  private final List<Entry> entries = new ArrayList<>();
  private final Buffer fromAsterisk = Buffer.buffer();
  private final Buffer toAsterisk = Buffer.buffer();

  void sent(String bytes) {
    fromAsterisk.appendString(bytes);
    long now = System.nanoTime() - startNanos;
    int start = 0;
    while (start < bytes.length()) {
      int end = bytes.indexOf('\n', start);
      end = end < 0 ? bytes.length() : end + 1;
      entries.add(new Entry(now, true, bytes.substring(start, end)));
      start = end;
    }
  }

  void received(String line) {
    toAsterisk.appendString(line).appendString("\n");
    entries.add(new Entry(System.nanoTime() - startNanos, false, line + "\n"));
  }

  void note(String text) {
    entries.add(new Entry(System.nanoTime() - startNanos, true, "### " + text));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Exact bytes the simulated Asterisk sent. */
  public Buffer bytesFromAsterisk() {
    return fromAsterisk.copy();
  }

  /** Exact bytes the server sent (lines as received, each with its {@code \n}). */
  public Buffer bytesToAsterisk() {
    return toAsterisk.copy();
  }

  /** The commands the server sent, in order, without line terminators. */
  public List<String> commands() {
    List<String> commands = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.fromAsterisk()) {
        commands.add(e.line().substring(0, e.line().length() - 1));
      }
    }
    return commands;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Entry e : entries) {
      String shown = e.line().replace("\r", "\\r").replace("\n", "\\n");
      String dir = e.line().startsWith("### ") ? "" : e.fromAsterisk() ? "AST> " : "AGI< ";
      out.append(
          String.format(Locale.ROOT, "[%8.3f] %s%s%n", e.nanosSinceConnect() / 1e9, dir, shown));
    }
    return out.toString();
  }
}
