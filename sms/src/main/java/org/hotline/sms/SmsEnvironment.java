package org.hotline.sms;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Maps the documented environment variables onto the {@link SmsGatewayVerticle} config, so the core
 * does not repeat the key names: HOTLINE_SMPP_HOST, HOTLINE_SMPP_PORT, HOTLINE_SMPP_SYSTEM_ID,
 * HOTLINE_SMPP_PASSWORD, HOTLINE_SMPP_SOURCE, HOTLINE_SMPP_WINDOW, HOTLINE_SMPP_RATE,
 * HOTLINE_SMPP_BIND_MODE, HOTLINE_SMS_QUIET_HOURS. Unset variables are left out (defaults apply);
 * HOTLINE_SMS_QUIET_HOURS set to an empty string means no quiet hours.
 */
public final class SmsEnvironment {

  private SmsEnvironment() {}

  public static JsonObject toConfig(Map<String, String> env) {
    JsonObject c = new JsonObject();
    text(env, "HOTLINE_SMPP_HOST", c, "host");
    number(env, "HOTLINE_SMPP_PORT", c, "port");
    text(env, "HOTLINE_SMPP_SYSTEM_ID", c, "systemId");
    text(env, "HOTLINE_SMPP_PASSWORD", c, "password");
    text(env, "HOTLINE_SMPP_SOURCE", c, "sourceAddress");
    number(env, "HOTLINE_SMPP_WINDOW", c, "window");
    number(env, "HOTLINE_SMPP_RATE", c, "ratePerSecond");
    text(env, "HOTLINE_SMPP_BIND_MODE", c, "bindMode");
    if (env.containsKey("HOTLINE_SMS_QUIET_HOURS")) {
      c.put("quietHours", env.get("HOTLINE_SMS_QUIET_HOURS").strip());
    }
    return c;
  }

  private static void text(Map<String, String> env, String var, JsonObject c, String key) {
    String v = env.get(var);
    if (v != null && !v.isBlank()) {
      c.put(key, v.strip());
    }
  }

  private static void number(Map<String, String> env, String var, JsonObject c, String key) {
    String v = env.get(var);
    if (v != null && !v.isBlank()) {
      try {
        c.put(key, Integer.parseInt(v.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(var + " must be a number: " + v, e);
      }
    }
  }
}
