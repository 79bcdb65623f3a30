package org.hotline.ticketing.workflow;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that can be done to an order, with who may do it. {@link #UNIT} marks the actions of
 * the unit holding the order (承办单位); administrators may do everything.
 */
public enum Action {
  CREATE(Who.INTAKE),
  ANSWER(Who.INTAKE),
  MERGE(Who.INTAKE),
  WITHDRAW(Who.INTAKE),
  CALLBACK(Who.INTAKE),
  CLOSE(Who.INTAKE),
  DISPATCH(Who.DISPATCH),
  RETURN_APPROVE(Who.DISPATCH),
  RETURN_REJECT(Who.DISPATCH),
  DISPUTE_DECIDE(Who.DISPATCH),
  EXTENSION_APPROVE(Who.DISPATCH),
  EXTENSION_REJECT(Who.DISPATCH),
  REVIEW_ACCEPT(Who.REVIEW),
  REVIEW_REJECT(Who.REVIEW),
  SUPERVISE(Who.SUPERVISION),
  REOPEN(Who.SUPERVISION),
  SIGN(Who.UNIT),
  SUBDISPATCH(Who.UNIT),
  REPLY(Who.UNIT),
  RETURN_REQUEST(Who.UNIT),
  DISPUTE(Who.UNIT),
  EXTENSION_REQUEST(Who.UNIT);

  /** The groups of the permission table in the ticketing core issue. */
  public enum Who {
    INTAKE(EnumSet.of(Role.AGENT, Role.DISPATCHER, Role.REVIEWER)),
    DISPATCH(EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR)),
    REVIEW(EnumSet.of(Role.REVIEWER, Role.SUPERVISOR)),
    SUPERVISION(EnumSet.of(Role.SUPERVISOR)),
    UNIT(EnumSet.of(Role.HANDLER, Role.LEADER));

    private final Set<Role> roles;

    Who(Set<Role> roles) {
      this.roles = roles;
    }

    public Set<Role> roles() {
      return roles;
    }
  }

  private final Who who;

  Action(Who who) {
    this.who = who;
  }

  public Who who() {
    return who;
  }

  public boolean isUnitAction() {
    return who == Who.UNIT;
  }

  /** The name used in the HTTP path, e.g. {@code return-request}. */
  public String pathName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Action> fromPath(String name) {
    for (Action a : values()) {
      if (a != CREATE && a.pathName().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
