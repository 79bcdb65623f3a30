package org.hotline.ticketing.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.function.Supplier;
import org.hotline.ticketing.category.CategoryRepository;
import org.hotline.ticketing.reference.ReferenceData;
import org.hotline.ticketing.routing.RoutingAdvisor;
import org.hotline.ticketing.unit.UnitTree;
import org.hotline.ticketing.workflow.WorkflowException;

/** GET /api/units, GET /api/categories, GET /api/routing/suggest. */
public final class ReferenceHandlers {

  private final ReferenceData reference;
  private final CategoryRepository categories;
  private final Supplier<RoutingAdvisor> routing;

  public ReferenceHandlers(
      ReferenceData reference, CategoryRepository categories, Supplier<RoutingAdvisor> routing) {
    this.reference = reference;
    this.categories = categories;
    this.routing = routing;
  }

  public void units(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    reference.units().all().stream()
        .sorted(Comparator.comparing(UnitTree.Unit::code))
        .forEach(
            u ->
                out.add(
                    new JsonObject()
                        .put("code", u.code())
                        .put("name", u.name())
                        .put("parent", u.parent())
                        .put("type", u.type())));
    Json.ok(ctx, out);
  }

  public void categories(RoutingContext ctx) {
    categories.tree().onSuccess(tree -> Json.ok(ctx, tree)).onFailure(ctx::fail);
  }

  public void suggest(RoutingContext ctx) {
    String code = ctx.request().getParam("categoryCode");
    if (code == null || code.isBlank()) {
      throw WorkflowException.invalid("categoryCode", "categoryCode is required");
    }
    if (!reference.isLeafCategory(code.trim())) {
      throw WorkflowException.invalid("categoryCode", "no leaf category " + code);
    }
    String location = ctx.request().getParam("location");
    JsonArray out = new JsonArray();
    routing
        .get()
        .suggest(code.trim(), location == null ? "" : location.trim())
        .forEach(
            s ->
                out.add(
                    new JsonObject()
                        .put("unit", s.unit())
                        .put("name", s.name())
                        .put("reason", s.reason())));
    Json.ok(ctx, out);
  }
}
