package org.hotline.sms.outbox;

import io.vertx.core.json.JsonObject;

/** A message that reached delivered or failed; published on {@code sms.mt.status}. */
record StatusChange(long id, Long ticketId, String kind, String state, String error) {
  JsonObject toJson() {
    JsonObject j =
        new JsonObject()
            .put("id", id)
            .put("ticketId", ticketId)
            .put("kind", kind)
            .put("state", state);
    if (error != null) {
      j.put("error", error);
    }
    return j;
  }
}
