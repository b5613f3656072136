package com.openfulfil.dropship.events.supplier;

import com.openfulfil.dropship.events.Invariants;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.CustomsDeclaration;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.SpecialRequests;

import java.time.Instant;
import java.util.List;

/**
 * The dispatch instruction: pick, pack and ship these items to this address under the retailer's
 * brand. {@code dispatchId} is the same on every retry of this dispatch, so a supplier can use it
 * as its idempotency key. {@code customs} is there only when the parcel crosses a border (the ship-to
 * country is not the supplier's): the commercial invoice, HS codes, declared values and origins (R3.7).
 */
public record DispatchRequested(String eventId, Instant occurredAt, String orderId, String dispatchId,
                                String supplierId, List<DispatchItem> items, Address shipTo, Customer contact,
                                Priority priority, SpecialRequests requests, PackingInstructions packing,
                                CustomsDeclaration customs)
        implements DispatchMessage {
    public DispatchRequested {
        items = List.copyOf(Invariants.notEmpty(items, "items"));
    }

    public DispatchRequested(String eventId, Instant occurredAt, String orderId, String dispatchId, String supplierId,
                             List<DispatchItem> items, Address shipTo, Customer contact, Priority priority,
                             SpecialRequests requests, PackingInstructions packing) {
        this(eventId, occurredAt, orderId, dispatchId, supplierId, items, shipTo, contact, priority, requests, packing,
                null);
    }
}
