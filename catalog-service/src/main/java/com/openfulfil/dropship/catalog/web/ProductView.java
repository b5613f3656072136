package com.openfulfil.dropship.catalog.web;

import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.Offer;
import com.openfulfil.dropship.catalog.domain.Price;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.events.model.ShippingOption;
import com.openfulfil.dropship.support.security.Caller;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as {@code GET /api/v1/products/{sku}} shows it, to each caller what is theirs to see.
 * Anyone: what a storefront shows (title, text, images, retail price, whether it is listed and how
 * many can be ordered). The admin, in full: where the price comes from (flagged when it is below the
 * cheapest landed cost), what live orders hold, and every offer with its cost and availability
 * (stock minus live reservations); suppliers' costs are commercially sensitive, so nobody else sees
 * them. A supplier: its own offer only. What a caller may not see is left out of the answer.
 */
record ProductView(String sku, String title, String description, List<String> imageUrls, BigDecimal retailPrice,
                   String currency, boolean listed, int available, Pricing pricing, Integer reserved,
                   Integer lowStockThreshold, List<OfferLine> offers, String hsCode, String countryOfOrigin) {

    /** How the retail price was set; {@code belowBestCost} marks a price every sale loses money at. */
    record Pricing(Price.Source source, BigDecimal bestLandedCost, boolean belowBestCost) {
    }

    record OfferLine(String supplierId, String supplierSku, BigDecimal cost, String currency, BigDecimal shippingCost,
                     BigDecimal landedCost, int stock, int reserved, int available, int handlingDays, int priority,
                     List<ShippingOption> shippingOptions) {
    }

    /** @param caller who asks; null for anyone without credentials */
    static ProductView of(Product product, CatalogPolicy policy, Caller caller) {
        if (caller != null && caller.isAdmin()) {
            return full(product, policy);
        }
        List<OfferLine> own = caller == null ? null : product.offers().stream()
                .filter(o -> caller.is(CatalogAccess.SUPPLIER, o.supplierId())).map(o -> offer(product, o)).toList();
        var price = product.price(policy);
        return new ProductView(product.sku(), product.title(), product.description(), product.imageUrls(),
                price.map(Price::amount).orElse(null), price.map(Price::currency).orElse(product.currency()),
                product.listed(policy), product.available(), null, null, null, own, null, null);
    }

    private static ProductView full(Product product, CatalogPolicy policy) {
        List<OfferLine> offers = product.offers().stream().map(o -> offer(product, o)).toList();
        var price = product.price(policy);
        return new ProductView(product.sku(), product.title(), product.description(), product.imageUrls(),
                price.map(Price::amount).orElse(null), price.map(Price::currency).orElse(product.currency()),
                product.listed(policy), product.available(),
                price.map(p -> new Pricing(p.source(), p.bestLandedCost(), p.belowBestCost())).orElse(null),
                offers.stream().mapToInt(OfferLine::reserved).sum(), product.lowStockThreshold(policy), offers,
                product.hsCode(), product.countryOfOrigin());
    }

    private static OfferLine offer(Product product, Offer offer) {
        return new OfferLine(offer.supplierId(), offer.supplierSku(), offer.cost(), offer.currency(),
                offer.shippingCost(), offer.landedCost(), offer.stock(), product.reserved(offer.supplierId()),
                product.available(offer), offer.handlingDays(), offer.priority(), offer.shippingOptions());
    }
}
