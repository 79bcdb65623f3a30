package org.hotline.ticketing.workflow;

import static org.hotline.ticketing.workflow.OrderState.ACCEPTED;
import static org.hotline.ticketing.workflow.OrderState.ANSWERED;
import static org.hotline.ticketing.workflow.OrderState.CALLBACK;
import static org.hotline.ticketing.workflow.OrderState.CLOSED;
import static org.hotline.ticketing.workflow.OrderState.DISPATCHED;
import static org.hotline.ticketing.workflow.OrderState.MERGED;
import static org.hotline.ticketing.workflow.OrderState.RECEIVED;
import static org.hotline.ticketing.workflow.OrderState.REPLIED;

import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.calendar.DeadlinePolicy;
import org.hotline.ticketing.calendar.DeadlinePolicy.Deadlines;
import org.hotline.ticketing.calendar.DeadlinePolicy.RequestType;
import org.hotline.ticketing.calendar.WorkingCalendar;

/**
 * The work-order state machine: decides whether an actor may apply an action to an order in its
 * current state and version, and what the order becomes. Pure: no I/O, no clock of its own.
 */
public final class Workflow {

  private static final Set<OrderState> AT_UNIT = EnumSet.of(DISPATCHED, ACCEPTED);

  private final WorkingCalendar calendar;
  private final DeadlinePolicy policy;
  private final UnitDirectory units;

  public Workflow(WorkingCalendar calendar, DeadlinePolicy policy, UnitDirectory units) {
    this.calendar = calendar;
    this.policy = policy;
    this.units = units;
  }

  /**
   * Applies an action. {@code mergeTarget} is the order named by {@code into} (merge only).
   *
   * @throws WorkflowException when the action is refused; the given order is never modified
   */
  public Transition apply(
      WorkOrder order, Actor actor, ActionRequest req, WorkOrder mergeTarget, ZonedDateTime now) {
    checkPermission(order, actor, req.action());
    if (req.version() != order.version) {
      throw WorkflowException.stale(req.version(), order.version);
    }
    WorkOrder next = order.copy();
    Map<String, Object> payload = new LinkedHashMap<>();
    String note = null;
    switch (req.action()) {
      case ANSWER -> {
        requireState(order, req, RECEIVED);
        next.answerText = required(req.text(), "text");
        next.articleCode = req.articleCode();
        next.state = ANSWERED;
        next.closedAt = now;
        note = next.answerText;
        payload.put("articleCode", req.articleCode());
      }
      case MERGE -> {
        requireState(order, req, RECEIVED);
        required(req.into(), "into");
        if (mergeTarget == null) {
          throw WorkflowException.invalid("into", "no order " + req.into() + " to merge into");
        }
        if (mergeTarget.id == order.id || !mergeTarget.state.isOpen()) {
          throw WorkflowException.illegal(
              "order " + mergeTarget.number + " is not an open order this one can be merged into");
        }
        next.state = MERGED;
        next.parentId = mergeTarget.id;
        next.closedAt = now;
        payload.put("into", mergeTarget.number);
      }
      case WITHDRAW -> {
        if (!order.state.isOpen()) {
          throw illegal(order, req);
        }
        next.closeReason = required(req.reason(), "reason");
        next.state = CLOSED;
        next.closedAt = now;
        next.pending = null;
        next.pausedSince = null;
        note = next.closeReason;
      }
      case DISPATCH -> {
        requireState(order, req, RECEIVED);
        String unit = requiredUnit(req.unit(), "unit");
        for (String co : req.coUnits()) {
          requiredUnit(co, "coUnits");
          if (co.equals(unit)) {
            throw WorkflowException.invalid("coUnits", "the lead unit cannot also be a co-unit");
          }
        }
        next.leadUnit = unit;
        next.coUnits = new java.util.ArrayList<>(req.coUnits());
        next.handlingUnit = null;
        startClock(next, now);
        next.state = DISPATCHED;
        payload.put("unit", unit);
        payload.put("coUnits", req.coUnits());
      }
      case SIGN -> {
        requireState(order, req, DISPATCHED);
        requireNotBlocked(order);
        next.signedAt = now;
        next.state = ACCEPTED;
      }
      case SUBDISPATCH -> {
        requireState(order, req, ACCEPTED);
        requireNotBlocked(order);
        String child = requiredUnit(req.unit(), "unit");
        if (!units.isBelow(child, order.holdingUnit())) {
          throw WorkflowException.invalid(
              "unit", "unit " + child + " is not below " + order.holdingUnit());
        }
        next.handlingUnit = child;
        next.signedAt = null;
        next.signDeadline = policy.compute(calendar, now, type(order), order.isUrgent()).sign();
        next.state = DISPATCHED;
        payload.put("unit", child);
        payload.put("from", order.holdingUnit());
      }
      case REPLY -> {
        requireState(order, req, ACCEPTED);
        requireNotBlocked(order);
        next.replyText = required(req.text(), "text");
        next.repliedAt = now;
        next.state = REPLIED;
        if (order.pending != null) { // a pending extension is moot once the unit has replied
          resumeClock(next, now);
          next.pending = null;
        }
        note = next.replyText;
      }
      case RETURN_REQUEST, DISPUTE, EXTENSION_REQUEST -> {
        if (!AT_UNIT.contains(order.state)) {
          throw illegal(order, req);
        }
        if (order.pending != null) {
          throw WorkflowException.illegal(
              "a " + order.pending.type() + " request already awaits the centre's decision");
        }
        String reason = required(req.reason(), "reason");
        ZonedDateTime until = null;
        String type = WorkOrder.Pending.RETURN;
        if (req.action() == Action.DISPUTE) {
          type = WorkOrder.Pending.DISPUTE;
        } else if (req.action() == Action.EXTENSION_REQUEST) {
          type = WorkOrder.Pending.EXTENSION;
          until = req.until();
          if (until == null) {
            throw WorkflowException.invalid("until", "the new deadline is required");
          }
          if (order.dueDeadline != null && !until.isAfter(order.dueDeadline)) {
            throw WorkflowException.invalid(
                "until", "the new deadline must be later than the current one");
          }
        }
        next.pending = new WorkOrder.Pending(type, reason, until, order.holdingUnit());
        next.pausedSince = now;
        note = reason;
        payload.put("type", type);
        if (until != null) {
          payload.put("until", until.toOffsetDateTime().toString());
        }
      }
      case RETURN_APPROVE -> {
        requirePending(order, req, WorkOrder.Pending.RETURN);
        backToIntake(next);
      }
      case RETURN_REJECT, EXTENSION_REJECT -> {
        requirePending(
            order,
            req,
            req.action() == Action.RETURN_REJECT
                ? WorkOrder.Pending.RETURN
                : WorkOrder.Pending.EXTENSION);
        resumeClock(next, now);
        next.pending = null;
        note = req.reason();
      }
      case DISPUTE_DECIDE -> {
        requirePending(order, req, WorkOrder.Pending.DISPUTE);
        if (req.accept() == null) {
          throw WorkflowException.invalid("accept", "say true (re-dispatch) or false (keep)");
        }
        if (req.accept()) {
          backToIntake(next);
        } else {
          resumeClock(next, now);
          next.pending = null;
        }
        payload.put("accept", req.accept());
        note = req.reason();
      }
      case EXTENSION_APPROVE -> {
        requirePending(order, req, WorkOrder.Pending.EXTENSION);
        ZonedDateTime until = order.pending.until();
        resumeClock(next, now);
        next.dueDeadline = until;
        next.pending = null;
        payload.put("until", until.toOffsetDateTime().toString());
      }
      case REVIEW_ACCEPT -> {
        requireState(order, req, REPLIED);
        next.state = CALLBACK;
      }
      case REVIEW_REJECT -> {
        requireState(order, req, REPLIED);
        note = required(req.reason(), "reason");
        next.state = ACCEPTED;
        next.rehandleCount++;
      }
      case CALLBACK -> {
        requireState(order, req, CALLBACK);
        String result = required(req.result(), "result");
        if (!ActionRequest.CALLBACK_RESULTS.contains(result)) {
          throw WorkflowException.invalid(
              "result", "must be one of " + String.join(", ", ActionRequest.CALLBACK_RESULTS));
        }
        payload.put("result", result);
        note = req.note();
        switch (result) {
          case "satisfied", "basically_satisfied" -> {
            next.rating = result;
            next.state = CLOSED;
            next.closedAt = now;
          }
          case "dissatisfied" -> {
            next.rating = result;
            next.rehandleCount++;
            startClock(next, now);
            next.state = DISPATCHED;
          }
          default -> next.callbackAttempts++;
        }
      }
      case CLOSE -> {
        requireState(order, req, CALLBACK);
        next.state = CLOSED;
        next.closedAt = now;
        note = req.reason();
      }
      case REOPEN -> {
        requireState(order, req, CLOSED);
        note = required(req.reason(), "reason");
        next.closedAt = null;
        next.rating = null;
        next.closeReason = null;
        if (order.leadUnit == null) { // withdrawn before dispatch: back to intake
          next.state = RECEIVED;
        } else {
          next.rehandleCount++;
          startClock(next, now);
          next.state = DISPATCHED;
        }
      }
      case SUPERVISE -> {
        if (!order.state.isOpen()) {
          throw illegal(order, req);
        }
        note = required(req.note(), "note");
        next.supervised = true;
        next.supervisionNote = note;
      }
      case CREATE ->
          throw WorkflowException.invalid("action", "create is not an action on an order");
      default -> throw new IllegalStateException("unhandled action " + req.action());
    }
    next.version = order.version + 1;
    next.updatedAt = now;
    return new Transition(order, next, req.action(), note, payload);
  }

  /** May this actor apply this action to this order at all (before looking at its state)? */
  public static boolean permits(Actor actor, Action action, WorkOrder order) {
    if (actor.isAdmin()) {
      return true;
    }
    if (action.isUnitAction()) {
      return (actor.has(Role.HANDLER) || actor.has(Role.LEADER))
          && actor.unit() != null
          && actor.unit().equals(order.holdingUnit());
    }
    return actor.roles().stream().anyMatch(action.who().roles()::contains);
  }

  private static void checkPermission(WorkOrder order, Actor actor, Action action) {
    if (!permits(actor, action, order)) {
      throw WorkflowException.forbidden(
          actor.username() + " may not " + action.pathName() + " order " + order.number);
    }
  }

  private void startClock(WorkOrder next, ZonedDateTime now) {
    Deadlines d = policy.compute(calendar, now, type(next), next.isUrgent());
    next.dispatchedAt = now;
    next.signedAt = null;
    next.repliedAt = null;
    next.signDeadline = d.sign();
    next.dueDeadline = d.due();
    next.pending = null;
    next.pausedSince = null;
  }

  /** The clock stood still since the request was made: push the deadlines on by that time. */
  private void resumeClock(WorkOrder next, ZonedDateTime now) {
    if (next.pausedSince != null) {
      next.signDeadline =
          policy.shift(calendar, next.signDeadline, next.pausedSince, now, next.isUrgent());
      next.dueDeadline =
          policy.shift(calendar, next.dueDeadline, next.pausedSince, now, next.isUrgent());
      next.pausedSince = null;
    }
  }

  /** 改派: an approved return or dispute sends the order back to intake for re-dispatch. */
  private static void backToIntake(WorkOrder next) {
    next.state = RECEIVED;
    next.leadUnit = null;
    next.coUnits = new java.util.ArrayList<>();
    next.handlingUnit = null;
    next.pending = null;
    next.pausedSince = null;
    next.signDeadline = null;
    next.dueDeadline = null;
    next.dispatchedAt = null;
    next.signedAt = null;
  }

  private static RequestType type(WorkOrder order) {
    return RequestType.valueOf(order.requestType.toUpperCase(java.util.Locale.ROOT));
  }

  private String requiredUnit(String code, String field) {
    required(code, field);
    if (!units.exists(code)) {
      throw WorkflowException.invalid(field, "no member unit with code " + code);
    }
    return code;
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw WorkflowException.invalid(field, field + " is required");
    }
    return value.trim();
  }

  private static void requireState(WorkOrder order, ActionRequest req, OrderState expected) {
    if (order.state != expected) {
      throw illegal(order, req);
    }
  }

  private static void requireNotBlocked(WorkOrder order) {
    if (order.pending != null && order.pending.blocksHandling()) {
      throw WorkflowException.illegal(
          "a " + order.pending.type() + " request awaits the centre's decision");
    }
  }

  private static void requirePending(WorkOrder order, ActionRequest req, String type) {
    if (order.pending == null || !type.equals(order.pending.type())) {
      throw WorkflowException.illegal(
          "order "
              + order.number
              + " has no pending "
              + type
              + " request to "
              + req.action().pathName());
    }
  }

  private static WorkflowException illegal(WorkOrder order, ActionRequest req) {
    return WorkflowException.illegal(
        "cannot "
            + req.action().pathName()
            + " order "
            + order.number
            + " in state "
            + order.state);
  }
}
