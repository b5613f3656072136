package com.openfulfil.dropship.events.catalog;

import com.openfulfil.dropship.events.model.OfferView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The current state of a product ({@code catalog.products}, compacted, keyed by sku): retail
 * price, whether it is listed, every supplier offer with its availability, and the customs data
 * orders for it carry abroad (R3.7).
 */
public record ProductUpdated(String eventId, Instant occurredAt, String sku, String title, String description,
                             List<String> imageUrls, BigDecimal retailPrice, String currency, boolean listed,
                             int available, List<OfferView> offers, String hsCode, String countryOfOrigin)
        implements CatalogMessage {

    public ProductUpdated(String eventId, Instant occurredAt, String sku, String title, String description,
                          List<String> imageUrls, BigDecimal retailPrice, String currency, boolean listed,
                          int available, List<OfferView> offers) {
        this(eventId, occurredAt, sku, title, description, imageUrls, retailPrice, currency, listed, available, offers,
                null, null);
    }
}
