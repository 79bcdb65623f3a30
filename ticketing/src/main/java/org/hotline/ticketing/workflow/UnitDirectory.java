package org.hotline.ticketing.workflow;

/** What the workflow needs to know of the member-unit tree. */
public interface UnitDirectory {

  boolean exists(String unitCode);

  /** True when {@code unit} lies strictly below {@code ancestor} in the tree. */
  boolean isBelow(String unit, String ancestor);
}
