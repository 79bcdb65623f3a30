package org.hotline.ticketing.routing;

/**
 * One row of the 派单目录. {@code unit} is a unit code, or {@code @district} / {@code @street} meaning
 * "the unit of that type whose area keywords appear in the location".
 */
public record RoutingRule(
    String categoryCode, String unit, String scope, String fallback, String note, int priority) {

  public static final String OWNER = "owner";
  public static final String AREA = "area";

  public boolean byArea() {
    return unit.startsWith("@");
  }
}
