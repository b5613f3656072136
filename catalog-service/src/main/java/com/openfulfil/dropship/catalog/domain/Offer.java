package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.OfferRef;

import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.ShippingOption;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One supplier's offer for a product. An offer whose cost or currency is still unknown (a feed
 * that so far only sent stock) cannot be sold: its landed cost, and so its place in the ranking,
 * would be a guess.
 */
public record Offer(String supplierId, String supplierSku, BigDecimal cost, String currency,
                    BigDecimal shippingCost, int stock, int handlingDays, int priority,
                    List<ShippingOption> shippingOptions) {
    /** What a supplier that does not say otherwise is assumed to need to ship. */
    static final int DEFAULT_HANDLING_DAYS = 2;
    /** Lower is preferred: an offer without a priority ranks after every offer that has one. */
    static final int DEFAULT_PRIORITY = 100;

    public Offer {
        shippingOptions = shippingOptions == null ? List.of() : List.copyOf(shippingOptions);
    }

    static Offer newOffer(String supplierId, String supplierSku) {
        return new Offer(supplierId, supplierSku, null, null, BigDecimal.ZERO, 0, DEFAULT_HANDLING_DAYS,
                DEFAULT_PRIORITY, List.of());
    }

    /** The row's fields over this offer's; a field the row leaves out keeps its value (partial update). */
    Offer merge(OfferFeedRow row) {
        List<ShippingOption> options = Values.pick(row.shippingOptions(), shippingOptions);
        // a feed that lists its shipping options but no flat shipping cost: standard shipping is the default
        BigDecimal flat = row.shippingCost() != null || row.shippingOptions() == null ? row.shippingCost()
                : option(options, Priority.STANDARD).map(ShippingOption::cost).orElse(null);
        return new Offer(supplierId, Values.pick(row.supplierSku(), supplierSku), Values.money(row.cost(), cost),
                Values.pick(row.currency(), currency), Values.money(flat, shippingCost),
                Values.pick(row.stock(), stock), Values.pick(row.handlingDays(), handlingDays),
                Values.pick(row.priority(), priority), options);
    }

    boolean sellable() {
        return cost != null && currency != null;
    }

    /** What the retailer pays the supplier per unit delivered with standard shipping: cost plus shipping. */
    public BigDecimal landedCost() {
        return landedCost(Priority.STANDARD);
    }

    /** Cost plus the shipping the order's service level costs (the offer's option for it, else its flat rate). */
    public BigDecimal landedCost(Priority service) {
        return cost == null ? null : cost.add(shippingCost(service));
    }

    public BigDecimal shippingCost(Priority service) {
        return option(shippingOptions, service).map(ShippingOption::cost)
                .orElse(shippingCost == null ? BigDecimal.ZERO : shippingCost);
    }

    private static Optional<ShippingOption> option(List<ShippingOption> options, Priority service) {
        return options.stream().filter(o -> o.service() == service && o.cost() != null).findFirst();
    }

    Offer withStock(int newStock) {
        return new Offer(supplierId, supplierSku, cost, currency, shippingCost, Math.max(0, newStock), handlingDays,
                priority, shippingOptions);
    }

    public OfferRef ref(Priority service) {
        return new OfferRef(supplierId, supplierSku, cost, shippingCost(service), currency, handlingDays, priority);
    }
}
