package com.openfulfil.dropship.ops.domain;

import com.openfulfil.dropship.events.model.LineUnits;
import com.openfulfil.dropship.events.model.OrderStatus;
import com.openfulfil.dropship.events.order.OrderStatusChanged;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order as ops see it: its current status, since when, every step that led there and, once part of it
 * has shipped or arrived, how far each line's units have got ({@code units}, as the last transition that
 * said it did: a partial one, or one to RETURNED or REFUNDED; null before).
 */
public record OrderTrack(String orderId, OrderStatus status, Instant since, List<Step> history, List<LineUnits> units) {

    public OrderTrack {
        history = List.copyOf(history);
        units = units == null ? null : List.copyOf(units);
    }

    public OrderTrack(String orderId, OrderStatus status, Instant since, List<Step> history) {
        this(orderId, status, since, history, null);
    }

    /** Each line's units in words ("MUG-001: 2 ordered, 2 shipped, 1 delivered"), while part of the order is on its way. */
    public List<String> unitsByLine() {
        if (units == null || status != OrderStatus.PARTIALLY_SHIPPED && status != OrderStatus.PARTIALLY_DELIVERED) {
            return List.of();
        }
        return units.stream().map(u -> u.sku() + ": " + u.ordered() + " ordered, " + u.shipped() + " shipped, "
                + u.delivered() + " delivered").toList();
    }

    /** One transition of the order, as {@code orders.lifecycle} reported it. */
    public record Step(String eventId, OrderStatus status, Instant at, String reason) {
    }

    public static OrderTrack first(OrderStatusChanged change) {
        return new OrderTrack(change.orderId(), change.to(), change.occurredAt(), List.of(stepOf(change)),
                change.units());
    }

    /** The order after {@code change}; a change seen before (same event id) leaves it as it is. */
    public OrderTrack after(OrderStatusChanged change) {
        if (hasSeen(change.eventId())) {
            return this;
        }
        List<Step> steps = new ArrayList<>(history);
        steps.add(stepOf(change));
        return new OrderTrack(orderId, change.to(), change.occurredAt(), steps,
                change.units() != null ? change.units() : units);
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
