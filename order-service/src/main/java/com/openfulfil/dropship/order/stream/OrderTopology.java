package com.openfulfil.dropship.order.stream;

import com.openfulfil.dropship.events.Event;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.partner.LedgerEvent;
import com.openfulfil.dropship.events.serde.EventSerde;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ParcelRegistered;
import com.openfulfil.dropship.order.config.OrderProperties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * order-service's stream: every event about an order (placed, allocated, dispatched, shipped,
 * tracked, commands from the API, commission) goes through one processor that owns the order's
 * record; transitions go out on {@code orders.lifecycle}, a reship's replacement order on
 * {@code orders.placed}, the approval of each refund the order accepted (an admin's, or one a lost parcel's
 * claim asked for) on {@code orders.commands}, a return parcel to follow on {@code tracking.registrations}. The two global tables (products,
 * partners) are there for order intake to validate against.
 */
@Configuration
public class OrderTopology {
    /** The order-service stream's global stores, read by the HTTP intake. */
    public static final String PRODUCTS_STORE = "catalog-products";
    public static final String PARTNERS_STORE = "partners";

    private static final String LIFECYCLE = "lifecycle";
    private static final Produced<String, Event> EVENTS = Produced.with(Serdes.String(), new EventSerde());

    @Bean
    public Function<KStream<String, Event>, Function<GlobalKTable<String, Event>,
            Function<GlobalKTable<String, Event>, KStream<String, Event>>>> orders(OrderProperties properties) {
        OrderProcessor.OrderSettings settings = new OrderProcessor.OrderSettings(properties.autoCompleteAfter(),
                properties.autoCompleteCheckEvery());
        return events -> products -> partners -> build(events, settings);
    }

    static KStream<String, Event> build(KStream<String, Event> events) {
        return build(events, OrderProcessor.OrderSettings.DEFAULTS);
    }

    static KStream<String, Event> build(KStream<String, Event> events, OrderProcessor.OrderSettings settings) {
        // events the state machine does not apply arrive undecoded, as null: they stop here
        KStream<String, Event> applied = events.filter((key, event) -> event != null);
        // the ledger is keyed by partner; re-key commission entries by order to meet the order's record
        KStream<String, Event> commissions = applied
                .filter((key, event) -> event instanceof LedgerEvent)
                .selectKey((key, event) -> ((LedgerEvent) event).orderId())
                .repartition(Repartitioned.<String, Event>as("commissions-by-order")
                        .withKeySerde(Serdes.String()).withValueSerde(new EventSerde()));
        KStream<String, Event> out = applied
                .filterNot((key, event) -> event instanceof LedgerEvent)
                .merge(commissions)
                .process(OrderProcessor.supplier(settings));
        // a reship's replacement order is placed like any order, on orders.placed; a refund the order accepted
        // goes to the refund connector on orders.commands; a customer's return parcel to tracking-service on
        // tracking.registrations; the rest is the lifecycle. One branch node: every
        // transition passes one test per route rather than a filter node per route.
        return out.split(Named.as("order-out-"))
                .branch((key, event) -> event instanceof OrderPlaced,
                        Branched.withConsumer(placed -> placed.to(Topics.ORDERS_PLACED.name(), EVENTS)))
                .branch((key, event) -> event instanceof OrderCommand,
                        Branched.withConsumer(commands -> commands.to(Topics.ORDER_COMMANDS.name(), EVENTS)))
                .branch((key, event) -> event instanceof ParcelRegistered,
                        Branched.withConsumer(parcels -> parcels.to(Topics.TRACKING_REGISTRATIONS.name(), EVENTS)))
                .defaultBranch(Branched.as(LIFECYCLE))
                .get("order-out-" + LIFECYCLE);
    }
}
