package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.catalog.domain.AlertKind;
import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.catalog.domain.ReserveOutcome;
import com.openfulfil.dropship.catalog.domain.StockAlerts;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.Priority;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The products of this task (store {@value CatalogTopology#INVENTORY_STORE}, keyed by sku): feed rows
 * and stock changes are applied one at a time, which is what makes overselling impossible. A change
 * of what the storefront sees (listing, price, offers) is published on {@code catalog.products} at
 * once; a change of stock alone waits for the next {@link #publishStock} (about a second), so a
 * product selling many times a second is published once, and any stock alert it crosses goes out
 * at once.
 */
final class Inventory {
    private final KeyValueStore<String, Product> products;
    private final CatalogPolicy policy;
    private final BiConsumer<String, Event> out;
    private final Set<String> stockChanged = new LinkedHashSet<>();

    Inventory(KeyValueStore<String, Product> products, CatalogPolicy policy, BiConsumer<String, Event> out) {
        this.products = products;
        this.policy = policy;
        this.out = out;
    }

    void apply(OfferFeedRow row, Instant now) {
        Product before = products.get(row.sku());
        save(row.eventId(), before, (before == null ? Product.newProduct(row.sku()) : before).apply(row), now);
    }

    /**
     * Reserves a line's units at the best offer not excluded (only {@code onlySupplier}'s, when it is set;
     * {@code preferredSupplier}'s first when it can cover them), split across offers when no single one can.
     */
    ReserveOutcome reserve(String causeId, String orderId, int lineNo, String sku, int quantity,
                           Collection<String> excluded, String onlySupplier, String preferredSupplier, Priority priority,
                           Instant now) {
        Product product = products.get(sku);
        if (product == null) {
            return ReserveOutcome.noSuchProduct();
        }
        ReserveOutcome outcome = product.reserve(orderId, lineNo, quantity,
                onlySupplier == null ? excluded : product.suppliersOtherThan(onlySupplier), preferredSupplier, priority,
                policy);
        if (outcome instanceof ReserveOutcome.Reserved reserved) {
            save(causeId, product, reserved.product(), now);
        }
        return outcome;
    }

    void release(String causeId, String sku, String supplierId, int quantity, Instant now) {
        change(causeId, sku, p -> p.release(supplierId, quantity), now);
    }

    void consume(String causeId, String sku, String supplierId, int quantity, Instant now) {
        change(causeId, sku, p -> p.consume(supplierId, quantity), now);
    }

    /** Publishes every product whose stock changed since the last time, once. */
    void publishStock(Instant now) {
        List<String> due = List.copyOf(stockChanged);
        stockChanged.clear();
        for (String sku : due) {
            Product product = products.get(sku);
            if (product != null) {
                out.accept(sku, CatalogEvents.productUpdated(EventIds.derived(sku, "stock", now.toString()), now,
                        product, policy));
            }
        }
    }

    private void change(String causeId, String sku, UnaryOperator<Product> change, Instant now) {
        Product before = products.get(sku);
        if (before != null) {
            save(causeId, before, change.apply(before), now);
        }
    }

    /** Stores a changed product, publishes it (now or with the next stock round) and any alert it crosses. */
    private void save(String causeId, Product before, Product after, Instant now) {
        if (after.equals(before)) {
            return;
        }
        products.put(after.sku(), after);
        if (before == null || !after.withoutStock().equals(before.withoutStock())
                || after.listed(policy) != before.listed(policy)) {
            stockChanged.remove(after.sku());
            out.accept(after.sku(), CatalogEvents.productUpdated(EventIds.derived(causeId, "product"), now, after, policy));
        } else {
            stockChanged.add(after.sku());
        }
        int threshold = after.lowStockThreshold(policy);
        OptionalInt was = before == null ? OptionalInt.empty() : OptionalInt.of(before.available());
        int thresholdBefore = before == null ? threshold : before.lowStockThreshold(policy);
        for (AlertKind kind : StockAlerts.crossing(was, thresholdBefore, after.available(), threshold)) {
            out.accept(after.sku(), CatalogEvents.alert(kind, EventIds.derived(causeId, kind.name()), now, after.sku(),
                    after.available(), threshold));
        }
    }
}
