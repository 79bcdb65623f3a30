package org.hotline.telephony.ami.state;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotline.telephony.ami.protocol.AmiMessage;

/** Field reading shared by the state classes: identity checks and small conversions. */
final class StateFields {
  private StateFields() {}

  static boolean wellFormed(String name, AmiMessage e) {
    boolean needsCall =
        name.startsWith("queuecaller")
            || name.startsWith("agent")
            || name.equals("newchannel")
            || name.equals("hangup")
            || name.equals("newcallerid");
    boolean needsQueue = name.startsWith("queue");
    boolean needsMember = name.startsWith("queuemember") || name.startsWith("agent");
    return (!needsCall || present(e.get("Uniqueid")))
        && (!needsQueue || present(e.get("Queue")))
        && (!needsMember || ifaceOf(e) != null);
  }

  static boolean present(String v) {
    return v != null && !v.isBlank();
  }

  static String ifaceOf(AmiMessage e) {
    return e.text("Interface", e.text("Location", e.text("StateInterface", null)));
  }

  static ActiveChannel channelOf(AmiMessage e) {
    return new ActiveChannel(
        e.get("Uniqueid"),
        e.text("Linkedid", e.get("Uniqueid")),
        e.get("Channel"),
        e.text("CallerIDNum", null),
        e.get("Context"),
        e.get("Exten"),
        e.text("Application", null),
        e.text("BridgeId", null));
  }

  static Map<AgentStatus, Integer> count(List<AgentStatus> statuses) {
    Map<AgentStatus, Integer> m = new EnumMap<>(AgentStatus.class);
    for (AgentStatus s : AgentStatus.values()) {
      m.put(s, 0);
    }
    statuses.forEach(s -> m.merge(s, 1, Integer::sum));
    return m;
  }
}
