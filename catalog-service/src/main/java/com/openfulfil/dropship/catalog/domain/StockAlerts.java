package com.openfulfil.dropship.catalog.domain;

import java.util.List;
import java.util.OptionalInt;

/**
 * When a change of available stock raises an alert. Stock sits in one of three zones: out (0),
 * low (1..threshold) or healthy; an alert is raised only when a change moves it into another
 * zone, so a product sitting at low stock is not re-announced on every sale.
 */
public final class StockAlerts {
    private enum Zone { OUT, LOW, HEALTHY }

    private StockAlerts() {
    }

    /** @param before the available stock before the change; empty for a product that did not exist */
    public static List<AlertKind> crossing(OptionalInt before, int after, int threshold) {
        return crossing(before, threshold, after, threshold);
    }

    /**
     * As {@link #crossing(OptionalInt, int, int)}, where the change may also have moved the product's
     * threshold: where stock was is judged by the threshold it had then.
     */
    public static List<AlertKind> crossing(OptionalInt before, int thresholdBefore, int after, int threshold) {
        Zone now = zone(after, threshold);
        if (before.isEmpty()) {
            // a new product was never in stock, so it cannot go out of it; it can start low
            return now == Zone.LOW ? List.of(AlertKind.LOW_STOCK) : List.of();
        }
        Zone was = zone(before.getAsInt(), thresholdBefore);
        if (was == now) {
            return List.of();
        }
        if (now == Zone.OUT) {
            return List.of(AlertKind.OUT_OF_STOCK);
        }
        if (was == Zone.OUT) {
            return now == Zone.LOW ? List.of(AlertKind.BACK_IN_STOCK, AlertKind.LOW_STOCK)
                    : List.of(AlertKind.BACK_IN_STOCK);
        }
        return now == Zone.LOW ? List.of(AlertKind.LOW_STOCK) : List.of();
    }

    private static Zone zone(int available, int threshold) {
        if (available <= 0) {
            return Zone.OUT;
        }
        return available <= threshold ? Zone.LOW : Zone.HEALTHY;
    }
}
