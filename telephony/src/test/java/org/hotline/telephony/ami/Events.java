package org.hotline.telephony.ami;

import org.hotline.telephony.ami.protocol.AmiMessage;

/** Builds AMI events for unit tests: {@code Events.of("Hangup", "Uniqueid", "1.1")}. */
public final class Events {
  private Events() {}

  public static AmiMessage of(String event, String... keyValues) {
    AmiMessage.Builder b = AmiMessage.builder().add("Event", event);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      b.add(keyValues[i], keyValues[i + 1]);
    }
    return b.build();
  }

  /** A queue member event for member {@code name} on {@code iface} in queue hotline. */
  public static AmiMessage member(String event, String iface, String name, String... more) {
    String[] base = {
      "Queue",
      "hotline",
      "MemberName",
      name,
      "Interface",
      iface,
      "Status",
      "1",
      "Paused",
      "0",
      "PausedReason",
      "",
      "InCall",
      "0",
      "CallsTaken",
      "0",
      "LastCall",
      "0",
      "Wrapuptime",
      "0"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return of(event, override(all));
  }

  /** Later keys win over earlier ones with the same name. */
  private static String[] override(String[] kv) {
    java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m.entrySet().stream()
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }

  /** A caller-side event (QueueCallerJoin, AgentConnect, …) of call {@code uid}. */
  public static AmiMessage call(String event, String uid, String number, String... more) {
    String[] base = {
      "Channel",
      "PJSIP/trunk-" + uid,
      "CallerIDNum",
      number,
      "Uniqueid",
      uid,
      "Linkedid",
      uid,
      "Queue",
      "hotline"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return of(event, all);
  }
}
