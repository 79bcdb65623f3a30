package org.hotline.ticketing.workflow;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 工单: the row image of one work order. It is a plain mutable value: the repository fills it, {@link
 * Workflow} changes a {@link #copy()} of it, and the repository writes the copy back.
 */
public final class WorkOrder {

  /** An open request of the unit that awaits the centre's decision (退单, 派单异议, 延期). */
  public record Pending(String type, String reason, ZonedDateTime until, String unit) {
    public static final String RETURN = "return";
    public static final String DISPUTE = "dispute";
    public static final String EXTENSION = "extension";

    /** Return and dispute requests stop the unit's work until decided; extensions do not. */
    public boolean blocksHandling() {
      return !EXTENSION.equals(type);
    }
  }

  public long id;
  public String number;
  public OrderState state;
  public int version;
  public String channel;
  public String requestType;
  public String categoryCode;
  public String citizenPhone;
  public String citizenName;
  public boolean confidential;
  public String location;
  public Double latitude;
  public Double longitude;
  public String area;
  public String description;
  public String urgency;
  public String leadUnit;
  public List<String> coUnits = new ArrayList<>();
  public String handlingUnit;
  public Long parentId;
  public List<String> callIds = new ArrayList<>();
  public String attachmentsJson = "[]";
  public Pending pending;
  public ZonedDateTime pausedSince;
  public boolean supervised;
  public String supervisionNote;
  public String answerText;
  public String articleCode;
  public String replyText;
  public String closeReason;
  public String rating;
  public int rehandleCount;
  public int callbackAttempts;
  public ZonedDateTime signDeadline;
  public ZonedDateTime dueDeadline;
  public ZonedDateTime dispatchedAt;
  public ZonedDateTime signedAt;
  public ZonedDateTime repliedAt;
  public ZonedDateTime closedAt;
  public String createdBy;
  public ZonedDateTime createdAt;
  public ZonedDateTime updatedAt;

  public boolean isUrgent() {
    return "urgent".equals(urgency);
  }

  /** The unit that holds the order now: the child after a sub-dispatch, else the lead unit. */
  public String holdingUnit() {
    return handlingUnit != null ? handlingUnit : leadUnit;
  }

  /**
   * 超期: a unit missed its sign or completion deadline. While a request awaits the centre the clock
   * stands still, so lateness is judged at the moment it stopped.
   */
  public boolean isOverdue(ZonedDateTime now) {
    if (!state.isAtUnit()) {
      return false;
    }
    ZonedDateTime at = pausedSince != null ? pausedSince : now;
    boolean signLate =
        state == OrderState.DISPATCHED && signDeadline != null && at.isAfter(signDeadline);
    boolean dueLate = dueDeadline != null && at.isAfter(dueDeadline);
    return signLate || dueLate;
  }

  public WorkOrder copy() {
    WorkOrder c = new WorkOrder();
    c.id = id;
    c.number = number;
    c.state = state;
    c.version = version;
    c.channel = channel;
    c.requestType = requestType;
    c.categoryCode = categoryCode;
    c.citizenPhone = citizenPhone;
    c.citizenName = citizenName;
    c.confidential = confidential;
    c.location = location;
    c.latitude = latitude;
    c.longitude = longitude;
    c.area = area;
    c.description = description;
    c.urgency = urgency;
    c.leadUnit = leadUnit;
    c.coUnits = new ArrayList<>(coUnits);
    c.handlingUnit = handlingUnit;
    c.parentId = parentId;
    c.callIds = new ArrayList<>(callIds);
    c.attachmentsJson = attachmentsJson;
    c.pending = pending;
    c.pausedSince = pausedSince;
    c.supervised = supervised;
    c.supervisionNote = supervisionNote;
    c.answerText = answerText;
    c.articleCode = articleCode;
    c.replyText = replyText;
    c.closeReason = closeReason;
    c.rating = rating;
    c.rehandleCount = rehandleCount;
    c.callbackAttempts = callbackAttempts;
    c.signDeadline = signDeadline;
    c.dueDeadline = dueDeadline;
    c.dispatchedAt = dispatchedAt;
    c.signedAt = signedAt;
    c.repliedAt = repliedAt;
    c.closedAt = closedAt;
    c.createdBy = createdBy;
    c.createdAt = createdAt;
    c.updatedAt = updatedAt;
    return c;
  }
}
