package org.hotline.sms.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into SMPP segments: one message up to 160 septets / 70 UCS2 characters, otherwise
 * concatenated segments of 153 / 67 with an 8-bit reference UDH. Never splits a GSM escape pair or
 * a UTF-16 surrogate pair (an emoji): such a segment carries one unit less. Pure and thread-safe.
 */
public final class Segmenter {

  /** The UDH concat IE cannot number more than 255 parts. */
  public static final int MAX_SEGMENTS = 255;

  private Segmenter() {}

  /** Splits {@code text} using {@code reference} (0..255) as the concatenation reference. */
  public static EncodedMessage split(String text, int reference) {
    SmsEncoding encoding = SmsEncoding.choose(text);
    List<String> parts = partition(text, encoding);
    int total = parts.size();
    List<Segment> segments = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      String part = parts.get(i);
      byte[] body = encode(part, encoding);
      byte[] payload = body;
      if (total > 1) {
        byte[] udh = Udh.concat8(reference & 0xFF, total, i + 1);
        payload = new byte[udh.length + body.length];
        System.arraycopy(udh, 0, payload, 0, udh.length);
        System.arraycopy(body, 0, payload, udh.length, body.length);
      }
      segments.add(new Segment(i + 1, total, reference & 0xFF, payload, part));
    }
    return new EncodedMessage(encoding, segments);
  }

  /** Encoding, segment count and units of a text, without building the payloads. */
  public static SegmentPreview preview(String text) {
    SmsEncoding encoding = SmsEncoding.choose(text);
    int units = encoding == SmsEncoding.GSM7 ? Gsm7Alphabet.septetCount(text) : text.length();
    return new SegmentPreview(encoding, partition(text, encoding).size(), units);
  }

  /** Number of segments the text needs. */
  public static int count(String text) {
    return preview(text).segments();
  }

  /** Encodes a body (no UDH) in the given encoding. */
  public static byte[] encode(String text, SmsEncoding encoding) {
    return encoding == SmsEncoding.GSM7
        ? Gsm7Alphabet.encode(text)
        : text.getBytes(StandardCharsets.UTF_16BE);
  }

  static List<String> partition(String text, SmsEncoding encoding) {
    int total = units(text, 0, text.length(), encoding);
    if (total <= encoding.singleCapacity()) {
      return List.of(text);
    }
    int capacity = encoding.segmentCapacity();
    List<String> parts = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      int used = 0;
      while (end < text.length()) {
        int step = stepLength(text, end);
        int cost = units(text, end, end + step, encoding);
        if (used + cost > capacity) {
          break;
        }
        used += cost;
        end += step;
      }
      parts.add(text.substring(start, end));
      start = end;
      if (parts.size() > MAX_SEGMENTS) {
        throw new IllegalArgumentException("text needs more than " + MAX_SEGMENTS + " segments");
      }
    }
    return parts;
  }

  /** A surrogate pair is one indivisible step; everything else is one char. */
  private static int stepLength(String text, int index) {
    return Character.isHighSurrogate(text.charAt(index))
            && index + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(index + 1))
        ? 2
        : 1;
  }

  private static int units(String text, int from, int to, SmsEncoding encoding) {
    if (encoding == SmsEncoding.UCS2) {
      return to - from;
    }
    return Gsm7Alphabet.septetCount(text.subSequence(from, to));
  }
}
