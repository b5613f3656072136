package com.openfulfil.dropship.order.domain;

import com.openfulfil.dropship.events.model.ParcelStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** One supplier's dispatch of an order, and the parcels it shipped (tracking number → status). */
public record Fulfilment(String dispatchId, String supplierId, FulfilmentStatus status, String carrier,
                         Map<String, ParcelStatus> parcels) {

    public Fulfilment {
        parcels = parcels == null ? Map.of() : Map.copyOf(parcels);
    }

    static Fulfilment sent(String dispatchId, String supplierId) {
        return new Fulfilment(dispatchId, supplierId, FulfilmentStatus.SENT, null, Map.of());
    }

    Fulfilment withStatus(FulfilmentStatus next) {
        return new Fulfilment(dispatchId, supplierId, next, carrier, parcels);
    }

    Fulfilment shipped(String shippedBy, Iterable<String> trackingNumbers) {
        Map<String, ParcelStatus> all = new LinkedHashMap<>(parcels);
        trackingNumbers.forEach(n -> all.putIfAbsent(n, ParcelStatus.PENDING));
        return new Fulfilment(dispatchId, supplierId, FulfilmentStatus.SHIPPED, shippedBy, all);
    }

    Fulfilment withParcel(String trackingNumber, ParcelStatus parcelStatus) {
        Map<String, ParcelStatus> all = new LinkedHashMap<>(parcels);
        all.put(trackingNumber, parcelStatus);
        return new Fulfilment(dispatchId, supplierId, status(), carrier, all);
    }
}
