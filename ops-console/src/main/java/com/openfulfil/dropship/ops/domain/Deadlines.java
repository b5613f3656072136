package com.openfulfil.dropship.ops.domain;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long an order may stay in each waiting status before ops should look at it (the standard
 * operating procedure: a supplier accepts within 24 h, ships within 48 h, ...). Final statuses have none.
 */
public final class Deadlines {
    private final Map<OrderStatus, Duration> byStatus;

    public Deadlines(Map<OrderStatus, Duration> byStatus) {
        this.byStatus = byStatus.isEmpty() ? Map.of() : new EnumMap<>(byStatus);
    }

    public Optional<Duration> of(OrderStatus status) {
        return Optional.ofNullable(byStatus.get(status));
    }

    /** True when the order has been in its status longer than that status allows. */
    public boolean isOverdue(OrderTrack order, Instant now) {
        return of(order.status()).map(deadline -> order.age(now).compareTo(deadline) > 0).orElse(false);
    }
}
