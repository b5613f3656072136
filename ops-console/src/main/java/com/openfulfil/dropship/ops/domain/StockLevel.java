package com.openfulfil.dropship.ops.domain;

import com.openfulfil.dropship.events.catalog.BackInStock;
import com.openfulfil.dropship.events.catalog.LowStock;
import com.openfulfil.dropship.events.catalog.OutOfStock;
import com.openfulfil.dropship.events.catalog.StockAlert;

import java.time.Instant;
import java.util.Optional;

/** A product ops should look at: out of stock (delisted) or running low. */
public record StockLevel(String sku, Level level, int available, int threshold, Instant since) {

    public enum Level { OUT_OF_STOCK, LOW_STOCK }

    /** What the latest alert of a product says; empty once it is back above its threshold. */
    public static Optional<StockLevel> of(StockAlert alert) {
        if (alert instanceof OutOfStock) {
            return Optional.of(level(alert, Level.OUT_OF_STOCK));
        }
        if (alert instanceof BackInStock && alert.available() > threshold(alert)) {
            return Optional.empty();
        }
        return Optional.of(level(alert, Level.LOW_STOCK));
    }

    private static StockLevel level(StockAlert alert, Level level) {
        return new StockLevel(alert.sku(), level, alert.available(), threshold(alert), alert.occurredAt());
    }

    private static int threshold(StockAlert alert) {
        if (alert instanceof LowStock low) {
            return low.threshold();
        }
        if (alert instanceof OutOfStock out) {
            return out.threshold();
        }
        return ((BackInStock) alert).threshold();
    }
}
