package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.catalog.domain.AlertKind;
import com.openfulfil.dropship.catalog.domain.CatalogPolicy;
import com.openfulfil.dropship.catalog.domain.Product;
import com.openfulfil.dropship.catalog.domain.ReserveOutcome;
import com.openfulfil.dropship.catalog.domain.StockAlerts;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.ConsumeRequested;
import com.openfulfil.dropship.events.catalog.LineReserved;
import com.openfulfil.dropship.events.catalog.LineUnavailable;
import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.catalog.ReleaseRequested;
import com.openfulfil.dropship.events.catalog.ReservationRequest;
import com.openfulfil.dropship.events.catalog.ReserveRequested;
import com.openfulfil.dropship.events.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Owns each product's stock (store {@value #STORE}, keyed by sku): applies feed rows, and
 * reserves, releases and consumes order lines' stock one request at a time, which is what makes
 * overselling impossible. Every change publishes the product, and any stock alert it crosses.
 */
final class InventoryProcessor implements Processor<String, Event, String, Event> {
    static final String STORE = CatalogTopology.INVENTORY_STORE;

    private final CatalogPolicy policy;
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, Product> products;
    private long timestamp;

    private InventoryProcessor(CatalogPolicy policy) {
        this.policy = policy;
    }

    static boolean handles(Event event) {
        return event instanceof OfferFeedRow || event instanceof ReservationRequest;
    }

    static ProcessorSupplier<String, Event, String, Event> supplier(CatalogPolicy policy) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Event, String, Event> get() {
                return new InventoryProcessor(policy);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        JsonSerde.binary(Product.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.products = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
        timestamp = record.timestamp();
        Event event = record.value();
        if (event instanceof OfferFeedRow row) {
            Product before = products.get(row.sku());
            save(row.eventId(), before, (before == null ? Product.newProduct(row.sku()) : before).apply(row));
        } else if (event instanceof ReserveRequested request) {
            reserve(request);
        } else if (event instanceof ReleaseRequested release) {
            change(release.eventId(), release.sku(), p -> p.release(release.orderId(), release.lineNo()));
        } else if (event instanceof ConsumeRequested consume) {
            change(consume.eventId(), consume.sku(), p -> p.consume(consume.orderId(), consume.lineNo()));
        }
    }

    private void reserve(ReserveRequested request) {
        Product product = products.get(request.sku());
        ReserveOutcome outcome = product == null ? ReserveOutcome.noSuchProduct()
                : product.reserve(request.orderId(), request.lineNo(), request.quantity(), request.onlySupplier() == null
                        ? request.excludedSuppliers() : product.suppliersOtherThan(request.onlySupplier()),
                        request.priority());
        String answerId = EventIds.derived(request.eventId(), "answer");
        if (outcome instanceof ReserveOutcome.Reserved reserved) {
            save(request.eventId(), product, reserved.product());
            forward(request.orderId(), new LineReserved(answerId, now(), request.orderId(), request.lineNo(),
                    request.sku(), reserved.reservation().quantity(), reserved.reservation().chosen(),
                    reserved.reservation().backups()));
        } else if (outcome instanceof ReserveOutcome.Unavailable unavailable) {
            forward(request.orderId(), new LineUnavailable(answerId, now(), request.orderId(), request.lineNo(),
                    request.sku(), request.quantity(), unavailable.available(), unavailable.listed()));
        }
    }

    private void change(String eventId, String sku, UnaryOperator<Product> change) {
        Product before = products.get(sku);
        if (before != null) {
            save(eventId, before, change.apply(before));
        }
    }

    /** Stores a changed product and publishes it with any alert it crosses; an unchanged one publishes nothing. */
    private void save(String causeId, Product before, Product after) {
        if (after.equals(before)) {
            return;
        }
        products.put(after.sku(), after);
        forward(after.sku(), CatalogEvents.productUpdated(EventIds.derived(causeId, "product"), now(), after, policy));
        int threshold = after.lowStockThreshold(policy);
        OptionalInt was = before == null ? OptionalInt.empty() : OptionalInt.of(before.available());
        int thresholdBefore = before == null ? threshold : before.lowStockThreshold(policy);
        for (AlertKind kind : StockAlerts.crossing(was, thresholdBefore, after.available(), threshold)) {
            forward(after.sku(), CatalogEvents.alert(kind, EventIds.derived(causeId, kind.name()), now(), after.sku(),
                    after.available(), threshold));
        }
    }

    private void forward(String key, Event event) {
        context.forward(new Record<>(key, event, timestamp));
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
