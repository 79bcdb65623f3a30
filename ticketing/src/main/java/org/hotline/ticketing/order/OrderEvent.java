package org.hotline.ticketing.order;

import io.vertx.core.json.JsonObject;
import java.time.ZonedDateTime;

/** One entry of an order's append-only history. */
public record OrderEvent(
    long orderId,
    String action,
    String actor,
    ZonedDateTime at,
    String fromState,
    String toState,
    String note,
    JsonObject payload) {}
