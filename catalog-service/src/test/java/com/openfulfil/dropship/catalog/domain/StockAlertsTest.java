package com.openfulfil.dropship.catalog.domain;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static com.openfulfil.dropship.catalog.domain.AlertKind.BACK_IN_STOCK;
import static com.openfulfil.dropship.catalog.domain.AlertKind.LOW_STOCK;
import static com.openfulfil.dropship.catalog.domain.AlertKind.OUT_OF_STOCK;
import static org.assertj.core.api.Assertions.assertThat;

/** Alerts fire when stock crosses into another zone (out, low, healthy), not on every change. */
class StockAlertsTest {
    private static final int THRESHOLD = 10;

    private static java.util.List<AlertKind> change(int before, int after) {
        return StockAlerts.crossing(OptionalInt.of(before), after, THRESHOLD);
    }

    @Test
    void fallingToTheThresholdIsLowStockOnce() {
        assertThat(change(11, 10)).containsExactly(LOW_STOCK);
        assertThat(change(10, 9)).isEmpty();
        assertThat(change(9, 4)).isEmpty();
    }

    @Test
    void reachingZeroIsOutOfStockOnce() {
        assertThat(change(4, 0)).containsExactly(OUT_OF_STOCK);
        assertThat(change(50, 0)).containsExactly(OUT_OF_STOCK);
        assertThat(change(0, 0)).isEmpty();
    }

    @Test
    void comingBackFromZeroIsBackInStockAndLowWhenStillLow() {
        assertThat(change(0, 40)).containsExactly(BACK_IN_STOCK);
        assertThat(change(0, 3)).containsExactly(BACK_IN_STOCK, LOW_STOCK);
    }

    @Test
    void recoveringAboveTheThresholdOrMovingWithinHealthyStockIsSilent() {
        assertThat(change(5, 50)).isEmpty();
        assertThat(change(100, 60)).isEmpty();
    }

    @Test
    void aNewProductOnlyAlertsWhenItStartsLow() {
        assertThat(StockAlerts.crossing(OptionalInt.empty(), 3, THRESHOLD)).containsExactly(LOW_STOCK);
        assertThat(StockAlerts.crossing(OptionalInt.empty(), 0, THRESHOLD)).isEmpty();
        assertThat(StockAlerts.crossing(OptionalInt.empty(), 100, THRESHOLD)).isEmpty();
    }
}
