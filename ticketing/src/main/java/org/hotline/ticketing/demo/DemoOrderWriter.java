package org.hotline.ticketing.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.hotline.ticketing.order.OrderEvent;
import org.hotline.ticketing.order.WorkOrderRepository;
import org.hotline.ticketing.workflow.WorkOrder;

/** Stores generated demo orders with their full history, one transaction per order. */
public final class DemoOrderWriter {

  private final Pool pool;
  private final WorkOrderRepository orders;

  public DemoOrderWriter(Pool pool, WorkOrderRepository orders) {
    this.pool = pool;
    this.orders = orders;
  }

  public Future<Void> write(List<DemoOrders.Generated> generated) {
    List<WorkOrder> stored = new java.util.ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (DemoOrders.Generated g : generated) {
      chain =
          chain.compose(
              v ->
                  writeOne(g, g.mergedInto() == null ? null : stored.get(g.mergedInto()))
                      .map(
                          o -> {
                            stored.add(o);
                            return null;
                          }));
    }
    return chain;
  }

  /** Writes one order; a merged one points at the stored id and number of its target. */
  private Future<WorkOrder> writeOne(DemoOrders.Generated g, WorkOrder target) {
    return pool.withTransaction(
        tx ->
            orders
                .insert(tx, g.intake(), g.createdBy(), g.createdAt())
                .compose(
                    created -> {
                      Future<Void> f =
                          orders.appendEvent(
                              tx,
                              new OrderEvent(
                                  created.id,
                                  "create",
                                  g.createdBy(),
                                  g.createdAt(),
                                  null,
                                  "RECEIVED",
                                  null,
                                  new JsonObject().put("channel", created.channel)));
                      int version = created.version;
                      for (DemoOrders.Step s : g.steps()) {
                        WorkOrder after = s.transition().after().copy();
                        after.id = created.id;
                        after.number = created.number;
                        JsonObject payload = new JsonObject(s.transition().payload());
                        if (target != null && after.parentId != null) {
                          after.parentId = target.id;
                          payload.put("into", target.number);
                        }
                        int expected = version;
                        version = after.version;
                        f =
                            f.compose(v -> orders.update(tx, after, expected))
                                .compose(
                                    ok ->
                                        orders.appendEvent(
                                            tx,
                                            new OrderEvent(
                                                created.id,
                                                s.transition().action().pathName(),
                                                s.actor(),
                                                s.at(),
                                                s.transition().before().state.name(),
                                                after.state.name(),
                                                s.transition().note(),
                                                payload)));
                      }
                      return f.map(created);
                    }));
  }
}
