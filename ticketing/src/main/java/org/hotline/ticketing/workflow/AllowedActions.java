package org.hotline.ticketing.workflow;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ticketing.calendar.DeadlinePolicy;

/**
 * The actions an actor may apply to an order in its current state: what a page offers as buttons.
 * Each action is tried on the real {@link Workflow} with an empty request, so the rules stay in one
 * place: refused as forbidden or as an illegal transition means no; refused only for a missing
 * input (reason, unit, ...) or accepted means yes. The workflow is pure and never changes the order
 * it is given, so the trial has no effect.
 *
 * @param version the version the actions were decided for (send it back with the action)
 * @param actions the allowed actions, in the order of {@link Action}
 * @param dispatchDeadlines when dispatch is allowed: the sign and completion deadlines the order
 *     would get if dispatched now (shown before the dispatcher commits); else null
 */
public record AllowedActions(
    int version, List<Action> actions, DeadlinePolicy.Deadlines dispatchDeadlines) {

  /** The same answer with the deadlines a dispatch now would set. */
  public AllowedActions withDispatchDeadlines(DeadlinePolicy.Deadlines deadlines) {
    return new AllowedActions(version, actions, deadlines);
  }

  public static AllowedActions of(
      Workflow workflow, WorkOrder order, Actor actor, ZonedDateTime now) {
    List<Action> allowed = new ArrayList<>();
    for (Action action : Action.values()) {
      if (action == Action.CREATE || !Workflow.permits(actor, action, order)) {
        continue;
      }
      try {
        workflow.apply(order, actor, ActionRequest.of(action, order.version), null, now);
        allowed.add(action);
      } catch (WorkflowException e) {
        if (e.kind() == WorkflowException.Kind.INVALID) {
          allowed.add(action); // allowed here; it only needs its inputs
        }
      }
    }
    return new AllowedActions(order.version, List.copyOf(allowed), null);
  }
}
