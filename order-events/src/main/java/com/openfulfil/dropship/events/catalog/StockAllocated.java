package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.model.LineAllocation;
import com.openfulfil.dropship.events.model.OrderDetails;

import java.time.Instant;
import java.util.List;

/**
 * Every line of the order is reserved at a supplier offer; the order travels on for dispatch. A line
 * split across offers is several {@code lines} with its lineNo, one per offer, whose quantities add up
 * to the line's.
 */
public record StockAllocated(String eventId, Instant occurredAt, String orderId, OrderDetails order,
                             List<LineAllocation> lines) implements AllocationEvent {
}
