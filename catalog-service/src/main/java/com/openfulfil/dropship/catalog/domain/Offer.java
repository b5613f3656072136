package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.OfferRef;

import java.math.BigDecimal;

/**
 * One supplier's offer for a product. An offer whose cost or currency is still unknown (a feed
 * that so far only sent stock) cannot be sold: its landed cost, and so its place in the ranking,
 * would be a guess.
 */
public record Offer(String supplierId, String supplierSku, BigDecimal cost, String currency,
                    BigDecimal shippingCost, int stock, int handlingDays, int priority) {
    /** What a supplier that does not say otherwise is assumed to need to ship. */
    static final int DEFAULT_HANDLING_DAYS = 2;
    /** Lower is preferred: an offer without a priority ranks after every offer that has one. */
    static final int DEFAULT_PRIORITY = 100;

    static Offer newOffer(String supplierId, String supplierSku) {
        return new Offer(supplierId, supplierSku, null, null, BigDecimal.ZERO, 0, DEFAULT_HANDLING_DAYS,
                DEFAULT_PRIORITY);
    }

    /** The row's fields over this offer's; a field the row leaves out keeps its value (partial update). */
    Offer merge(OfferFeedRow row) {
        return new Offer(supplierId, Values.pick(row.supplierSku(), supplierSku), Values.money(row.cost(), cost),
                Values.pick(row.currency(), currency), Values.money(row.shippingCost(), shippingCost),
                Values.pick(row.stock(), stock), Values.pick(row.handlingDays(), handlingDays),
                Values.pick(row.priority(), priority));
    }

    boolean sellable() {
        return cost != null && currency != null;
    }

    /** What the retailer pays the supplier per unit delivered: cost plus shipping. */
    public BigDecimal landedCost() {
        return cost == null ? null : cost.add(shippingCost == null ? BigDecimal.ZERO : shippingCost);
    }

    Offer withStock(int newStock) {
        return new Offer(supplierId, supplierSku, cost, currency, shippingCost, Math.max(0, newStock), handlingDays,
                priority);
    }

    public OfferRef ref() {
        return new OfferRef(supplierId, supplierSku, cost, shippingCost, currency, handlingDays, priority);
    }
}
