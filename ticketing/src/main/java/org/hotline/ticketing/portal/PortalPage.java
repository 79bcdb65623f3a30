package org.hotline.ticketing.portal;

import static org.hotline.ticketing.workflow.Role.ADMIN;
import static org.hotline.ticketing.workflow.Role.AGENT;
import static org.hotline.ticketing.workflow.Role.DISPATCHER;
import static org.hotline.ticketing.workflow.Role.HANDLER;
import static org.hotline.ticketing.workflow.Role.KB_EDITOR;
import static org.hotline.ticketing.workflow.Role.LEADER;
import static org.hotline.ticketing.workflow.Role.REVIEWER;
import static org.hotline.ticketing.workflow.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;

/**
 * One page of the portals: its path, template, the roles it is for and whether it shows in the
 * navigation. Each page is a FreeMarker template plus its own script {@code /static/js/<name>.js}
 * that fills it from the JSON API; the template renders the frame, texts and forms.
 */
public record PortalPage(
    String path, String template, Set<Role> roles, String titleKey, boolean inNav) {

  /** The portals, in the order the navigation shows them. */
  public static final List<PortalPage> ALL =
      List.of(
          new PortalPage("/agent", "agent", EnumSet.of(AGENT, SUPERVISOR), "nav.agent", true),
          new PortalPage(
              "/centre",
              "centre",
              EnumSet.of(DISPATCHER, REVIEWER, SUPERVISOR),
              "nav.centre",
              true),
          new PortalPage("/unit", "unit", EnumSet.of(HANDLER, LEADER), "nav.unit", true),
          new PortalPage("/admin", "admin", EnumSet.of(ADMIN, KB_EDITOR), "nav.admin", true),
          new PortalPage(
              "/wallboard",
              "wallboard",
              EnumSet.of(AGENT, DISPATCHER, REVIEWER, SUPERVISOR, ADMIN),
              "nav.wallboard",
              true),
          // The whole story of one order; the API scopes what each role sees of it.
          new PortalPage(
              "/orders/:id",
              "order",
              EnumSet.of(AGENT, DISPATCHER, REVIEWER, SUPERVISOR, HANDLER, LEADER, ADMIN),
              "nav.order",
              false),
          // Place a call into the IVR of the PBX simulator (only while the PBX is simulated).
          new PortalPage(
              "/simcall",
              "simcall",
              EnumSet.of(AGENT, DISPATCHER, REVIEWER, SUPERVISOR, ADMIN),
              "nav.simcall",
              false));

  public boolean allows(Actor actor) {
    return actor.roles().stream().anyMatch(roles::contains);
  }

  /** Where a user lands after logging in: the first page meant for one of their roles. */
  public static String homeOf(Actor actor) {
    if (actor.has(SUPERVISOR) || actor.has(DISPATCHER) || actor.has(REVIEWER)) {
      return "/centre";
    }
    return ALL.stream()
        .filter(p -> p.inNav() && p.allows(actor))
        .map(PortalPage::path)
        .findFirst()
        .orElse("/login");
  }

  /** The page at a plain path (for checking a {@code next=} target), if any. */
  public static Optional<PortalPage> at(String path) {
    return ALL.stream().filter(p -> p.path().equals(path)).findFirst();
  }
}
