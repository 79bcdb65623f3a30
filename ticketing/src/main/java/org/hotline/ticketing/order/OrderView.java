package org.hotline.ticketing.order;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZonedDateTime;
import org.hotline.ticketing.workflow.WorkOrder;

/**
 * An order as JSON. Unit staff see the citizen's number masked (138****5678), and nothing of the
 * citizen at all on a confidential report (举报 with 保密).
 */
public final class OrderView {

  private OrderView() {}

  public static JsonObject toJson(WorkOrder o, boolean unitView, ZonedDateTime now) {
    JsonObject j =
        new JsonObject()
            .put("id", o.id)
            .put("number", o.number)
            .put("state", o.state.name())
            .put("version", o.version)
            .put("channel", o.channel)
            .put("requestType", o.requestType)
            .put("categoryCode", o.categoryCode)
            .put("confidential", o.confidential);
    if (unitView && o.confidential) {
      j.putNull("citizenPhone").putNull("citizenName");
    } else if (unitView) {
      j.put("citizenPhone", mask(o.citizenPhone)).put("citizenName", maskName(o.citizenName));
    } else {
      j.put("citizenPhone", o.citizenPhone).put("citizenName", o.citizenName);
    }
    j.put("location", o.location)
        .put("latitude", o.latitude)
        .put("longitude", o.longitude)
        .put("area", o.area)
        .put("description", o.description)
        .put("urgency", o.urgency)
        .put("leadUnit", o.leadUnit)
        .put("coUnits", new JsonArray(o.coUnits))
        .put("handlingUnit", o.handlingUnit)
        .put("parentId", o.parentId)
        .put("callIds", new JsonArray(o.callIds))
        .put("attachments", new JsonArray(o.attachmentsJson))
        .put("pending", pending(o.pending))
        .put("supervised", o.supervised)
        .put("supervisionNote", o.supervisionNote)
        .put("overdue", o.isOverdue(now))
        .put("signDeadline", time(o.signDeadline))
        .put("dueDeadline", time(o.dueDeadline))
        .put("dispatchedAt", time(o.dispatchedAt))
        .put("signedAt", time(o.signedAt))
        .put("repliedAt", time(o.repliedAt))
        .put("closedAt", time(o.closedAt))
        .put("answerText", o.answerText)
        .put("articleCode", o.articleCode)
        .put("replyText", o.replyText)
        .put("closeReason", o.closeReason)
        .put("rating", o.rating)
        .put("rehandleCount", o.rehandleCount)
        .put("callbackAttempts", o.callbackAttempts)
        .put("createdBy", o.createdBy)
        .put("createdAt", time(o.createdAt))
        .put("updatedAt", time(o.updatedAt));
    return j;
  }

  public static JsonObject event(OrderEvent e) {
    return new JsonObject()
        .put("action", e.action())
        .put("actor", e.actor())
        .put("at", time(e.at()))
        .put("from", e.fromState())
        .put("to", e.toState())
        .put("note", e.note())
        .put("payload", e.payload());
  }

  /** ISO-8601 with the offset, e.g. 2026-10-09T16:00+08:00. */
  public static String time(ZonedDateTime t) {
    return t == null
        ? null
        : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            t.toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  static JsonObject pending(WorkOrder.Pending p) {
    Object j = WorkOrderRepository.pendingJson(p);
    return (JsonObject) j;
  }

  /** 13812345678 → 138****5678; short or odd numbers keep only their last two digits. */
  public static String mask(String phone) {
    if (phone == null || phone.isEmpty()) {
      return phone;
    }
    if (phone.length() >= 11) {
      return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
    int keep = Math.min(2, phone.length());
    return "*".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
  }

  /** 张三丰 → 张** : units address the citizen by family name only. */
  static String maskName(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
  }
}
