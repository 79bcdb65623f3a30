package org.hotline.ticketing.workflow;

/** The states of a work order (工单), exactly as DESIGN.md draws them. */
public enum OrderState {
  /** 受理: taken in, waiting for a direct answer, a merge or dispatch. */
  RECEIVED,
  /** 直接答复: answered on the spot; closed. */
  ANSWERED,
  /** 合并: folded into another open order; closed. */
  MERGED,
  /** 已派单: at a unit, waiting for it to sign. */
  DISPATCHED,
  /** 已签收: the unit is handling it. */
  ACCEPTED,
  /** 已反馈: the unit replied; the centre reviews. */
  REPLIED,
  /** 待回访: the centre calls the citizen back. */
  CALLBACK,
  /** 办结: rated, withdrawn or closed unrated. */
  CLOSED;

  /** How the state is told to the citizen (IVR read-back, SMS progress reply). */
  public String citizenText() {
    return switch (this) {
      case RECEIVED -> "已受理，正在派单";
      case ANSWERED -> "已直接答复";
      case MERGED -> "已合并至其他工单办理";
      case DISPATCHED -> "已派发至承办单位";
      case ACCEPTED -> "承办单位正在办理";
      case REPLIED -> "承办单位已反馈，正在审核";
      case CALLBACK -> "已办结，待回访";
      case CLOSED -> "已办结";
    };
  }

  /** True for states in which the order still needs work. */
  public boolean isOpen() {
    return this != ANSWERED && this != MERGED && this != CLOSED;
  }

  /** True while a unit holds the order. */
  public boolean isAtUnit() {
    return this == DISPATCHED || this == ACCEPTED;
  }
}
