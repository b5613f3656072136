package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.channel.domain.StockPush;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.support.streams.StateStores;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The product task (keyed by SKU): each product change sets the quantity every stock-taking store
 * should show ({@link StockPush}); a push goes at once if the store's SKU has had none for the
 * debounce period, otherwise a wall-clock punctuator sends the latest quantity once it is due. What
 * is still to push sits in an index, so the punctuator looks only at those.
 */
final class StockProcessor implements Processor<String, Event, String, Object> {
    private final ChannelSettings settings;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, StockPush> pushes;
    private KeyValueStore<String, String> waiting;

    private StockProcessor(ChannelSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.pushes = context.getStateStore(ChannelTopology.STOCK);
        this.waiting = context.getStateStore(ChannelTopology.STOCK_WAITING);
        context.schedule(settings.stockCheckEvery(), PunctuationType.WALL_CLOCK_TIME, this::pushDue);
    }

    @Override
    public void process(Record<String, Event> record) {
        if (!(record.value() instanceof ProductUpdated product)) {
            return;
        }
        int quantity = StockPush.sellable(product.listed(), product.available());
        for (String store : settings.stockStores()) {
            String key = key(store, product.sku());
            StockPush current = pushes.get(key);
            StockPush next = (current == null ? new StockPush(quantity, null, null) : current).want(quantity);
            save(key, next, now());
        }
    }

    private void pushDue(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = waiting.all()) {
            it.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(key -> save(key, pushes.get(key), now));
    }

    /** Sends the push if it is due, and keeps the key in the index while one is still waiting. */
    private void save(String key, StockPush push, Instant now) {
        if (push == null) {
            waiting.delete(key);
            return;
        }
        StockPush next = push;
        if (push.due(now, settings.stockDebounce())) {
            next = push.sent(now);
            String store = key.substring(0, key.indexOf('|'));
            String sku = key.substring(key.indexOf('|') + 1);
            OutboundCall call = OutboundCall.stock(EventIds.derived(key, Integer.toString(push.wanted()),
                    Long.toString(now.toEpochMilli())), settings.stores().get(store), store, sku, push.wanted());
            context.forward(new Record<>(sku, call, now.toEpochMilli()));
        }
        pushes.put(key, next);
        if (next.pending()) {
            waiting.put(key, "");
        } else {
            waiting.delete(key);
        }
    }

    private static String key(String store, String sku) {
        return store + "|" + sku;
    }

    /** The processor's wall clock, which TopologyTestDriver controls in tests. */
    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    static final class Supplier implements ProcessorSupplier<String, Event, String, Object> {
        private final ChannelSettings settings;

        Supplier(ChannelSettings settings) {
            this.settings = settings;
        }

        @Override
        public Processor<String, Event, String, Object> get() {
            return new StockProcessor(settings);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(StateStores.keyValue(ChannelTopology.STOCK, StockPush.class),
                    StateStores.index(ChannelTopology.STOCK_WAITING));
        }
    }
}
