package com.openfulfil.dropship.catalog.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.OfferRef;

import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.ShippingOption;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One supplier's offer for a product, and how many of its units order lines hold ({@code reserved}).
 * An offer whose cost or currency is still unknown (a feed that so far only sent stock) cannot be
 * sold: its landed cost, and so its place in the ranking, would be a guess.
 */
public record Offer(String supplierId, String supplierSku, BigDecimal cost, String currency,
                    BigDecimal shippingCost, int stock, int handlingDays, int priority,
                    List<ShippingOption> shippingOptions, int reserved) {
    /** What a supplier that does not say otherwise is assumed to need to ship. */
    static final int DEFAULT_HANDLING_DAYS = 2;
    /** Lower is preferred: an offer without a priority ranks after every offer that has one. */
    static final int DEFAULT_PRIORITY = 100;

    public Offer {
        shippingOptions = shippingOptions == null ? List.of() : List.copyOf(shippingOptions);
    }

    /** Reads an offer stored as JSON; one stored before the units held were kept per offer holds none. */
    @JsonCreator
    static Offer read(@JsonProperty("supplierId") String supplierId, @JsonProperty("supplierSku") String supplierSku,
                      @JsonProperty("cost") BigDecimal cost, @JsonProperty("currency") String currency,
                      @JsonProperty("shippingCost") BigDecimal shippingCost, @JsonProperty("stock") int stock,
                      @JsonProperty("handlingDays") int handlingDays, @JsonProperty("priority") int priority,
                      @JsonProperty("shippingOptions") List<ShippingOption> shippingOptions,
                      @JsonProperty("reserved") Integer reserved) {
        return new Offer(supplierId, supplierSku, cost, currency, shippingCost, stock, handlingDays, priority,
                shippingOptions, reserved == null ? 0 : reserved);
    }

    static Offer newOffer(String supplierId, String supplierSku) {
        return new Offer(supplierId, supplierSku, null, null, BigDecimal.ZERO, 0, DEFAULT_HANDLING_DAYS,
                DEFAULT_PRIORITY, List.of(), 0);
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
                Values.pick(row.priority(), priority), options, reserved);
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

    /** What the offer can still promise; never negative, even when a feed lowered stock below what is held. */
    public int available() {
        return sellable() ? Math.max(0, stock - reserved) : 0;
    }

    Offer withStock(int newStock) {
        return new Offer(supplierId, supplierSku, cost, currency, shippingCost, Math.max(0, newStock), handlingDays,
                priority, shippingOptions, reserved);
    }

    Offer withReserved(int held) {
        return new Offer(supplierId, supplierSku, cost, currency, shippingCost, stock, handlingDays, priority,
                shippingOptions, Math.max(0, held));
    }

    public OfferRef ref(Priority service) {
        return new OfferRef(supplierId, supplierSku, cost, shippingCost(service), currency, handlingDays, priority);
    }
}
