package org.hotline.telephony.agi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code agi_*} environment Asterisk sends when a FastAGI session starts. The script is the
 * path of {@code agi_network_script} (or of the {@code agi_request} URL) without query string;
 * arguments are {@code agi_arg_1..n}; the query string (e.g. {@code lang=zh}) is available too.
 * Immutable.
 */
public final class AgiRequest {
  private final Map<String, String> env;
  private final String script;
  private final Map<String, String> query;
  private final List<String> args;

  public AgiRequest(Map<String, String> env) {
    this.env = Map.copyOf(env);
    String location = env.getOrDefault("agi_network_script", "");
    if (location.isEmpty()) {
      location = pathOfUrl(env.getOrDefault("agi_request", ""));
    }
    int question = location.indexOf('?');
    String path = question < 0 ? location : location.substring(0, question);
    this.script = trimSlashes(path);
    this.query = question < 0 ? Map.of() : parseQuery(location.substring(question + 1));
    List<String> collected = new ArrayList<>();
    for (int i = 1; env.containsKey("agi_arg_" + i); i++) {
      collected.add(env.get("agi_arg_" + i));
    }
    this.args = List.copyOf(collected);
  }

  private static String pathOfUrl(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int slash = url.indexOf('/', scheme + 3);
    return slash < 0 ? "" : url.substring(slash + 1);
  }

  private static String trimSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        params.put(key, value);
      }
    }
    return Map.copyOf(params);
  }

  /** The script name, e.g. {@code hotline} for {@code agi://host:4573/hotline?lang=zh}. */
  public String script() {
    return script;
  }

  public Map<String, String> environment() {
    return env;
  }

  /** A raw {@code agi_*} value ({@code name} with or without the {@code agi_} prefix) or "". */
  public String get(String name) {
    return env.getOrDefault(name.startsWith("agi_") ? name : "agi_" + name, "");
  }

  public List<String> args() {
    return args;
  }

  /** Argument {@code n} (1-based) or "" when absent. */
  public String arg(int n) {
    return n >= 1 && n <= args.size() ? args.get(n - 1) : "";
  }

  public Map<String, String> query() {
    return query;
  }

  /** Asterisk's unique id of the channel ({@code agi_uniqueid}). */
  public String uniqueId() {
    return get("agi_uniqueid");
  }

  public String channelName() {
    return get("agi_channel");
  }

  /** The caller's number, or "" when Asterisk says {@code unknown}. */
  public String callerId() {
    String value = get("agi_callerid");
    return "unknown".equalsIgnoreCase(value) ? "" : value;
  }

  /** The dialled number ({@code agi_dnid}), or "" when {@code unknown}. */
  public String dnid() {
    String value = get("agi_dnid");
    return "unknown".equalsIgnoreCase(value) ? "" : value;
  }

  @Override
  public String toString() {
    return "AgiRequest["
        + script
        + " "
        + uniqueId()
        + " from "
        + callerId()
        + " args="
        + args
        + "]";
  }
}
