package org.hotline.ticketing.attachment;

import io.vertx.core.json.JsonObject;
import java.time.ZonedDateTime;
import org.hotline.ticketing.order.OrderView;

/** 附件: what is known about one stored file of an order. The stored name never leaves the server. */
public record Attachment(
    long id,
    long orderId,
    String name,
    String contentType,
    long size,
    String sha256,
    String storedName,
    String uploadedBy,
    String uploaderUnit,
    ZonedDateTime uploadedAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("orderId", orderId)
        .put("name", name)
        .put("contentType", contentType)
        .put("size", size)
        .put("sha256", sha256)
        .put("uploadedBy", uploadedBy)
        .put("uploaderUnit", uploaderUnit)
        .put("uploadedAt", OrderView.time(uploadedAt))
        .put("url", "/api/attachments/" + id);
  }

  /** The short form kept on the order row and in its history. */
  public JsonObject summary() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("contentType", contentType)
        .put("size", size)
        .put("uploadedBy", uploadedBy)
        .put("uploadedAt", OrderView.time(uploadedAt));
  }
}
