package org.hotline.ticketing.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ticketing.workflow.OrderState.ACCEPTED;
import static org.hotline.ticketing.workflow.OrderState.DISPATCHED;
import static org.hotline.ticketing.workflow.OrderState.REPLIED;
import static org.hotline.ticketing.workflow.WorkflowTest.NOW;
import static org.hotline.ticketing.workflow.WorkflowTest.WORKFLOW;
import static org.hotline.ticketing.workflow.WorkflowTest.order;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The buttons a page offers are exactly what the workflow would accept, and nothing else. */
class AllowedActionsTest {

  static final Actor ADMIN = new Actor("admin", EnumSet.of(Role.ADMIN), null);

  @Test
  void forSomeoneWhoMayDoEverythingTheyAreTheStateTableOfTheWorkflow() {
    for (OrderState state : OrderState.values()) {
      WorkOrder o = order(state);
      AllowedActions allowed = AllowedActions.of(WORKFLOW, o, ADMIN, NOW);
      EnumSet<Action> got = EnumSet.noneOf(Action.class);
      got.addAll(allowed.actions());
      assertThat(got).as("in %s", state).isEqualTo(WorkflowTest.LEGAL.get(state));
      assertThat(allowed.version()).isEqualTo(o.version);
      assertThat(o.state).as("the order is not touched").isEqualTo(state);
      assertThat(o.version).isEqualTo(3);
    }
  }

  @Test
  void rolesAndUnitsNarrowThem() {
    Actor reviewer = new Actor("r1", EnumSet.of(Role.REVIEWER), null);
    Actor dispatcher = new Actor("d1", EnumSet.of(Role.DISPATCHER), null);
    Actor ownUnit = new Actor("u-dc", EnumSet.of(Role.HANDLER), "dc");
    Actor otherUnit = new Actor("u-xc", EnumSet.of(Role.HANDLER), "xc");
    assertThat(AllowedActions.of(WORKFLOW, order(REPLIED), reviewer, NOW).actions())
        .containsExactly(Action.WITHDRAW, Action.REVIEW_ACCEPT, Action.REVIEW_REJECT);
    assertThat(AllowedActions.of(WORKFLOW, order(REPLIED), dispatcher, NOW).actions())
        .containsExactly(Action.WITHDRAW);
    assertThat(AllowedActions.of(WORKFLOW, order(ACCEPTED), ownUnit, NOW).actions())
        .containsExactly(
            Action.SUBDISPATCH,
            Action.REPLY,
            Action.RETURN_REQUEST,
            Action.DISPUTE,
            Action.EXTENSION_REQUEST);
    assertThat(AllowedActions.of(WORKFLOW, order(ACCEPTED), otherUnit, NOW).actions()).isEmpty();
  }

  @Test
  void aPendingRequestOffersItsDecisionsAndBlocksHandling() {
    WorkOrder o = order(DISPATCHED);
    o.pending = new WorkOrder.Pending(WorkOrder.Pending.RETURN, "非本单位职责", null, "dc");
    o.pausedSince = NOW.minusHours(1);
    assertThat(
            AllowedActions.of(WORKFLOW, o, new Actor("d1", EnumSet.of(Role.DISPATCHER), null), NOW)
                .actions())
        .containsExactly(Action.WITHDRAW, Action.RETURN_APPROVE, Action.RETURN_REJECT);
    assertThat(
            AllowedActions.of(WORKFLOW, o, new Actor("u-dc", EnumSet.of(Role.HANDLER), "dc"), NOW)
                .actions())
        .as("a return request stops the unit's work until decided")
        .isEmpty();
  }
}
