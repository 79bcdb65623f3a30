package org.hotline.ticketing.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.ticketing.workflow.OrderState.ACCEPTED;
import static org.hotline.ticketing.workflow.OrderState.CALLBACK;
import static org.hotline.ticketing.workflow.OrderState.CLOSED;
import static org.hotline.ticketing.workflow.OrderState.DISPATCHED;
import static org.hotline.ticketing.workflow.OrderState.RECEIVED;
import static org.hotline.ticketing.workflow.OrderState.REPLIED;

import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.calendar.DeadlinePolicy;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.calendar.WorkingHours;
import org.hotline.ticketing.unit.UnitTree;
import org.junit.jupiter.api.Test;

class WorkflowTest {

  static final ZonedDateTime NOW =
      ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, WorkingCalendar.SHANGHAI);
  static final UnitTree UNITS =
      new UnitTree(
          List.of(
              new UnitTree.Unit("dc", "东城区", null, "district", List.of("东城")),
              new UnitTree.Unit("dc-jx", "建新街道", "dc", "street", List.of("建新")),
              new UnitTree.Unit("xc", "西城区", null, "district", List.of("西城"))));
  static final Workflow WORKFLOW =
      new Workflow(
          new WorkingCalendar(
              Map.of(), Set.of(2026), WorkingHours.standard(), WorkingCalendar.SHANGHAI),
          DeadlinePolicy.defaults(),
          UNITS);
  static final Actor ADMIN = new Actor("admin", EnumSet.of(Role.ADMIN), null);

  /** Every action each state allows (when no request awaits a decision). */
  static final Map<OrderState, Set<Action>> LEGAL = new EnumMap<>(OrderState.class);

  static {
    for (OrderState s : OrderState.values()) {
      LEGAL.put(s, EnumSet.noneOf(Action.class));
    }
    LEGAL
        .get(RECEIVED)
        .addAll(
            EnumSet.of(
                Action.ANSWER, Action.MERGE, Action.WITHDRAW, Action.DISPATCH, Action.SUPERVISE));
    LEGAL
        .get(DISPATCHED)
        .addAll(
            EnumSet.of(
                Action.WITHDRAW,
                Action.SIGN,
                Action.RETURN_REQUEST,
                Action.DISPUTE,
                Action.EXTENSION_REQUEST,
                Action.SUPERVISE));
    LEGAL
        .get(ACCEPTED)
        .addAll(
            EnumSet.of(
                Action.WITHDRAW,
                Action.SUBDISPATCH,
                Action.REPLY,
                Action.RETURN_REQUEST,
                Action.DISPUTE,
                Action.EXTENSION_REQUEST,
                Action.SUPERVISE));
    LEGAL
        .get(REPLIED)
        .addAll(
            EnumSet.of(
                Action.WITHDRAW, Action.REVIEW_ACCEPT, Action.REVIEW_REJECT, Action.SUPERVISE));
    LEGAL
        .get(CALLBACK)
        .addAll(EnumSet.of(Action.WITHDRAW, Action.CALLBACK, Action.CLOSE, Action.SUPERVISE));
    LEGAL.get(CLOSED).add(Action.REOPEN);
  }

  static WorkOrder order(OrderState state) {
    WorkOrder o = new WorkOrder();
    o.id = 1;
    o.number = "20261124-000001";
    o.state = state;
    o.version = 3;
    o.channel = "phone";
    o.requestType = "complaint";
    o.urgency = "normal";
    o.description = "路灯不亮";
    o.createdAt = NOW.minusDays(1);
    if (state != RECEIVED) {
      o.leadUnit = "dc";
      o.dispatchedAt = NOW.minusHours(20);
      o.signDeadline = NOW.plusHours(1);
      o.dueDeadline = NOW.plusDays(10);
    }
    return o;
  }

  static WorkOrder openTarget() {
    WorkOrder t = order(ACCEPTED);
    t.id = 2;
    t.number = "20261124-000002";
    return t;
  }

  /** A request carrying every input any action may need. */
  static ActionRequest full(Action a, int version) {
    String unit = a == Action.SUBDISPATCH ? "dc-jx" : "dc";
    return new ActionRequest(
        a,
        version,
        "已处理",
        "KB-001",
        "20261124-000002",
        unit,
        List.of(),
        "不属本单位职责",
        true,
        NOW.plusDays(30),
        "satisfied",
        "请加快办理");
  }

  @Test
  void everyStateAllowsExactlyItsActionsAndRefusesTheRestWithAConflict() {
    for (OrderState state : OrderState.values()) {
      for (Action action : Action.values()) {
        if (action == Action.CREATE) {
          continue;
        }
        WorkOrder o = order(state);
        WorkOrder target = action == Action.MERGE ? openTarget() : null;
        if (LEGAL.get(state).contains(action)) {
          Transition t = WORKFLOW.apply(o, ADMIN, full(action, 3), target, NOW);
          assertThat(t.after().version).as("%s in %s", action, state).isEqualTo(4);
        } else {
          assertThatThrownBy(() -> WORKFLOW.apply(o, ADMIN, full(action, 3), target, NOW))
              .as("%s in %s", action, state)
              .isInstanceOfSatisfying(
                  WorkflowException.class,
                  e -> assertThat(e.kind()).isEqualTo(WorkflowException.Kind.CONFLICT));
        }
        assertThat(o.version).as("the input order is never modified").isEqualTo(3);
        assertThat(o.state).isEqualTo(state);
      }
    }
  }

  @Test
  void theMainPathEndsClosedWithDeadlinesSetAtDispatch() {
    Actor dispatcher = new Actor("d1", EnumSet.of(Role.DISPATCHER), null);
    Actor handler = new Actor("u-dc", EnumSet.of(Role.HANDLER), "dc");
    Actor reviewer = new Actor("r1", EnumSet.of(Role.REVIEWER), null);
    Actor agent = new Actor("a1", EnumSet.of(Role.AGENT), null);
    WorkOrder o = order(RECEIVED);
    o = WORKFLOW.apply(o, dispatcher, full(Action.DISPATCH, o.version), null, NOW).after();
    assertThat(o.state).isEqualTo(DISPATCHED);
    assertThat(o.signDeadline).isEqualTo(NOW.plusDays(1)); // 1 working day: Tue 10:00 → Wed 10:00
    o = WORKFLOW.apply(o, handler, full(Action.SIGN, o.version), null, NOW).after();
    o = WORKFLOW.apply(o, handler, full(Action.REPLY, o.version), null, NOW).after();
    o = WORKFLOW.apply(o, reviewer, full(Action.REVIEW_ACCEPT, o.version), null, NOW).after();
    assertThat(o.state).isEqualTo(CALLBACK);
    o = WORKFLOW.apply(o, agent, full(Action.CALLBACK, o.version), null, NOW).after();
    assertThat(o.state).isEqualTo(CLOSED);
    assertThat(o.rating).isEqualTo("satisfied");
    assertThat(o.version).isEqualTo(8);
  }

  @Test
  void rolesAreCheckedBeforeState() {
    Actor agent = new Actor("a1", EnumSet.of(Role.AGENT), null);
    Actor otherUnit = new Actor("u-xc", EnumSet.of(Role.HANDLER), "xc");
    Actor kbEditor = new Actor("k1", EnumSet.of(Role.KB_EDITOR), null);
    assertForbidden(agent, Action.DISPATCH, order(RECEIVED));
    assertForbidden(otherUnit, Action.SIGN, order(DISPATCHED));
    assertForbidden(kbEditor, Action.ANSWER, order(RECEIVED));
    assertForbidden(
        new Actor("d1", EnumSet.of(Role.DISPATCHER), null), Action.REOPEN, order(CLOSED));
    assertForbidden(
        new Actor("r1", EnumSet.of(Role.REVIEWER), null), Action.SUPERVISE, order(ACCEPTED));
    assertForbidden(
        new Actor("u-dc", EnumSet.of(Role.HANDLER), "dc"), Action.REVIEW_ACCEPT, order(REPLIED));
  }

  @Test
  void aStaleVersionIsAConflictAndChangesNothing() {
    WorkOrder o = order(DISPATCHED);
    assertThatThrownBy(() -> WORKFLOW.apply(o, ADMIN, full(Action.SIGN, 2), null, NOW))
        .isInstanceOfSatisfying(
            WorkflowException.class, e -> assertThat(e.code()).isEqualTo("stale_version"));
  }

  @Test
  void returnRequestPausesTheClockAndApprovalSendsTheOrderBackToIntake() {
    Actor handler = new Actor("u-dc", EnumSet.of(Role.HANDLER), "dc");
    WorkOrder o = order(ACCEPTED);
    o = WORKFLOW.apply(o, handler, full(Action.RETURN_REQUEST, o.version), null, NOW).after();
    assertThat(o.pending.type()).isEqualTo("return");
    assertThat(o.pausedSince).isEqualTo(NOW);
    WorkOrder pending = o;
    assertThatThrownBy(
            () -> WORKFLOW.apply(pending, handler, full(Action.REPLY, pending.version), null, NOW))
        .isInstanceOf(WorkflowException.class);
    assertThatThrownBy(
            () ->
                WORKFLOW.apply(
                    pending, ADMIN, full(Action.EXTENSION_APPROVE, pending.version), null, NOW))
        .isInstanceOf(WorkflowException.class);
    WorkOrder approved =
        WORKFLOW.apply(o, ADMIN, full(Action.RETURN_APPROVE, o.version), null, NOW).after();
    assertThat(approved.state).isEqualTo(RECEIVED);
    assertThat(approved.leadUnit).isNull();
    assertThat(approved.pending).isNull();
  }

  @Test
  void rejectedRequestsResumeTheClockWithDeadlinesPushedOn() {
    Actor handler = new Actor("u-dc", EnumSet.of(Role.HANDLER), "dc");
    WorkOrder o = order(ACCEPTED);
    ZonedDateTime due = o.dueDeadline;
    o = WORKFLOW.apply(o, handler, full(Action.DISPUTE, o.version), null, NOW).after();
    ActionRequest keep =
        new ActionRequest(
            Action.DISPUTE_DECIDE,
            o.version,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            null);
    o =
        WORKFLOW
            .apply(o, ADMIN, keep, null, NOW.plusHours(2))
            .after(); // Tue 10:00 → 12:00: 2 working hours
    assertThat(o.state).isEqualTo(ACCEPTED);
    assertThat(o.pending).isNull();
    assertThat(o.dueDeadline)
        .isEqualTo(WORKFLOW_CAL().addWorkingTime(due, java.time.Duration.ofHours(2)));
  }

  @Test
  void anApprovedExtensionMovesTheDueDeadline() {
    Actor handler = new Actor("u-dc", EnumSet.of(Role.HANDLER), "dc");
    WorkOrder o = order(ACCEPTED);
    WorkOrder early = o;
    ActionRequest tooEarly =
        new ActionRequest(
            Action.EXTENSION_REQUEST,
            o.version,
            null,
            null,
            null,
            null,
            null,
            "需协调",
            null,
            o.dueDeadline.minusDays(1),
            null,
            null);
    assertThatThrownBy(() -> WORKFLOW.apply(early, handler, tooEarly, null, NOW))
        .isInstanceOfSatisfying(
            WorkflowException.class, e -> assertThat(e.field()).isEqualTo("until"));
    o = WORKFLOW.apply(o, handler, full(Action.EXTENSION_REQUEST, o.version), null, NOW).after();
    o = WORKFLOW.apply(o, ADMIN, full(Action.EXTENSION_APPROVE, o.version), null, NOW).after();
    assertThat(o.dueDeadline).isEqualTo(NOW.plusDays(30));
  }

  @Test
  void subDispatchHandsTheOrderToAChildUnitWhichThenHoldsIt() {
    Actor lead = new Actor("u-dc", EnumSet.of(Role.HANDLER), "dc");
    Actor child = new Actor("u-dc-jx", EnumSet.of(Role.HANDLER), "dc-jx");
    WorkOrder o = order(ACCEPTED);
    WorkOrder accepted = o;
    ActionRequest toOther =
        new ActionRequest(
            Action.SUBDISPATCH,
            o.version,
            null,
            null,
            null,
            "xc",
            null,
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> WORKFLOW.apply(accepted, lead, toOther, null, NOW))
        .isInstanceOfSatisfying(
            WorkflowException.class, e -> assertThat(e.field()).isEqualTo("unit"));
    o = WORKFLOW.apply(o, lead, full(Action.SUBDISPATCH, o.version), null, NOW).after();
    assertThat(o.state).isEqualTo(DISPATCHED);
    assertThat(o.holdingUnit()).isEqualTo("dc-jx");
    WorkOrder sub = o;
    assertForbidden(lead, Action.SIGN, sub);
    o = WORKFLOW.apply(o, child, full(Action.SIGN, o.version), null, NOW).after();
    assertThat(o.state).isEqualTo(ACCEPTED);
  }

  @Test
  void callbackResults() {
    Actor agent = new Actor("a1", EnumSet.of(Role.AGENT), null);
    WorkOrder o = order(CALLBACK);
    ActionRequest unreachable =
        new ActionRequest(
            Action.CALLBACK,
            o.version,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "unreachable",
            null);
    WorkOrder still = WORKFLOW.apply(o, agent, unreachable, null, NOW).after();
    assertThat(still.state).isEqualTo(CALLBACK);
    assertThat(still.callbackAttempts).isEqualTo(1);
    WorkOrder closed =
        WORKFLOW
            .apply(still, agent, ActionRequest.of(Action.CLOSE, still.version), null, NOW)
            .after();
    assertThat(closed.state).isEqualTo(CLOSED);
    assertThat(closed.rating).isNull();
    ActionRequest unhappy =
        new ActionRequest(
            Action.CALLBACK,
            o.version,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "dissatisfied",
            null);
    WorkOrder again = WORKFLOW.apply(o, agent, unhappy, null, NOW).after();
    assertThat(again.state).isEqualTo(DISPATCHED);
    assertThat(again.leadUnit).isEqualTo("dc");
    assertThat(again.rehandleCount).isEqualTo(1);
    ActionRequest bogus =
        new ActionRequest(
            Action.CALLBACK,
            o.version,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "great",
            null);
    assertThatThrownBy(() -> WORKFLOW.apply(o, agent, bogus, null, NOW))
        .isInstanceOfSatisfying(
            WorkflowException.class, e -> assertThat(e.field()).isEqualTo("result"));
  }

  @Test
  void missingInputsAreInvalidWithTheirField() {
    WorkOrder o = order(RECEIVED);
    assertThatThrownBy(
            () -> WORKFLOW.apply(o, ADMIN, ActionRequest.of(Action.ANSWER, 3), null, NOW))
        .isInstanceOfSatisfying(
            WorkflowException.class, e -> assertThat(e.field()).isEqualTo("text"));
    assertThatThrownBy(
            () -> WORKFLOW.apply(o, ADMIN, ActionRequest.of(Action.DISPATCH, 3), null, NOW))
        .isInstanceOfSatisfying(
            WorkflowException.class, e -> assertThat(e.field()).isEqualTo("unit"));
    ActionRequest unknownUnit =
        new ActionRequest(
            Action.DISPATCH, 3, null, null, null, "nowhere", null, null, null, null, null, null);
    assertThatThrownBy(() -> WORKFLOW.apply(o, ADMIN, unknownUnit, null, NOW))
        .isInstanceOfSatisfying(
            WorkflowException.class,
            e -> assertThat(e.kind()).isEqualTo(WorkflowException.Kind.INVALID));
  }

  @Test
  void overdueIsJudgedAtTheMomentTheClockStopped() {
    WorkOrder o = order(DISPATCHED);
    assertThat(o.isOverdue(NOW)).isFalse();
    assertThat(o.isOverdue(NOW.plusHours(2))).isTrue(); // sign deadline was NOW + 1h
    o.pausedSince = NOW;
    assertThat(o.isOverdue(NOW.plusHours(2))).isFalse();
    assertThat(order(REPLIED).isOverdue(NOW.plusDays(100))).isFalse();
  }

  private static WorkingCalendar WORKFLOW_CAL() {
    return new WorkingCalendar(
        Map.of(), Set.of(2026), WorkingHours.standard(), WorkingCalendar.SHANGHAI);
  }

  private static void assertForbidden(Actor actor, Action action, WorkOrder o) {
    assertThatThrownBy(() -> WORKFLOW.apply(o, actor, full(action, o.version), null, NOW))
        .as("%s by %s", action, actor.username())
        .isInstanceOfSatisfying(
            WorkflowException.class,
            e -> assertThat(e.kind()).isEqualTo(WorkflowException.Kind.FORBIDDEN));
  }
}
