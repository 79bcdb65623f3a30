package org.hotline.ticketing.reference;

import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.calendar.DeadlinePolicy;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.unit.UnitTree;
import org.hotline.ticketing.workflow.Workflow;

/**
 * The slowly changing data every request consults (units, categories, calendar, deadline rules),
 * held in memory and swapped as a whole when an administrator edits it. Thread-safe: each field is
 * an immutable value behind a volatile reference.
 */
public final class ReferenceData {

  private volatile UnitTree units;
  private volatile WorkingCalendar calendar;
  private volatile DeadlinePolicy policy;
  private volatile Map<String, String> leafCategories; // code -> name

  public ReferenceData(
      UnitTree units,
      WorkingCalendar calendar,
      DeadlinePolicy policy,
      Map<String, String> leafCategories) {
    this.units = units;
    this.calendar = calendar;
    this.policy = policy;
    this.leafCategories = Map.copyOf(leafCategories);
  }

  public UnitTree units() {
    return units;
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  public DeadlinePolicy policy() {
    return policy;
  }

  public Workflow workflow() {
    return new Workflow(calendar, policy, units);
  }

  public boolean isLeafCategory(String code) {
    return leafCategories.containsKey(code);
  }

  public Set<String> leafCategoryCodes() {
    return leafCategories.keySet();
  }

  public void replaceUnits(UnitTree tree) {
    this.units = tree;
  }

  public void replaceCalendar(WorkingCalendar calendar, DeadlinePolicy policy) {
    this.calendar = calendar;
    this.policy = policy;
  }

  public void replaceCategories(Map<String, String> leaves) {
    this.leafCategories = Map.copyOf(leaves);
  }
}
