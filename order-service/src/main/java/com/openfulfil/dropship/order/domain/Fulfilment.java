package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.events.model.ShippedParcel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One supplier's dispatch of an order, and the parcels it shipped (tracking number → status).
 * {@code items}: the units of each order line the dispatch holds (lineNo → units), from its
 * DispatchSent; empty on a fulfilment stored before units were counted. {@code contents}: what each
 * parcel holds (tracking number → items), for the parcels whose shipment said; a parcel without an entry
 * holds what the dispatch had left (shared with the other such parcels).
 */
public record Fulfilment(String dispatchId, String supplierId, FulfilmentStatus status, String carrier,
                         Map<String, ParcelStatus> parcels, Map<Integer, Integer> items,
                         Map<String, List<ParcelItem>> contents) {

    public Fulfilment {
        parcels = parcels == null ? Map.of() : Map.copyOf(parcels);
        items = items == null ? Map.of() : Map.copyOf(items);
        contents = contents == null ? Map.of() : Map.copyOf(contents);
    }

    public Fulfilment(String dispatchId, String supplierId, FulfilmentStatus status, String carrier,
                      Map<String, ParcelStatus> parcels) {
        this(dispatchId, supplierId, status, carrier, parcels, Map.of(), Map.of());
    }

    static Fulfilment sent(String dispatchId, String supplierId) {
        return new Fulfilment(dispatchId, supplierId, FulfilmentStatus.SENT, null, Map.of());
    }

    static Fulfilment sent(String dispatchId, String supplierId, List<DispatchItem> dispatched) {
        return sent(dispatchId, supplierId).withItems(dispatched);
    }

    /** Whether its units can be counted: it says what the dispatch holds. */
    boolean counted() {
        return !items.isEmpty();
    }

    /** The dispatch's units by line, as its DispatchSent lists them. */
    Fulfilment withItems(List<DispatchItem> dispatched) {
        Map<Integer, Integer> units = new LinkedHashMap<>();
        dispatched.forEach(i -> units.merge(i.lineNo(), i.quantity(), Integer::sum));
        return new Fulfilment(dispatchId, supplierId, status, carrier, parcels, units, contents);
    }

    Fulfilment withStatus(FulfilmentStatus next) {
        return new Fulfilment(dispatchId, supplierId, next, carrier, parcels, items, contents);
    }

    /** With the shipment's parcels, and what each holds where it says. */
    Fulfilment shipped(String shippedBy, Iterable<String> trackingNumbers, List<ShippedParcel> said) {
        Map<String, ParcelStatus> all = new LinkedHashMap<>(parcels);
        trackingNumbers.forEach(n -> all.putIfAbsent(n, ParcelStatus.PENDING));
        Map<String, List<ParcelItem>> holds = new LinkedHashMap<>(contents);
        if (said != null) {
            said.stream().filter(ShippedParcel::namesContents).forEach(p -> holds.putIfAbsent(p.trackingNumber(), p.items()));
        }
        return new Fulfilment(dispatchId, supplierId, FulfilmentStatus.SHIPPED, shippedBy, all, items, holds);
    }

    Fulfilment withParcel(String trackingNumber, ParcelStatus parcelStatus) {
        Map<String, ParcelStatus> all = new LinkedHashMap<>(parcels);
        all.put(trackingNumber, parcelStatus);
        return new Fulfilment(dispatchId, supplierId, status(), carrier, all, items, contents);
    }
}
