package org.hotline.ticketing.workflow;

import java.util.Set;

/** Who acts: a logged-in user or an integration token, with roles and (for unit staff) a unit. */
public record Actor(String username, Set<Role> roles, String unit) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  /** Centre staff read every order; unit staff only their own unit's subtree. */
  public boolean isCentreStaff() {
    return isAdmin()
        || has(Role.AGENT)
        || has(Role.DISPATCHER)
        || has(Role.REVIEWER)
        || has(Role.SUPERVISOR);
  }

  public boolean isUnitStaff() {
    return !isCentreStaff() && unit != null && (has(Role.HANDLER) || has(Role.LEADER));
  }
}
