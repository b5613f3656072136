package com.openfulfil.dropship.catalog.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.OfferRef;
import com.openfulfil.dropship.events.model.Priority;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A product as the catalog owns it: what the storefront shows, and every supplier's offer with the
 * units order lines hold there. Which line holds what is the order's allocation's to remember; the
 * product keeps the totals, so a reservation costs the same however many are live. Every change
 * returns a new product, so the caller can tell "nothing changed" by equality.
 */
public record Product(String sku, String title, String description, List<String> imageUrls, BigDecimal retailPrice,
                      String currency, List<Offer> offers, Integer lowStockThreshold, String hsCode,
                      String countryOfOrigin) {

    public Product {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /**
     * Reads a product stored as JSON before the totals were kept per offer: the line holds it listed
     * become the offers' reserved units.
     */
    @JsonCreator
    static Product read(@JsonProperty("sku") String sku, @JsonProperty("title") String title,
                        @JsonProperty("description") String description,
                        @JsonProperty("imageUrls") List<String> imageUrls,
                        @JsonProperty("retailPrice") BigDecimal retailPrice, @JsonProperty("currency") String currency,
                        @JsonProperty("offers") List<Offer> offers,
                        @JsonProperty("lowStockThreshold") Integer lowStockThreshold,
                        @JsonProperty("hsCode") String hsCode, @JsonProperty("countryOfOrigin") String countryOfOrigin,
                        @JsonProperty("reservations") List<Reservation> reservations) {
        List<Offer> held = offers == null ? List.of() : offers;
        if (reservations != null && !reservations.isEmpty()) {
            Map<String, Integer> bySupplier = reservations.stream().collect(Collectors.groupingBy(
                    r -> r.chosen().supplierId(), Collectors.summingInt(Reservation::quantity)));
            held = held.stream().map(o -> o.withReserved(o.reserved() + bySupplier.getOrDefault(o.supplierId(), 0)))
                    .toList();
        }
        return new Product(sku, title, description, imageUrls, retailPrice, currency, held, lowStockThreshold, hsCode,
                countryOfOrigin);
    }

    public static Product newProduct(String sku) {
        return new Product(sku, null, null, List.of(), null, null, List.of(), null, null, null);
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
                Values.pick(row.imageUrls(), imageUrls), price, priceCurrency, merged,
                Values.pick(row.lowStockThreshold(), lowStockThreshold), Values.pick(row.hsCode(), hsCode),
                Values.pick(row.countryOfOrigin(), countryOfOrigin));
    }

    /** As {@link #reserve(String, int, int, Collection, String, Priority, CatalogPolicy)}, with no preferred supplier. */
    public ReserveOutcome reserve(String orderId, int lineNo, int quantity, Collection<String> excludedSuppliers,
                                  Priority service, CatalogPolicy policy) {
        return reserve(orderId, lineNo, quantity, excludedSuppliers, null, service, policy);
    }

    /**
     * Reserves {@code quantity} for an order line at the best offer not excluded, ranked by
     * {@code policy} ({@code preferredSupplier}'s first when it can cover the quantity); the other
     * offers that could serve it are its backups. When no single offer can cover the line, it is split:
     * filled from the offers in ranking order, each giving what it still has, until the quantity is held,
     * one part per offer; every part's backups are the offers that hold no part of the line. When the
     * offers together cannot cover it, nothing is held.
     */
    public ReserveOutcome reserve(String orderId, int lineNo, int quantity, Collection<String> excludedSuppliers,
                                  String preferredSupplier, Priority service, CatalogPolicy policy) {
        List<OfferRanking.Candidate> ranked = OfferRanking.rank(candidates(excludedSuppliers), quantity, service,
                policy.rates(), preferredSupplier);
        int together = ranked.stream().mapToInt(OfferRanking.Candidate::available).sum();
        if (together < quantity) {
            return new ReserveOutcome.Unavailable(together, available() > 0);
        }
        Map<Offer, Integer> parts = new LinkedHashMap<>();
        int left = quantity;
        for (OfferRanking.Candidate candidate : ranked) {
            int units = Math.min(left, candidate.available());
            if (units > 0) {
                parts.put(candidate.offer(), units);
                left -= units;
            }
            if (left == 0) {
                break;
            }
        }
        List<OfferRef> backups = ranked.stream().filter(c -> !parts.containsKey(c.offer()))
                .map(c -> c.offer().ref(service)).toList();
        Product held = this;
        List<Reservation> reservations = new ArrayList<>();
        for (Map.Entry<Offer, Integer> part : parts.entrySet()) {
            int units = part.getValue();
            held = held.withOffer(part.getKey().supplierId(), o -> o.withReserved(o.reserved() + units));
            reservations.add(new Reservation(orderId, lineNo, units, part.getKey().ref(service), backups));
        }
        return new ReserveOutcome.Reserved(held, reservations);
    }

    /** Gives back {@code quantity} units a line held at {@code supplierId}'s offer. */
    public Product release(String supplierId, int quantity) {
        return withOffer(supplierId, o -> o.withReserved(o.reserved() - quantity));
    }

    /** A line held at {@code supplierId} shipped: its units leave the supplier's stock for good, and the hold ends. */
    public Product consume(String supplierId, int quantity) {
        return withOffer(supplierId, o -> o.withStock(o.stock() - quantity).withReserved(o.reserved() - quantity));
    }

    /** Every supplier offering the product but {@code supplierId}: excluding them pins a reservation to one offer. */
    public List<String> suppliersOtherThan(String supplierId) {
        return offers.stream().map(Offer::supplierId).filter(s -> !s.equals(supplierId)).toList();
    }

    public Optional<Offer> offer(String supplierId) {
        return offers.stream().filter(o -> o.supplierId().equals(supplierId)).findFirst();
    }

    public int reserved(String supplierId) {
        return offer(supplierId).map(Offer::reserved).orElse(0);
    }

    /** What an offer can still promise; never negative, even when a feed lowered stock below what is held. */
    public int available(Offer offer) {
        return offer.available();
    }

    /** What the product can still promise over all its offers. */
    public int available() {
        int sum = 0;
        for (Offer offer : offers) {
            sum += offer.available();
        }
        return sum;
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
        return cheapestOffer(policy).map(offer -> {
            Currency money = Currency.getInstance(offer.currency());
            BigDecimal amount = offer.landedCost().multiply(BigDecimal.ONE.add(policy.defaultMargin()))
                    .setScale(Math.max(0, money.getDefaultFractionDigits()), RoundingMode.HALF_UP);
            return new Price(amount, offer.currency(), Price.Source.COST_PLUS, offer.landedCost(), false);
        });
    }

    public int lowStockThreshold(CatalogPolicy policy) {
        return lowStockThreshold != null ? lowStockThreshold : policy.defaultLowStockThreshold();
    }

    /** The product without its stock figures: what changes when the storefront's view of it changes. */
    public Product withoutStock() {
        return new Product(sku, title, description, imageUrls, retailPrice, currency,
                offers.stream().map(o -> o.withStock(0).withReserved(0)).toList(), lowStockThreshold, hsCode,
                countryOfOrigin);
    }

    private Optional<Offer> cheapestOffer(CatalogPolicy policy) {
        return offers.stream().filter(Offer::sellable).min(Comparator.comparing(
                        (Offer o) -> policy.rates().inBase(o.landedCost(), o.currency()).orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder()))
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
                .map(o -> new OfferRanking.Candidate(o, o.available()))
                .toList();
    }

    private Product withOffer(String supplierId, UnaryOperator<Offer> change) {
        return new Product(sku, title, description, imageUrls, retailPrice, currency,
                offers.stream().map(o -> o.supplierId().equals(supplierId) ? change.apply(o) : o).toList(),
                lowStockThreshold, hsCode, countryOfOrigin);
    }
}
