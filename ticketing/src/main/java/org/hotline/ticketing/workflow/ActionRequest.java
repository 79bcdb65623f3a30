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

  /**
   * The callback that records a citizen's survey answer: 1 满意, 2 基本满意, 3 不满意 (as the IVR and the
   * SMS survey ask it).
   */
  public static ActionRequest rating(int version, int score, String note) {
    if (score < 1 || score > 3) {
      throw new IllegalArgumentException("a survey score is 1, 2 or 3: " + score);
    }
    return new ActionRequest(
        Action.CALLBACK,
        version,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        CALLBACK_RESULTS.get(score - 1),
        note);
  }

  /** The callback results, as the API spells them (the first three are the survey's ratings). */
  public static final List<String> CALLBACK_RESULTS =
      List.of("satisfied", "basically_satisfied", "dissatisfied", "unreachable");
}
