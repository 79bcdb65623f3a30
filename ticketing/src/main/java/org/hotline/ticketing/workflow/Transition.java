package org.hotline.ticketing.workflow;

import java.util.Map;

/** The outcome of an allowed action: the order as it becomes, and what the history records. */
public record Transition(
    WorkOrder before, WorkOrder after, Action action, String note, Map<String, Object> payload) {}
