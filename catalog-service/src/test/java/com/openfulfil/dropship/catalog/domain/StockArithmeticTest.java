package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.model.Priority;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.openfulfil.dropship.catalog.domain.FeedRows.offer;
import static org.assertj.core.api.Assertions.assertThat;

/** Reserve, release and consume: what stays available, and that replays change nothing. */
class StockArithmeticTest {
    private static final CatalogPolicy POLICY = new CatalogPolicy(null, 10);

    private final Product product = Product.newProduct("MUG-001")
            .apply(offer("MUG-001", "hanoi-crafts", "4.20", "1.80", 10, 1))
            .apply(offer("MUG-001", "shenzhen-gadgets", "4.60", "1.50", 5, 2));

    private Product reserved(Product p, String orderId, int lineNo, int quantity) {
        return ((ReserveOutcome.Reserved) p.reserve(orderId, lineNo, quantity, List.of(), Priority.STANDARD)).product();
    }

    @Test
    void aReservationLowersAvailabilityNotStock() {
        Product after = reserved(product, "o-1", 1, 4);

        assertThat(after.available()).isEqualTo(11);
        assertThat(after.reserved("hanoi-crafts")).isEqualTo(4);
        assertThat(after.offer("hanoi-crafts").orElseThrow().stock()).isEqualTo(10);
    }

    @Test
    void aRepeatedRequestForAHeldLineGetsTheSameAnswerAndReservesNothingMore() {
        Product once = reserved(product, "o-1", 1, 4);

        ReserveOutcome again = once.reserve("o-1", 1, 4, List.of(), Priority.STANDARD);

        assertThat(again).isInstanceOf(ReserveOutcome.Reserved.class);
        ReserveOutcome.Reserved replay = (ReserveOutcome.Reserved) again;
        assertThat(replay.product()).isEqualTo(once);
        assertThat(replay.reservation()).isEqualTo(once.reservation("o-1", 1).orElseThrow());
    }

    @Test
    void concurrentLinesNeverReserveMoreThanThereIs() {
        Product p = reserved(product, "o-1", 1, 8);
        p = reserved(p, "o-2", 1, 5);

        // hanoi has 2 left, shenzhen 0: a third line of 3 cannot be covered
        assertThat(p.reserve("o-3", 1, 3, List.of(), Priority.STANDARD)).isEqualTo(new ReserveOutcome.Unavailable(2, true));
        assertThat(p.available()).isEqualTo(2);
    }

    @Test
    void releaseMakesTheStockWholeAgainAndIsANoOpTheSecondTime() {
        Product released = reserved(product, "o-1", 1, 4).release("o-1", 1);

        assertThat(released).isEqualTo(product);
        assertThat(released.release("o-1", 1)).isEqualTo(released);
    }

    @Test
    void consumeTakesTheUnitsOutOfTheChosenOffersStockOnce() {
        Product consumed = reserved(product, "o-1", 1, 4).consume("o-1", 1);

        assertThat(consumed.offer("hanoi-crafts").orElseThrow().stock()).isEqualTo(6);
        assertThat(consumed.reserved("hanoi-crafts")).isZero();
        assertThat(consumed.available()).isEqualTo(11);
        assertThat(consumed.consume("o-1", 1)).isEqualTo(consumed);
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
}
