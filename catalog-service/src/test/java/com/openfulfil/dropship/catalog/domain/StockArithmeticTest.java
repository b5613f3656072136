package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.Priority;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.openfulfil.dropship.catalog.domain.FeedRows.offer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reserve, release and consume: what stays available. Which line holds what is the allocation's to
 * remember (OrderAllocationTest); the product keeps the units held per offer.
 */
class StockArithmeticTest {
    private static final CatalogPolicy POLICY = new CatalogPolicy(null, 10);

    private static final String HANOI_REF = """
            {"supplierId":"hanoi-crafts","supplierSku":"HC-1","unitCost":"4.20","shippingCost":"1.80","currency":"USD",
             "handlingDays":2,"priority":1}""";

    private final Product product = Product.newProduct("MUG-001")
            .apply(offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 10, 1))
            .apply(offer("MUG-001", "shenzhen-gadgets", "4.60", "1.50", 5, 2));

    private Product reserved(Product p, String orderId, int lineNo, int quantity) {
        return ((ReserveOutcome.Reserved) p.reserve(orderId, lineNo, quantity, List.of(), Priority.STANDARD, POLICY)).product();
    }

    @Test
    void aReservationLowersAvailabilityNotStock() {
        Product after = reserved(product, "o-1", 1, 4);

        assertThat(after.available()).isEqualTo(11);
        assertThat(after.reserved("hanoi-crafts")).isEqualTo(4);
        assertThat(after.offer("hanoi-crafts").orElseThrow().stock()).isEqualTo(10);
    }

    @Test
    void aReservationSaysWhichOfferHoldsTheLineAndWhichAreItsBackups() {
        ReserveOutcome.Reserved held = (ReserveOutcome.Reserved) product.reserve("o-1", 1, 4, List.of(),
                Priority.STANDARD, POLICY);

        assertThat(held.parts().get(0).chosen().supplierId()).isEqualTo("hanoi-crafts");
        assertThat(held.parts().get(0).backups()).extracting(o -> o.supplierId()).containsExactly("shenzhen-gadgets");
        assertThat(held.parts().get(0).quantity()).isEqualTo(4);
    }

    @Test
    void concurrentLinesNeverReserveMoreThanThereIs() {
        Product p = reserved(product, "o-1", 1, 8);
        p = reserved(p, "o-2", 1, 5);

        // hanoi has 2 left, shenzhen 0: a third line of 3 cannot be covered
        assertThat(p.reserve("o-3", 1, 3, List.of(), Priority.STANDARD, POLICY)).isEqualTo(new ReserveOutcome.Unavailable(2, true));
        assertThat(p.available()).isEqualTo(2);
    }

    @Test
    void releaseMakesTheStockWholeAgainAndNeverHoldsFewerThanNothing() {
        Product released = reserved(product, "o-1", 1, 4).release("hanoi-crafts", 4);

        assertThat(released).isEqualTo(product);
        assertThat(released.release("hanoi-crafts", 4)).isEqualTo(released);
    }

    @Test
    void consumeTakesTheUnitsOutOfTheChosenOffersStockAndEndsTheHold() {
        Product consumed = reserved(product, "o-1", 1, 4).consume("hanoi-crafts", 4);

        assertThat(consumed.offer("hanoi-crafts").orElseThrow().stock()).isEqualTo(6);
        assertThat(consumed.reserved("hanoi-crafts")).isZero();
        assertThat(consumed.available()).isEqualTo(11);
    }

    @Test
    void aProductStoredWithItsLinesHoldsReadsAsTheUnitsHeldPerOffer() {
        String stored = """
                {"sku":"MUG-001","offers":[{"supplierId":"hanoi-crafts","supplierSku":"HC-1","cost":"4.20",
                 "currency":"USD","shippingCost":"1.80","stock":10,"handlingDays":2,"priority":1}],
                 "reservations":[{"orderId":"o-1","lineNo":1,"quantity":3,"chosen":%s,"backups":[]},
                                 {"orderId":"o-2","lineNo":2,"quantity":2,"chosen":%s,"backups":[]}]}"""
                .formatted(HANOI_REF, HANOI_REF);

        Product read = com.openfulfil.dropship.events.serde.JsonSerde.of(Product.class)
                .deserialize("inventory", stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(read.reserved("hanoi-crafts")).isEqualTo(5);
        assertThat(read.available()).isEqualTo(5);
    }

    @Test
    void aFeedThatLowersStockBelowWhatIsHeldShowsNothingAvailableNotANegativeNumber() {
        Product p = reserved(product, "o-1", 1, 8).apply(FeedRows.stockOnly("MUG-001", "hanoi-crafts", 5));

        assertThat(p.available(p.offer("hanoi-crafts").orElseThrow())).isZero();
        assertThat(p.available()).isEqualTo(5);
    }

    @Test
    void listedWhileSomeOfferHasStockAndThereIsARetailPrice() {
        Product soldOut = reserved(reserved(product, "o-1", 1, 10), "o-2", 1, 5);
        Product noPrice = Product.newProduct("NEW-1").apply(FeedRows.stockOnly("NEW-1", "s", 5));

        assertThat(product.listed(POLICY)).isTrue();
        assertThat(soldOut.listed(POLICY)).isFalse();
        assertThat(noPrice.listed(POLICY)).isFalse();
    }

    @Test
    void aSplitLineHoldsAtEachOfferNoMoreThanItHasAndTheNextLineSeesWhatIsLeft() {
        ReserveOutcome.Reserved split = (ReserveOutcome.Reserved) product.reserve("o-1", 1, 12, List.of(),
                Priority.STANDARD, POLICY);
        Product after = split.product();

        assertThat(split.parts()).extracting(r -> r.chosen().supplierId() + ":" + r.quantity())
                .containsExactly("hanoi-crafts:10", "shenzhen-gadgets:2");
        assertThat(after.offers()).allSatisfy(o -> assertThat(o.reserved()).isLessThanOrEqualTo(o.stock()));
        assertThat(after.available()).isEqualTo(3);
        assertThat(after.reserve("o-2", 1, 4, List.of(), Priority.STANDARD, POLICY))
                .as("3 left over both offers").isEqualTo(new ReserveOutcome.Unavailable(3, true));
        assertThat(((ReserveOutcome.Reserved) after.reserve("o-2", 1, 3, List.of(), Priority.STANDARD, POLICY))
                .product().available()).isZero();
    }

    @Test
    void releasingOrConsumingEachPartOfASplitLineSettlesEachOffer() {
        Product split = reserved(product, "o-1", 1, 12);

        Product released = split.release("hanoi-crafts", 10).release("shenzhen-gadgets", 2);
        Product consumed = split.consume("hanoi-crafts", 10).consume("shenzhen-gadgets", 2);

        assertThat(released).isEqualTo(product);
        assertThat(consumed.offer("hanoi-crafts").orElseThrow().stock()).isZero();
        assertThat(consumed.offer("shenzhen-gadgets").orElseThrow().stock()).isEqualTo(3);
        assertThat(consumed.reserved("hanoi-crafts") + consumed.reserved("shenzhen-gadgets")).isZero();
        assertThat(consumed.available()).isEqualTo(3);
    }
}
