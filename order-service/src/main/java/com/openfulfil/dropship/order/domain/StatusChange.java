package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.OrderStatus;

/** A transition the state machine made; {@code from} is null when the order is first placed. */
public record StatusChange(OrderStatus from, OrderStatus to, String reason) {
}
