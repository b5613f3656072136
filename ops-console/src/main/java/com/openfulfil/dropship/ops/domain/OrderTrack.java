package com.openfulfil.dropship.ops.domain;

import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order as ops see it: its current status, since when, and every step that led there. */
public record OrderTrack(String orderId, OrderStatus status, Instant since, List<Step> history) {

    public OrderTrack {
        history = List.copyOf(history);
    }

    /** One transition of the order, as {@code orders.lifecycle} reported it. */
    public record Step(String eventId, OrderStatus status, Instant at, String reason) {
    }

    public static OrderTrack first(OrderStatusChanged change) {
        return new OrderTrack(change.orderId(), change.to(), change.occurredAt(), List.of(stepOf(change)));
    }

    /** The order after {@code change}; a change seen before (same event id) leaves it as it is. */
    public OrderTrack after(OrderStatusChanged change) {
        if (hasSeen(change.eventId())) {
            return this;
        }
        List<Step> steps = new ArrayList<>(history);
        steps.add(stepOf(change));
        return new OrderTrack(orderId, change.to(), change.occurredAt(), steps);
    }

    public boolean hasSeen(String eventId) {
        return history.stream().anyMatch(step -> step.eventId().equals(eventId));
    }

    /** How long the order has been in its current status at {@code now}. */
    public Duration age(Instant now) {
        return Duration.between(since, now);
    }

    private static Step stepOf(OrderStatusChanged change) {
        return new Step(change.eventId(), change.to(), change.occurredAt(), change.reason());
    }
}
