package org.hotline.ticketing.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.demo.DemoOrders;
import org.hotline.ticketing.routing.RoutingAdvisor;
import org.hotline.ticketing.routing.RoutingRule;
import org.junit.jupiter.api.Test;

class DemoOrdersTest {

  @Test
  void theDemoHistoryCoversEveryStateThroughTheRealWorkflow() {
    RoutingAdvisor routing =
        new RoutingAdvisor(
            List.of(
                new RoutingRule("010101", "dc", "owner", null, null, 1),
                new RoutingRule("020301", "@street", "area", "dc", null, 1)),
            Map.of("010101", "component", "020301", "event"),
            WorkflowTest.UNITS);
    var generated =
        new DemoOrders(
                WorkflowTest.WORKFLOW,
                routing,
                WorkflowTest.UNITS,
                Map.of("010101", "路灯", "020301", "占道经营"),
                7)
            .generate(200, WorkflowTest.NOW);
    Set<OrderState> finals = EnumSet.noneOf(OrderState.class);
    for (DemoOrders.Generated g : generated) {
      finals.add(
          g.steps().isEmpty()
              ? OrderState.RECEIVED
              : g.steps().get(g.steps().size() - 1).transition().after().state);
      g.steps().forEach(s -> assertThat(s.at()).isBefore(WorkflowTest.NOW).isAfter(g.createdAt()));
    }
    assertThat(finals).containsExactlyInAnyOrder(OrderState.values());
  }
}
