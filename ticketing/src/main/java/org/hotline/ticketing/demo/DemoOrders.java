package org.hotline.ticketing.demo;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotline.ticketing.order.NewOrder;
import org.hotline.ticketing.routing.RoutingAdvisor;
import org.hotline.ticketing.unit.UnitTree;
import org.hotline.ticketing.workflow.Action;
import org.hotline.ticketing.workflow.ActionRequest;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.OrderState;
import org.hotline.ticketing.workflow.Role;
import org.hotline.ticketing.workflow.Transition;
import org.hotline.ticketing.workflow.WorkOrder;
import org.hotline.ticketing.workflow.Workflow;

/**
 * Generates the demo's historical orders by walking each one through the real {@link Workflow} at
 * simulated times over the last 30 days, so that the data obeys every rule the live system does.
 * Deterministic for a given seed.
 */
public final class DemoOrders {

  /** A generated order: what was taken in, and the transitions it went through. */
  public record Generated(
      NewOrder intake,
      ZonedDateTime createdAt,
      String createdBy,
      List<Step> steps,
      Integer mergedInto) {}

  /** One transition at its simulated time. */
  public record Step(Transition transition, String actor, ZonedDateTime at) {}

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"
  };
  private static final String[] DETAILS = {
    "已持续一周左右，影响周边居民正常生活", "多次反映未见解决", "希望有关部门尽快核实处理",
    "夜间尤为明显，老人孩子休息不好", "存在安全隐患，请尽快派人查看", "希望给个明确答复"
  };

  private static final Actor AGENT = new Actor("agent1", EnumSet.of(Role.AGENT), null);
  private static final Actor DISPATCHER =
      new Actor("dispatcher1", EnumSet.of(Role.DISPATCHER), null);
  private static final Actor REVIEWER = new Actor("reviewer1", EnumSet.of(Role.REVIEWER), null);
  private static final Actor SUPERVISOR =
      new Actor("supervisor1", EnumSet.of(Role.SUPERVISOR), null);

  private final Workflow workflow;
  private final RoutingAdvisor routing;
  private final UnitTree units;
  private final Map<String, String> categories; // leaf code -> name
  private final Random random;
  private final List<WorkOrder> finals = new ArrayList<>(); // final image of each generated order

  public DemoOrders(
      Workflow workflow,
      RoutingAdvisor routing,
      UnitTree units,
      Map<String, String> categories,
      long seed) {
    this.workflow = workflow;
    this.routing = routing;
    this.units = units;
    this.categories = categories;
    this.random = new Random(seed);
  }

  public List<Generated> generate(int count, ZonedDateTime now) {
    List<String> codes = new ArrayList<>(categories.keySet());
    codes.sort(null);
    List<UnitTree.Unit> streets =
        units.all().stream()
            .filter(u -> u.type().equals("street") && !u.areaKeywords().isEmpty())
            .sorted((a, b) -> a.code().compareTo(b.code()))
            .toList();
    List<Generated> out = new ArrayList<>();
    finals.clear();
    OrderState[] targets = OrderState.values();
    int[] weights = {8, 17, 3, 12, 17, 10, 10, 23}; // RECEIVED … CLOSED, percent
    for (int i = 0; i < count; i++) {
      OrderState target = pick(targets, weights);
      String category = codes.get(random.nextInt(codes.size()));
      String location =
          streets.isEmpty() ? "本市人民路1号" : address(streets.get(random.nextInt(streets.size())));
      ZonedDateTime created =
          now.minusMinutes(30 + random.nextInt(30 * 24 * 60)).withSecond(0).withNano(0);
      boolean urgent = random.nextInt(20) == 0;
      String type =
          List.of("consult", "help", "complaint", "complaint", "report", "suggestion")
              .get(random.nextInt(6));
      String channel =
          List.of("phone", "phone", "phone", "sms", "web", "voicemail").get(random.nextInt(6));
      NewOrder intake =
          new NewOrder(
              channel,
              type,
              category,
              "139" + String.format("%08d", random.nextInt(100_000_000)),
              SURNAMES[random.nextInt(SURNAMES.length)]
                  + GIVEN[random.nextInt(GIVEN.length)]
                  + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : ""),
              type.equals("report") && random.nextBoolean(),
              location,
              null,
              null,
              null,
              "市民来电反映"
                  + location
                  + "“"
                  + categories.get(category)
                  + "”问题，"
                  + DETAILS[random.nextInt(DETAILS.length)]
                  + "。",
              urgent ? "urgent" : "normal",
              List.of());
      out.add(walk(intake, created, now, target, category, location, i));
    }
    return out;
  }

  private Generated walk(
      NewOrder intake,
      ZonedDateTime created,
      ZonedDateTime now,
      OrderState target,
      String category,
      String location,
      int index) {
    WorkOrder o = new WorkOrder();
    o.id = -1 - index; // replaced when stored; distinct so that merges can name a target
    o.number = "demo-" + index;
    o.state = OrderState.RECEIVED;
    o.version = 1;
    o.channel = intake.channel();
    o.requestType = intake.requestType();
    o.categoryCode = intake.categoryCode();
    o.urgency = intake.urgency();
    o.createdAt = created;
    List<Step> steps = new ArrayList<>();
    // Spread the steps over the time between creation and now.
    long window = Math.max(10, Duration.between(created, now).toMinutes());
    Clock clock = new Clock(created, window / 8);
    List<RoutingAdvisor.Suggestion> suggestions = routing.suggest(category, location);
    String unit = suggestions.isEmpty() ? null : suggestions.get(0).unit();
    if (unit == null && target != OrderState.RECEIVED && target != OrderState.ANSWERED) {
      target = OrderState.ANSWERED;
    }
    Actor handler = unit == null ? null : new Actor("u-" + unit, EnumSet.of(Role.HANDLER), unit);
    Integer mergedInto = null;
    if (target == OrderState.MERGED) {
      mergedInto = openOrderBefore(index);
      if (mergedInto == null) {
        target = OrderState.RECEIVED;
      }
    }
    switch (target) {
      case RECEIVED -> {}
      case ANSWERED ->
          o = step(steps, o, AGENT, req(Action.ANSWER, o).text("已按知识库口径向市民解释说明，市民表示理解。"), clock);
      case MERGED -> {
        WorkOrder into = finals.get(mergedInto);
        ZonedDateTime at = clock.next(random);
        Req r = req(Action.MERGE, o);
        r.into = into.number;
        Transition t = workflow.apply(o, AGENT, r.build(), into, at);
        steps.add(new Step(t, AGENT.username(), at));
        o = t.after();
      }
      default -> {
        o = step(steps, o, DISPATCHER, req(Action.DISPATCH, o).unit(unit), clock);
        if (target == OrderState.DISPATCHED) {
          break;
        }
        o = step(steps, o, handler, req(Action.SIGN, o), clock);
        if (target == OrderState.ACCEPTED) {
          if (random.nextInt(4) == 0) {
            o = step(steps, o, SUPERVISOR, req(Action.SUPERVISE, o).note("市民多次来电，请加快办理"), clock);
          }
          break;
        }
        o = step(steps, o, handler, req(Action.REPLY, o).text("经现场核查，已安排人员处理完毕，并与市民电话沟通。"), clock);
        if (target == OrderState.REPLIED) {
          break;
        }
        o = step(steps, o, REVIEWER, req(Action.REVIEW_ACCEPT, o), clock);
        if (target == OrderState.CALLBACK) {
          break;
        }
        String result = random.nextInt(5) == 0 ? "basically_satisfied" : "satisfied";
        o = step(steps, o, AGENT, req(Action.CALLBACK, o).result(result), clock);
      }
    }
    finals.add(o);
    return new Generated(intake, created, "agent1", steps, mergedInto);
  }

  /** An earlier generated order that is still open: a merge target. */
  private Integer openOrderBefore(int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (finals.get(i).state.isOpen()) {
        return i;
      }
    }
    return null;
  }

  private WorkOrder step(List<Step> steps, WorkOrder o, Actor actor, Req r, Clock clock) {
    ZonedDateTime at = clock.next(random);
    Transition t = workflow.apply(o, actor, r.build(), null, at);
    steps.add(new Step(t, actor.username(), at));
    return t.after();
  }

  private String address(UnitTree.Unit street) {
    String road = List.of("人民路", "建设路", "解放路", "中山路", "和平街", "幸福里").get(random.nextInt(6));
    return street.areaKeywords().get(0) + road + (1 + random.nextInt(200)) + "号";
  }

  private <T> T pick(T[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static Req req(Action a, WorkOrder o) {
    return new Req(a, o.version);
  }

  /** Simulated time moving forward in random steps. */
  private static final class Clock {
    private ZonedDateTime t;
    private final long maxStepMinutes;

    Clock(ZonedDateTime start, long maxStepMinutes) {
      this.t = start;
      this.maxStepMinutes = Math.max(1, maxStepMinutes);
    }

    ZonedDateTime next(Random random) {
      t = t.plusMinutes(1 + (long) (random.nextDouble() * maxStepMinutes));
      return t;
    }
  }

  /** A small builder for action requests. */
  private static final class Req {
    private final Action action;
    private final int version;
    private String text;
    private String into;
    private String unit;
    private String reason;
    private String result;
    private String note;

    Req(Action action, int version) {
      this.action = action;
      this.version = version;
    }

    Req text(String v) {
      text = v;
      return this;
    }

    Req unit(String v) {
      unit = v;
      return this;
    }

    Req reason(String v) {
      reason = v;
      return this;
    }

    Req result(String v) {
      result = v;
      return this;
    }

    Req note(String v) {
      note = v;
      return this;
    }

    ActionRequest build() {
      return new ActionRequest(
          action, version, text, null, into, unit, List.of(), reason, null, null, result, note);
    }
  }
}
