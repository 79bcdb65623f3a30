package org.hotline.telephony.ami.state;

/** Relates a queue member interface to the channels created for it. */
public final class Interfaces {
  private Interfaces() {}

  /**
   * True when {@code channel} is a channel of the device {@code iface}: {@code PJSIP/1001} owns
   * {@code PJSIP/1001-0000002a}; {@code Local/agent1@agents/n} owns {@code
   * Local/agent1@agents-00000009;1}.
   */
  public static boolean matchesChannel(String iface, String channel) {
    if (iface == null || channel == null) {
      return false;
    }
    String base = iface;
    int slash = base.lastIndexOf('/');
    if (base.startsWith("Local/")
        && slash > "Local/".length() - 1
        && base.indexOf('/', 6) == slash) {
      base = base.substring(0, slash); // drop Local's option suffix such as "/n"
    }
    return channel.startsWith(base + "-");
  }
}
