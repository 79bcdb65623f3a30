package org.hotline.telephony.ami.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AMI packet: an ordered list of {@code Key: value} fields, as Asterisk writes them. Keys keep
 * their original spelling and order (the simulator writes them back byte for byte) and may repeat
 * ({@code Variable:} in Originate); lookups ignore case, because asterisk-java lower-cases them.
 *
 * <p>Immutable and thread-safe.
 */
public final class AmiMessage {
  private final List<Map.Entry<String, String>> fields;

  private AmiMessage(List<Map.Entry<String, String>> fields) {
    this.fields = Collections.unmodifiableList(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The event name ({@code Event:}), or null for responses and actions. */
  public String eventName() {
    return get("Event");
  }

  /** The action name ({@code Action:}), or null. */
  public String actionName() {
    return get("Action");
  }

  /** True when the packet is an event of the given name (case-insensitive). */
  public boolean isEvent(String name) {
    String ev = eventName();
    return ev != null && ev.equalsIgnoreCase(name);
  }

  /** First value of the key (case-insensitive), or null. */
  public String get(String key) {
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equalsIgnoreCase(key)) {
        return f.getValue();
      }
    }
    return null;
  }

  /** All values of a repeated key, in order. */
  public List<String> getAll(String key) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equalsIgnoreCase(key)) {
        out.add(f.getValue());
      }
    }
    return out;
  }

  /** Value, or {@code fallback} when missing, empty or Asterisk's {@code <unknown>}. */
  public String text(String key, String fallback) {
    String v = get(key);
    return v == null || v.isEmpty() || "<unknown>".equals(v) ? fallback : v;
  }

  /** Integer value, or {@code fallback} when missing or not a number. */
  public long number(String key, long fallback) {
    String v = get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Boolean value: Asterisk writes {@code 1/0}, asterisk-java {@code true/false}; also yes/no. */
  public boolean flag(String key) {
    String v = get(key);
    if (v == null) {
      return false;
    }
    String s = v.trim().toLowerCase();
    return s.equals("1") || s.equals("true") || s.equals("yes") || s.equals("on");
  }

  public Optional<String> optional(String key) {
    return Optional.ofNullable(text(key, null));
  }

  public List<Map.Entry<String, String>> fields() {
    return fields;
  }

  /** The packet in wire form: {@code Key: value\r\n} lines and the terminating empty line. */
  public String toWire() {
    StringBuilder sb = new StringBuilder(32 * fields.size() + 2);
    for (Map.Entry<String, String> f : fields) {
      sb.append(f.getKey()).append(": ").append(f.getValue()).append("\r\n");
    }
    return sb.append("\r\n").toString();
  }

  @Override
  public String toString() {
    return toWire().replace("\r\n", " | ");
  }

  /** Builds a message field by field, keeping order. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    public Builder add(String key, Object value) {
      fields.add(Map.entry(key, value == null ? "" : String.valueOf(value)));
      return this;
    }

    /** Adds every field of another message, in order. */
    public Builder addAll(AmiMessage other) {
      fields.addAll(other.fields);
      return this;
    }

    public AmiMessage build() {
      return new AmiMessage(new ArrayList<>(fields));
    }
  }
}
