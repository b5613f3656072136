package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.channel.domain.ChannelOrder;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channel.domain.OrderSync;
import com.openfulfil.dropship.channel.domain.Platform;
import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.OrderSource;
import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.order.AddressChangeRequested;
import com.openfulfil.dropship.events.order.CancelRequested;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.support.streams.StateStores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The order task (keyed by order id): keeps each channel order ({@link ChannelOrder}) and turns what
 * happens to it, on our side and on the channel's, into calls to the channel, cancel and address
 * commands for order-service and refusals for ops ({@link OrderSync}). Whatever it forwards is written in the same
 * transaction as the store, so a replayed event decides nothing twice.
 */
final class OrderSyncProcessor implements Processor<String, Object, String, Object> {
    private static final Logger log = LoggerFactory.getLogger(OrderSyncProcessor.class);
    private final ChannelSettings settings;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, ChannelOrder> orders;

    private OrderSyncProcessor(ChannelSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.orders = context.getStateStore(ChannelTopology.ORDERS);
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = record.value();
        if (value instanceof OrderPlaced placed) {
            placed(placed);
            return;
        }
        String orderId = record.key();
        ChannelOrder order = orderId == null ? null : orders.get(orderId);
        if (value instanceof InboundChange change) {
            apply(OrderSync.changed(order, change, now()), record);
        } else if (order == null) {
            return;  // not a channel's order
        } else if (value instanceof OrderStatusChanged moved) {
            apply(OrderSync.moved(order, moved.to(), moved.reason(), settings.completeOn(order.storeId())), record);
        } else if (value instanceof ShippingAddressChanged changed) {
            orders.put(orderId, order.shippingTo(changed.shipTo()));
        } else if (value instanceof AddressChangeRefused refused) {
            apply(OrderSync.addressRefused(order, refused, now()), record);
        } else if (value instanceof ParcelsShipped shipped) {
            apply(OrderSync.shipped(order, shipped.dispatchId(), shipped.carrier(), shipped.trackingNumbers(),
                    shipped.parcels()), record);
        }
    }

    private void placed(OrderPlaced placed) {
        OrderSource source = placed.order().source();
        Optional<Platform> platform = settings.platformOf(source.storefrontId())
                .filter(p -> source.channel() == channelOf(p));
        if (platform.isPresent() && orders.get(placed.orderId()) == null) {
            orders.put(placed.orderId(), ChannelOrder.placed(placed.orderId(), platform.get(), source.storefrontId(),
                    source.externalRef(), placed.order()));
            // a store whose orders-create goes to order-service (Shopify): its order is ours from here
            settings.activity().orderIn(source.storefrontId());
        }
    }

    private static Channel channelOf(Platform platform) {
        return switch (platform) {
            case SHOPIFY -> Channel.SHOPIFY;
            case WOOCOMMERCE -> Channel.WOOCOMMERCE;
            case AMAZON -> Channel.AMAZON;
        };
    }

    private void apply(OrderSync.Step step, Record<String, Object> record) {
        if (step.order() != null) {
            orders.put(step.order().orderId(), step.order());
        }
        step.calls().forEach(call -> context.forward(record.withKey(call.orderId()).withValue(call)));
        step.place().ifPresent(details -> {
            InboundChange change = (InboundChange) record.value();
            settings.activity().orderIn(change.storeId());
            context.forward(record.withValue(new OrderPlaced(EventIds.derived(change.orderId(), "placed"),
                    now(), change.orderId(), details)));
        });
        step.cancelReason().ifPresent(reason -> {
            InboundChange change = (InboundChange) record.value();
            context.forward(record.withValue(new CancelRequested(EventIds.derived(change.changeId(), "cancel"),
                    now(), change.orderId(), OrderSync.requester(step.order()), reason)));
        });
        step.shipTo().ifPresent(address -> {
            InboundChange change = (InboundChange) record.value();
            context.forward(record.withValue(new AddressChangeRequested(EventIds.derived(change.changeId(), "address"),
                    now(), change.orderId(), OrderSync.requester(step.order()), address)));
        });
        step.refusal().ifPresent(refusal -> {
            log.warn("ALERT {} of order {} ({} store {}) refused: {}", refusal.asked(), refusal.externalRef(),
                    refusal.platform(), refusal.storeId(), refusal.reason());
            context.forward(record.withValue(refusal));
        });
    }

    /** The processor's wall clock, which TopologyTestDriver controls in tests. */
    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    static final class Supplier implements ProcessorSupplier<String, Object, String, Object> {
        private final ChannelSettings settings;

        Supplier(ChannelSettings settings) {
            this.settings = settings;
        }

        @Override
        public Processor<String, Object, String, Object> get() {
            return new OrderSyncProcessor(settings);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(StateStores.keyValue(ChannelTopology.ORDERS, ChannelOrder.class));
        }
    }
}
