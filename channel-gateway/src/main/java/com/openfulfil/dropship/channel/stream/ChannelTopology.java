package com.openfulfil.dropship.channel.stream;

import com.openfulfil.dropship.channel.config.ChannelTopics;
import com.openfulfil.dropship.channel.domain.ChannelRefusal;
import com.openfulfil.dropship.channel.domain.InboundChange;
import com.openfulfil.dropship.channel.domain.OutboundCall;
import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.order.AddressChangeRefused;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.order.OrderStatusChanged;
import com.openfulfil.dropship.events.order.ShippingAddressChanged;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.serde.JsonSerde;
import com.openfulfil.dropship.events.supplier.ParcelsShipped;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

import java.util.List;

/** The channel stream, shared by the function bean and the topology tests. */
public final class ChannelTopology {
    /** Channel orders by order id ({@code domain.ChannelOrder}). */
    public static final String ORDERS = "channel-orders";
    /** Each store's stock of each SKU as told to it, by {@code store|sku} ({@code domain.StockPush}). */
    public static final String STOCK = "channel-stock";
    /** The {@code store|sku} keys whose push waits for its debounce period. */
    public static final String STOCK_WAITING = "channel-stock-waiting";

    /** The pipeline's topics the stream reads (binding channels-in-0; channels-in-1 is channels.inbound). */
    public static final List<String> INPUTS = List.of(Topics.ORDERS_PLACED.name(), Topics.ORDERS_LIFECYCLE.name(),
            Topics.FULFILMENT_EVENTS.name(), Topics.CATALOG_PRODUCTS.name());

    private static final Produced<String, OutboundCall> CALLS = Produced.with(Serdes.String(),
            JsonSerde.of(OutboundCall.class));
    private static final Produced<String, ChannelRefusal> REFUSALS = Produced.with(Serdes.String(),
            JsonSerde.of(ChannelRefusal.class));
    private static final Produced<String, Event> EVENTS = Produced.with(Serdes.String(), new EventSerde());

    private ChannelTopology() {
    }

    public static void wire(KStream<String, Event> events, KStream<String, InboundChange> inbound,
                            ChannelSettings settings) {
        KStream<String, Event> handled = events.filter((key, event) -> event != null);
        KStream<String, Object> orderSide = handled
                .filter((key, event) -> event instanceof OrderPlaced || event instanceof OrderStatusChanged
                        || event instanceof ShippingAddressChanged || event instanceof AddressChangeRefused
                        || event instanceof ParcelsShipped)
                .<Object>mapValues(event -> event)
                .merge(inbound.filter((key, change) -> change != null).<Object>mapValues(change -> change))
                .process(new OrderSyncProcessor.Supplier(settings));
        orderSide.filter((key, value) -> value instanceof OutboundCall)
                .mapValues(value -> (OutboundCall) value).to(ChannelTopics.OUTBOUND, CALLS);
        orderSide.filter((key, value) -> value instanceof OrderCommand)
                .mapValues(value -> (Event) value).to(Topics.ORDER_COMMANDS.name(), EVENTS);
        // orders a channel has paid, placed the way order-service's intake places them
        orderSide.filter((key, value) -> value instanceof OrderPlaced)
                .mapValues(value -> (Event) value).to(Topics.ORDERS_PLACED.name(), EVENTS);
        orderSide.filter((key, value) -> value instanceof ChannelRefusal)
                .mapValues(value -> (ChannelRefusal) value).to(ChannelTopics.REFUSALS, REFUSALS);

        handled.filter((key, event) -> event instanceof ProductUpdated)
                .process(new StockProcessor.Supplier(settings))
                .filter((key, value) -> value instanceof OutboundCall)
                .mapValues(value -> (OutboundCall) value).to(ChannelTopics.OUTBOUND, CALLS);
    }
}
