package org.hotline.ticketing.workflow;

import java.util.Locale;

/** What a user may be; a user may hold several roles. */
public enum Role {
  /** 话务员 */
  AGENT,
  /** 派单员 */
  DISPATCHER,
  /** 审核员 */
  REVIEWER,
  /** 班长/督办 */
  SUPERVISOR,
  /** 知识库编辑 */
  KB_EDITOR,
  /** 承办人 */
  HANDLER,
  /** 单位负责人 */
  LEADER,
  /** 管理员 */
  ADMIN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromCode(String code) {
    return Role.valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** Unit roles act for one member unit; the others are centre staff. */
  public boolean isUnitRole() {
    return this == HANDLER || this == LEADER;
  }
}
