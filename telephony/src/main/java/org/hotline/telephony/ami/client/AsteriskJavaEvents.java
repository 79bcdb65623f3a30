package org.hotline.telephony.ami.client;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * Turns asterisk-java's typed events back into plain AMI fields, so the domain classes read one
 * neutral form whether the events came through asterisk-java or straight off a recording. Field
 * names are the lower-cased bean properties, which is how asterisk-java matched them to Asterisk's
 * keys in the first place ({@code CallerIDNum} → {@code setCallerIdNum} → {@code calleridnum}).
 *
 * <p>Thread-safe; getters are looked up once per event class. Fast enough for the event pump.
 */
public final class AsteriskJavaEvents {
  private static final Map<Class<?>, List<Method>> GETTERS = new ConcurrentHashMap<>();
  private static final List<String> SKIPPED =
      List.of(
          "class",
          "source",
          "datereceived",
          "systemhashcode",
          "server",
          "file",
          "line",
          "func",
          "internalactionid");

  private AsteriskJavaEvents() {}

  /** The AMI event name of an asterisk-java event class: {@code HangupEvent} → {@code Hangup}. */
  public static String eventName(Class<?> type) {
    String n = type.getSimpleName();
    return n.endsWith("Event") ? n.substring(0, n.length() - "Event".length()) : n;
  }

  public static AmiMessage toMessage(ManagerEvent event) {
    AmiMessage.Builder b = AmiMessage.builder().add("Event", eventName(event.getClass()));
    for (Method m : GETTERS.computeIfAbsent(event.getClass(), AsteriskJavaEvents::getters)) {
      try {
        Object v = m.invoke(event);
        if (v != null) {
          b.add(propertyName(m), v);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // a getter that fails tells us nothing about the call: skip the field
      }
    }
    return b.build();
  }

  private static List<Method> getters(Class<?> type) {
    List<Method> out = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String n = m.getName();
      boolean getter =
          (n.startsWith("get") && n.length() > 3) || (n.startsWith("is") && n.length() > 2);
      if (getter && simple(m.getReturnType()) && !SKIPPED.contains(propertyName(m))) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName));
    return List.copyOf(out);
  }

  private static String propertyName(Method m) {
    String n = m.getName();
    return (n.startsWith("is") ? n.substring(2) : n.substring(3)).toLowerCase();
  }

  private static boolean simple(Class<?> t) {
    return t == String.class
        || Number.class.isAssignableFrom(t)
        || t == Boolean.class
        || t.isPrimitive() && t != void.class
        || t.isEnum()
        || t == Character.class;
  }
}
