package org.hotline.telephony.ami.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMI packets from a byte stream: {@code \r\n}-terminated {@code Key: value} lines, each
 * packet ended by an empty line. A bare {@code \n} is accepted too. The optional banner line
 * ({@code Asterisk Call Manager/…}) has no colon-space and is returned by {@link #readBanner()}.
 *
 * <p>Not thread-safe: one reader per connection.
 */
public final class AmiMessageReader {
  /** Longest line accepted; longer input is a protocol error rather than unbounded memory. */
  public static final int MAX_LINE = 64 * 1024;

  private final InputStream in;

  public AmiMessageReader(InputStream in) {
    this.in = in;
  }

  /** Parses every packet in a recorded byte stream (banner skipped). */
  public static List<AmiMessage> parseAll(byte[] bytes) throws IOException {
    AmiMessageReader reader = new AmiMessageReader(new ByteArrayInputStream(bytes));
    List<AmiMessage> out = new ArrayList<>();
    AmiMessage m;
    while ((m = reader.read()) != null) {
      out.add(m);
    }
    return out;
  }

  /** Reads the first line when it is the banner; returns null at end of stream. */
  public String readBanner() throws IOException {
    return readLine();
  }

  /** Next packet, or null at end of stream. A banner line inside the stream is skipped. */
  public AmiMessage read() throws IOException {
    AmiMessage.Builder b = AmiMessage.builder();
    int count = 0;
    while (true) {
      String line = readLine();
      if (line == null) {
        return count > 0 ? b.build() : null;
      }
      if (line.isEmpty()) {
        if (count > 0) {
          return b.build();
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // banner or garbage line: no field
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      b.add(key, value);
      count++;
    }
  }

  private String readLine() throws IOException {
    byte[] buf = new byte[128];
    int len = 0;
    while (true) {
      int c = in.read();
      if (c < 0) {
        return len == 0 ? null : new String(buf, 0, len, StandardCharsets.UTF_8);
      }
      if (c == '\n') {
        if (len > 0 && buf[len - 1] == '\r') {
          len--;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
      }
      if (len == buf.length) {
        if (len >= MAX_LINE) {
          throw new IOException("AMI line longer than " + MAX_LINE + " bytes");
        }
        buf = java.util.Arrays.copyOf(buf, len * 2);
      }
      buf[len++] = (byte) c;
    }
  }
}
