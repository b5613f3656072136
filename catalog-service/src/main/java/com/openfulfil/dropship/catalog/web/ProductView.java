package com.openfulfil.dropship.catalog.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.openfulfil.dropship.catalog.domain.Offer;
import com.openfulfil.dropship.catalog.domain.Product;

import java.math.BigDecimal;
import java.util.List;

/** A product as {@code GET /api/v1/products/{sku}} shows it; amounts are strings ("12.50"), as on the topics. */
record ProductView(String sku, String title, String description, List<String> imageUrls,
                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal retailPrice, String currency,
                   boolean listed, int available, int reserved, List<OfferLine> offers) {

    record OfferLine(String supplierId, String supplierSku,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cost, String currency,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shippingCost,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal landedCost,
                     int stock, int reserved, int available, int handlingDays, int priority) {
    }

    static ProductView of(Product product) {
        List<OfferLine> offers = product.offers().stream().map(o -> offer(product, o)).toList();
        return new ProductView(product.sku(), product.title(), product.description(), product.imageUrls(),
                product.retailPrice(), product.currency(), product.listed(), product.available(),
                offers.stream().mapToInt(OfferLine::reserved).sum(), offers);
    }

    private static OfferLine offer(Product product, Offer offer) {
        return new OfferLine(offer.supplierId(), offer.supplierSku(), offer.cost(), offer.currency(),
                offer.shippingCost(), offer.landedCost(), offer.stock(), product.reserved(offer.supplierId()),
                product.available(offer), offer.handlingDays(), offer.priority());
    }
}
