package com.openfulfil.dropship.supplierportal.domain;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.PackingInstructions;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.SpecialRequests;
import com.openfulfil.dropship.events.supplier.DispatchRequested;

import java.util.List;

/** What the supplier is asked to do: the items by its own SKUs, where to, how urgently, how to pack. */
public record DispatchDetails(List<DispatchItem> items, Address shipTo, Customer contact, Priority priority,
                              SpecialRequests requests, PackingInstructions packing) {
    public DispatchDetails {
        items = items == null ? List.of() : List.copyOf(items);
        requests = requests == null ? SpecialRequests.NONE : requests;
        priority = priority == null ? Priority.STANDARD : priority;
    }

    static DispatchDetails of(DispatchRequested requested) {
        return new DispatchDetails(requested.items(), requested.shipTo(), requested.contact(), requested.priority(),
                requested.requests(), requested.packing());
    }

    public int units() {
        return items.stream().mapToInt(DispatchItem::quantity).sum();
    }
}
