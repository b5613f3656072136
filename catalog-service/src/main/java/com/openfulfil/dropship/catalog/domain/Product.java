package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.OfferRef;

import com.openfulfil.dropship.events.model.Priority;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A product as the catalog owns it: what the storefront shows, every supplier's offer, and the
 * stock order lines hold at those offers. Every change returns a new product, so the caller can
 * tell "nothing changed" by equality.
 */
public record Product(String sku, String title, String description, List<String> imageUrls, BigDecimal retailPrice,
                      String currency, List<Offer> offers, List<Reservation> reservations, Integer lowStockThreshold,
                      String hsCode, String countryOfOrigin) {

    public Product {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        offers = offers == null ? List.of() : List.copyOf(offers);
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
    }

    public static Product newProduct(String sku) {
        return new Product(sku, null, null, List.of(), null, null, List.of(), List.of(), null, null, null);
    }

    /** Applies one feed row: the supplier's offer is created or partially updated, product fields the row carries win. */
    public Product apply(OfferFeedRow row) {
        Offer updated = offer(row.supplierId()).orElseGet(() -> Offer.newOffer(row.supplierId(), row.supplierSku()))
                .merge(row);
        List<Offer> merged = new ArrayList<>(offers.stream().filter(o -> !o.supplierId().equals(row.supplierId())).toList());
        merged.add(updated);
        merged.sort(Comparator.comparing(Offer::supplierId));
        BigDecimal price = Values.money(row.retailPrice(), retailPrice);
        // the row's currency is the currency of every amount it carries, the retail price included
        String priceCurrency = row.retailPrice() != null && row.currency() != null ? row.currency() : currency;
        return new Product(sku, Values.pick(row.title(), title), Values.pick(row.description(), description),
                Values.pick(row.imageUrls(), imageUrls), price, priceCurrency, merged, reservations,
                Values.pick(row.lowStockThreshold(), lowStockThreshold), Values.pick(row.hsCode(), hsCode),
                Values.pick(row.countryOfOrigin(), countryOfOrigin));
    }

    /**
     * Reserves {@code quantity} for an order line at the best offer not excluded. A line that already
     * holds stock gets the same answer again (a replayed request must not reserve twice).
     */
    public ReserveOutcome reserve(String orderId, int lineNo, int quantity, Collection<String> excludedSuppliers,
                                  Priority service) {
        Optional<Reservation> held = reservation(orderId, lineNo);
        if (held.isPresent()) {
            return new ReserveOutcome.Reserved(this, held.get());
        }
        List<OfferRanking.Candidate> ranked = OfferRanking.rank(candidates(excludedSuppliers), quantity, service);
        if (ranked.isEmpty() || ranked.get(0).available() < quantity) {
            int best = ranked.stream().mapToInt(OfferRanking.Candidate::available).max().orElse(0);
            return new ReserveOutcome.Unavailable(best, available() > 0);
        }
        List<OfferRef> backups = ranked.subList(1, ranked.size()).stream().map(c -> c.offer().ref(service)).toList();
        Reservation reservation = new Reservation(orderId, lineNo, quantity, ranked.get(0).offer().ref(service),
                backups);
        List<Reservation> all = new ArrayList<>(reservations);
        all.add(reservation);
        return new ReserveOutcome.Reserved(withReservations(all), reservation);
    }

    /** Gives back what the line holds; nothing if it holds nothing. */
    public Product release(String orderId, int lineNo) {
        return withReservations(reservations.stream().filter(r -> !r.isFor(orderId, lineNo)).toList());
    }

    /** The line shipped: its units leave the supplier's stock for good, and the hold ends (once: a second call finds none). */
    public Product consume(String orderId, int lineNo) {
        Optional<Reservation> held = reservation(orderId, lineNo);
        if (held.isEmpty()) {
            return this;
        }
        Reservation r = held.get();
        List<Offer> shipped = offers.stream()
                .map(o -> r.holds(o.supplierId()) ? o.withStock(o.stock() - r.quantity()) : o)
                .toList();
        return new Product(sku, title, description, imageUrls, retailPrice, currency, shipped, reservations,
                lowStockThreshold, hsCode, countryOfOrigin).release(orderId, lineNo);
    }

    public Optional<Reservation> reservation(String orderId, int lineNo) {
        return reservations.stream().filter(r -> r.isFor(orderId, lineNo)).findFirst();
    }

    /** Every supplier offering the product but {@code supplierId}: excluding them pins a reservation to one offer. */
    public List<String> suppliersOtherThan(String supplierId) {
        return offers.stream().map(Offer::supplierId).filter(s -> !s.equals(supplierId)).toList();
    }

    public Optional<Offer> offer(String supplierId) {
        return offers.stream().filter(o -> o.supplierId().equals(supplierId)).findFirst();
    }

    public int reserved(String supplierId) {
        return reservations.stream().filter(r -> r.holds(supplierId)).mapToInt(Reservation::quantity).sum();
    }

    /** What an offer can still promise; never negative, even when a feed lowered stock below what is held. */
    public int available(Offer offer) {
        return offer.sellable() ? Math.max(0, offer.stock() - reserved(offer.supplierId())) : 0;
    }

    /** What the product can still promise over all its offers. */
    public int available() {
        return offers.stream().mapToInt(this::available).sum();
    }

    /**
     * Shown on storefronts and accepted at order intake: some offer has stock, and there is a retail
     * price to sell it at (a product a feed created without one cannot be priced on an order).
     */
    public boolean listed(CatalogPolicy policy) {
        return available() > 0 && price(policy).isPresent();
    }

    /**
     * The retail price: the one set explicitly, else the best offer's landed cost plus the default margin,
     * rounded half-up to the currency's minor unit. Flagged when it is below the best landed cost.
     */
    public Optional<Price> price(CatalogPolicy policy) {
        Optional<BigDecimal> best = bestLandedCost(currency);
        if (retailPrice != null) {
            return Optional.of(new Price(retailPrice, currency, Price.Source.EXPLICIT, best.orElse(null),
                    best.map(cost -> retailPrice.compareTo(cost) < 0).orElse(false)));
        }
        if (policy.defaultMargin() == null) {
            return Optional.empty();
        }
        return cheapestOffer().map(offer -> {
            Currency money = Currency.getInstance(offer.currency());
            BigDecimal amount = offer.landedCost().multiply(BigDecimal.ONE.add(policy.defaultMargin()))
                    .setScale(Math.max(0, money.getDefaultFractionDigits()), RoundingMode.HALF_UP);
            return new Price(amount, offer.currency(), Price.Source.COST_PLUS, offer.landedCost(), false);
        });
    }

    public int lowStockThreshold(CatalogPolicy policy) {
        return lowStockThreshold != null ? lowStockThreshold : policy.defaultLowStockThreshold();
    }

    private Optional<Offer> cheapestOffer() {
        return offers.stream().filter(Offer::sellable).min(Comparator.comparing((Offer o) -> o.landedCost())
                .thenComparing(Offer::supplierId));
    }

    private Optional<BigDecimal> bestLandedCost(String inCurrency) {
        return offers.stream().filter(Offer::sellable).filter(o -> o.currency().equals(inCurrency))
                .map(o -> o.landedCost()).min(Comparator.naturalOrder());
    }

    private List<OfferRanking.Candidate> candidates(Collection<String> excludedSuppliers) {
        return offers.stream()
                .filter(Offer::sellable)
                .filter(o -> !excludedSuppliers.contains(o.supplierId()))
                .map(o -> new OfferRanking.Candidate(o, available(o)))
                .toList();
    }

    private Product withReservations(List<Reservation> held) {
        return new Product(sku, title, description, imageUrls, retailPrice, currency, offers, held, lowStockThreshold,
                hsCode, countryOfOrigin);
    }
}
