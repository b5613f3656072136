package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.catalog.domain.AlertKind;
import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.Offer;
import com.openfulfil.dropship.catalog.domain.Price;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.events.catalog.BackInStock;
import com.openfulfil.dropship.events.catalog.LowStock;
import com.openfulfil.dropship.events.catalog.OutOfStock;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.catalog.StockAlert;
import com.openfulfil.dropship.events.model.OfferView;

import java.time.Instant;
import java.util.Optional;

/** Maps the catalog's domain state onto the contract's events. */
final class CatalogEvents {
    private CatalogEvents() {
    }

    static ProductUpdated productUpdated(String eventId, Instant at, Product product, CatalogPolicy policy) {
        Optional<Price> price = product.price(policy);
        return new ProductUpdated(eventId, at, product.sku(), product.title(), product.description(),
                product.imageUrls(), price.map(Price::amount).orElse(null),
                price.map(Price::currency).orElse(product.currency()), product.listed(policy), product.available(),
                product.offers().stream().map(o -> offerView(product, o)).toList(), product.hsCode(),
                product.countryOfOrigin());
    }

    static OfferView offerView(Product product, Offer offer) {
        return new OfferView(offer.supplierId(), offer.supplierSku(), offer.cost(), offer.currency(),
                offer.shippingCost(), offer.stock(), product.reserved(offer.supplierId()), product.available(offer),
                offer.handlingDays(), offer.priority(), offer.shippingOptions());
    }

    static StockAlert alert(AlertKind kind, String eventId, Instant at, String sku, int available, int threshold) {
        if (kind == AlertKind.LOW_STOCK) {
            return new LowStock(eventId, at, sku, available, threshold);
        }
        if (kind == AlertKind.OUT_OF_STOCK) {
            return new OutOfStock(eventId, at, sku, available, threshold);
        }
        return new BackInStock(eventId, at, sku, available, threshold);
    }
}
