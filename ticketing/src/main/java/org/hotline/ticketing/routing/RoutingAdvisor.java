package org.hotline.ticketing.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.ticketing.unit.UnitTree;

/**
 * Suggests the lead unit for an order from the routing table. 部件先属主后属地: for a physical asset the
 * owning unit comes first; 事件先属地后属主: for an incident the area's unit comes first. Pure; the
 * dispatcher decides.
 */
public final class RoutingAdvisor {

  /** A suggested unit with the reason shown to the dispatcher. */
  public record Suggestion(String unit, String name, String reason) {}

  private final List<RoutingRule> rules;
  private final Map<String, String> categoryKinds;
  private final UnitTree units;

  public RoutingAdvisor(
      List<RoutingRule> rules, Map<String, String> categoryKinds, UnitTree units) {
    this.rules = List.copyOf(rules);
    this.categoryKinds = Map.copyOf(categoryKinds);
    this.units = units;
  }

  public List<Suggestion> suggest(String categoryCode, String location) {
    boolean component = "component".equals(categoryKinds.get(categoryCode));
    List<RoutingRule> matching = new ArrayList<>();
    for (RoutingRule r : rules) {
      if (r.categoryCode().equals(categoryCode)) {
        matching.add(r);
      }
    }
    // Owner rules first for components, area rules first for events; then the table's own order.
    matching.sort(
        Comparator.comparing((RoutingRule r) -> r.byArea() == component)
            .thenComparingInt(RoutingRule::priority));
    Map<String, Suggestion> out = new LinkedHashMap<>();
    for (RoutingRule r : matching) {
      String principle = component ? "部件先属主后属地" : "事件先属地后属主";
      if (r.byArea()) {
        UnitTree.Unit area = matchArea(r.unit().substring(1), location);
        if (area != null) {
          out.putIfAbsent(
              area.code(),
              new Suggestion(
                  area.code(),
                  area.name(),
                  principle + "：地址“" + location + "”属" + area.name() + note(r)));
        } else if (r.fallback() != null && units.exists(r.fallback())) {
          UnitTree.Unit f = units.get(r.fallback());
          out.putIfAbsent(
              f.code(),
              new Suggestion(
                  f.code(), f.name(), principle + "：未能从地址判断属地，由" + f.name() + "兜底" + note(r)));
        }
      } else if (units.exists(r.unit())) {
        UnitTree.Unit u = units.get(r.unit());
        out.putIfAbsent(
            u.code(),
            new Suggestion(
                u.code(),
                u.name(),
                principle
                    + "："
                    + (r.scope().equals(RoutingRule.OWNER) ? "权属单位" : "主管单位")
                    + note(r)));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String note(RoutingRule r) {
    return r.note() == null || r.note().isBlank() ? "" : "（" + r.note() + "）";
  }

  /** The unit of the given type whose longest area keyword occurs in the location text. */
  private UnitTree.Unit matchArea(String type, String location) {
    if (location == null || location.isBlank()) {
      return null;
    }
    UnitTree.Unit best = null;
    int bestLength = 0;
    for (UnitTree.Unit u : units.all()) {
      if (!u.type().equals(type)) {
        continue;
      }
      for (String k : u.areaKeywords()) {
        if (!k.isEmpty() && location.contains(k) && k.length() > bestLength) {
          best = u;
          bestLength = k.length();
        }
      }
    }
    if (best == null && type.equals("district")) {
      // A street or community named in the address tells its district too.
      for (UnitTree.Unit u : units.all()) {
        if (u.type().equals("street") || u.type().equals("community")) {
          for (String k : u.areaKeywords()) {
            if (!k.isEmpty() && location.contains(k)) {
              UnitTree.Unit d = u;
              while (d != null && !d.type().equals("district")) {
                d = d.parent() == null ? null : units.get(d.parent());
              }
              if (d != null) {
                return d;
              }
            }
          }
        }
      }
    }
    return best;
  }
}
