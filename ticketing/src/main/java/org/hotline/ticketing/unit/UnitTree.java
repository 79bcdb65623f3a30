package org.hotline.ticketing.unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.workflow.UnitDirectory;

/**
 * 成员单位 tree held in memory: member units change rarely and every request needs it for unit scoping.
 * Immutable; replaced as a whole when an administrator edits units.
 */
public final class UnitTree implements UnitDirectory {

  /** One member unit. {@code parent} is null for top-level units. */
  public record Unit(
      String code, String name, String parent, String type, List<String> areaKeywords) {}

  private final Map<String, Unit> byCode;
  private final Map<String, List<String>> children;

  public UnitTree(List<Unit> units) {
    Map<String, Unit> map = new HashMap<>();
    Map<String, List<String>> kids = new HashMap<>();
    for (Unit u : units) {
      map.put(u.code(), u);
      if (u.parent() != null) {
        kids.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(u.code());
      }
    }
    this.byCode = Map.copyOf(map);
    this.children = Map.copyOf(kids);
  }

  public Unit get(String code) {
    return byCode.get(code);
  }

  public List<Unit> all() {
    return List.copyOf(byCode.values());
  }

  @Override
  public boolean exists(String unitCode) {
    return byCode.containsKey(unitCode);
  }

  @Override
  public boolean isBelow(String unit, String ancestor) {
    Unit u = byCode.get(unit);
    for (int guard = 0; u != null && u.parent() != null && guard < 64; guard++) {
      if (u.parent().equals(ancestor)) {
        return true;
      }
      u = byCode.get(u.parent());
    }
    return false;
  }

  /** The unit and everything below it: what a unit's staff may see. */
  public Set<String> subtree(String code) {
    Set<String> out = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(List.of(code));
    while (!queue.isEmpty()) {
      String c = queue.remove(queue.size() - 1);
      if (out.add(c)) {
        queue.addAll(children.getOrDefault(c, List.of()));
      }
    }
    return out;
  }
}
