package org.hotline.ticketing.web;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.intake.AgentDay;
import org.hotline.ticketing.intake.DuplicateFinder;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/** What the agent console needs besides orders: possible duplicates and the agent's own day. */
public final class IntakeHandlers {

  private static final String PHONE = "\\+?[0-9][0-9-]{2,19}";

  private final DuplicateFinder duplicates;
  private final AgentDay day;
  private final Clock clock;

  public IntakeHandlers(DuplicateFinder duplicates, AgentDay day, Clock clock) {
    this.duplicates = duplicates;
    this.day = day;
    this.clock = clock;
  }

  /**
   * GET /api/tickets/duplicates?category=&location=&number=&lat=&lng=: open orders of the same
   * category nearby, or of the same caller (centre staff only).
   */
  public void duplicates(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    String category = Inputs.param(ctx, "category");
    if (category != null && !category.matches("[0-9]{6}")) {
      throw WorkflowException.invalid("category", "category must be a 6-digit category code");
    }
    String number = Inputs.param(ctx, "number");
    if (number != null && !number.matches(PHONE)) {
      throw WorkflowException.invalid("number", "number must be a phone number");
    }
    if (category == null && number == null) {
      throw WorkflowException.invalid("category", "give a category, a caller number or both");
    }
    String location = Inputs.param(ctx, "location");
    if (location != null && location.length() > 500) {
      throw WorkflowException.invalid("location", "location is longer than 500 characters");
    }
    Double lat = coordinate(ctx, "lat", 90);
    Double lng = coordinate(ctx, "lng", 180);
    if ((lat == null) != (lng == null)) {
      throw WorkflowException.invalid(lat == null ? "lat" : "lng", "give lat and lng together");
    }
    duplicates
        .find(
            new DuplicateFinder.Probe(category, location, lat, lng, number),
            OffsetDateTime.now(clock))
        .onSuccess(list -> Json.ok(ctx, list))
        .onFailure(ctx::fail);
  }

  /** GET /api/me/today: the logged-in user's calls and orders since midnight (Asia/Shanghai). */
  public void today(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    ZonedDateTime midnight =
        LocalDate.now(clock.withZone(WorkingCalendar.SHANGHAI))
            .atStartOfDay(WorkingCalendar.SHANGHAI);
    day.of(actor.username(), midnight.toOffsetDateTime())
        .onSuccess(j -> Json.ok(ctx, j))
        .onFailure(ctx::fail);
  }

  private static Double coordinate(RoutingContext ctx, String name, double max) {
    String raw = Inputs.param(ctx, name);
    if (raw == null) {
      return null;
    }
    try {
      double v = Double.parseDouble(raw);
      if (Double.isNaN(v) || v < -max || v > max) {
        throw WorkflowException.invalid(name, name + " must lie between -" + max + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw WorkflowException.invalid(name, name + " must be a number");
    }
  }
}
