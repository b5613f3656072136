package com.openfulfil.dropship.events.order;

import com.openfulfil.dropship.events.model.LineQuantity;

import java.time.Instant;
import java.util.List;

/**
 * The order's units go out again (a damaged, wrong or lost parcel; R5.1, R5.3): a replacement order
 * {@code replacementOrderId} with {@code lines}' units is placed for the same customer and address,
 * and goes through the pipeline like any order (stock reserved, dispatched, tracked, the customer
 * told). {@code lines} null (as written before replacements were orders) means every unit.
 */
public record ReshipRequested(String eventId, Instant occurredAt, String orderId, String by, String note,
                              String replacementOrderId, List<LineQuantity> lines)
        implements OrderCommand {

    public ReshipRequested {
        lines = lines == null ? null : List.copyOf(lines);
    }

    public ReshipRequested(String eventId, Instant occurredAt, String orderId, String by, String note) {
        this(eventId, occurredAt, orderId, by, note, null, null);
    }
}
