package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.Offer;
import com.openfulfil.dropship.catalog.domain.Price;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.events.model.ShippingOption;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as {@code GET /api/v1/products/{sku}} shows it: the retail price and where it comes
 * from (flagged when it is below the cheapest landed cost), and every offer with its availability
 * (stock minus live reservations).
 */
record ProductView(String sku, String title, String description, List<String> imageUrls, BigDecimal retailPrice,
                   String currency, Pricing pricing, boolean listed, int available, int reserved,
                   int lowStockThreshold, List<OfferLine> offers, String hsCode, String countryOfOrigin) {

    /** How the retail price was set; {@code belowBestCost} marks a price every sale loses money at. */
    record Pricing(Price.Source source, BigDecimal bestLandedCost, boolean belowBestCost) {
    }

    record OfferLine(String supplierId, String supplierSku, BigDecimal cost, String currency, BigDecimal shippingCost,
                     BigDecimal landedCost, int stock, int reserved, int available, int handlingDays, int priority,
                     List<ShippingOption> shippingOptions) {
    }

    static ProductView of(Product product, CatalogPolicy policy) {
        List<OfferLine> offers = product.offers().stream().map(o -> offer(product, o)).toList();
        var price = product.price(policy);
        return new ProductView(product.sku(), product.title(), product.description(), product.imageUrls(),
                price.map(Price::amount).orElse(null), price.map(Price::currency).orElse(product.currency()),
                price.map(p -> new Pricing(p.source(), p.bestLandedCost(), p.belowBestCost())).orElse(null),
                product.listed(policy), product.available(), offers.stream().mapToInt(OfferLine::reserved).sum(),
                product.lowStockThreshold(policy), offers, product.hsCode(), product.countryOfOrigin());
    }

    private static OfferLine offer(Product product, Offer offer) {
        return new OfferLine(offer.supplierId(), offer.supplierSku(), offer.cost(), offer.currency(),
                offer.shippingCost(), offer.landedCost(), offer.stock(), product.reserved(offer.supplierId()),
                product.available(offer), offer.handlingDays(), offer.priority(), offer.shippingOptions());
    }
}
