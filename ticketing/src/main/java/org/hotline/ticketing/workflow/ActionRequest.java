package org.hotline.ticketing.workflow;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One action on one order, with its inputs already type-checked by the web layer. Which fields an
 * action needs is checked by {@link Workflow}, so that the rule lives next to the transition.
 */
public record ActionRequest(
    Action action,
    int version,
    String text,
    String articleCode,
    String into,
    String unit,
    List<String> coUnits,
    String reason,
    Boolean accept,
    ZonedDateTime until,
    String result,
    String note) {

  public ActionRequest {
    coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
  }

  /** A request with only the version set, for actions that take no inputs. */
  public static ActionRequest of(Action action, int version) {
    return new ActionRequest(
        action, version, null, null, null, null, null, null, null, null, null, null);
  }

  /** The callback results, as the API spells them. */
  public static final List<String> CALLBACK_RESULTS =
      List.of("satisfied", "basically_satisfied", "dissatisfied", "unreachable");
}
