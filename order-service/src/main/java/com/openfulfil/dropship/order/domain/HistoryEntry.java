package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.OrderStatus;

import java.time.Instant;

/** One step of an order's life, as the customer and the retailer see it. */
public record HistoryEntry(OrderStatus status, Instant at, String reason) {
}
