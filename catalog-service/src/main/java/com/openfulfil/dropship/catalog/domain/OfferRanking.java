package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.Priority;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Which offer serves an order line: one that can cover the whole quantity first, among those the
 * preferred supplier's (a replacement order's line goes back to the supplier that shipped it), then the lowest
 * landed cost (cost + shipping) counted in one currency, then the supplier's priority (lower is
 * preferred). The supplier id breaks remaining ties so the choice never depends on the order offers
 * were stored in. An offer whose currency has no exchange rate ranks after every offer that has one.
 * When no offer can cover the quantity, the line is filled from the offers in this order.
 */
public final class OfferRanking {
    private OfferRanking() {
    }

    /** An offer with what it can still promise (stock − reserved). */
    public record Candidate(Offer offer, int available) {
    }

    /** @param service the order's service level: expedited orders compare offers by their expedited shipping */
    public static List<Candidate> rank(List<Candidate> candidates, int quantity, Priority service, ExchangeRates rates) {
        return rank(candidates, quantity, service, rates, null);
    }

    /** @param preferred a supplier whose offer goes first among those that can cover the quantity (null: none) */
    public static List<Candidate> rank(List<Candidate> candidates, int quantity, Priority service, ExchangeRates rates,
                                       String preferred) {
        return candidates.stream().sorted(order(quantity, service, rates, preferred)).toList();
    }

    static Comparator<Candidate> order(int quantity, Priority service, ExchangeRates rates, String preferred) {
        return Comparator.comparingInt((Candidate c) -> c.available() >= quantity ? 0 : 1)
                .thenComparingInt(c -> c.offer().supplierId().equals(preferred) ? 0 : 1)
                .thenComparing(c -> landedInBase(c, service, rates), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(c -> c.offer().priority())
                .thenComparing(c -> c.offer().supplierId());
    }

    private static BigDecimal landedInBase(Candidate c, Priority service, ExchangeRates rates) {
        return rates.inBase(c.offer().landedCost(service), c.offer().currency()).orElse(null);
    }
}
