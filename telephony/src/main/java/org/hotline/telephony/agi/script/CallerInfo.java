package org.hotline.telephony.agi.script;

import io.vertx.core.json.JsonObject;

/** What the core says about a caller (reply of {@code telephony.ivr.caller}). */
public record CallerInfo(
    boolean blocked,
    boolean knownCaller,
    int openOrders,
    int priority,
    String profileId,
    boolean staffed,
    String greeting,
    int expectedWaitSeconds,
    boolean voicemailOffered) {

  /** Used when the core does not answer in time: go on as a normal daytime call. */
  public static CallerInfo fallback() {
    return new CallerInfo(false, false, 0, 0, "", true, "day", 0, false);
  }

  public static CallerInfo fromJson(JsonObject json) {
    String greeting = json.getString("greeting", "day");
    if (!greeting.equals("night") && !greeting.equals("holiday")) {
      greeting = "day";
    }
    String profileId =
        json.getValue("profileId") == null ? "" : String.valueOf(json.getValue("profileId"));
    return new CallerInfo(
        json.getBoolean("blocked", false),
        json.getBoolean("knownCaller", false),
        json.getInteger("openOrders", 0),
        Math.max(0, Math.min(10, json.getInteger("priority", 0))),
        profileId,
        json.getBoolean("staffed", true),
        greeting,
        Math.max(0, json.getInteger("expectedWaitSeconds", 0)),
        json.getBoolean("voicemailOffered", false));
  }
}
