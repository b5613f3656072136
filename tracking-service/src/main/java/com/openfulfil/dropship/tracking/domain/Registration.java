package com.openfulfil.dropship.tracking.domain;

import com.openfulfil.dropship.events.model.ParcelItem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whose parcel a tracking number is: the order and dispatch it ships, who carries it and what it holds
 * ({@code items}: null when its shipment did not say).
 */
public record Registration(String orderId, String dispatchId, String supplierId, String carrier,
                           List<ParcelItem> items) {

    public Registration {
        items = items == null ? null : List.copyOf(items);
    }

    public Registration(String orderId, String dispatchId, String supplierId, String carrier) {
        this(orderId, dispatchId, supplierId, carrier, null);
    }

    /** What the parcel holds in words ("2 × Ceramic mug 350 ml, 1 × LED desk lamp"); empty when unknown. */
    public String contents() {
        return items == null ? "" : describe(items);
    }

    /** Items in words: units × title (the sku when the title is not known). */
    public static String describe(List<ParcelItem> items) {
        return items.stream().map(i -> i.quantity() + " × " + (i.title() == null || i.title().isBlank() ? i.sku()
                : i.title())).collect(Collectors.joining(", "));
    }
}
